/**
 * Following a Packstack run (launch.ts) so that it survives the SSH connection dropping (br-ex taking over the interface, a flaky NAT
 * forward): it was started detached and is polled over a FRESH connection each time. New "Applying ... / [ DONE ]" lines
 * go to the Pulumi log; a dropped connection is retried (bounded); a stall is diagnosed; a failure ends with the
 * log's tail, secrets masked.
 */
import { redact } from "../../core/secrets";
import { tail } from "../../ssh/errors";
import type { RemoteHost } from "../common";
import { LOG_DIR } from "./launch";
import { retryUntil } from "../../core/retry";

/** Tunables read at call time (tests shrink them); seconds. */
export function runTunables(env: NodeJS.ProcessEnv = process.env) {
  const num = (name: string, dflt: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  return {
    pollMs: num("OSLAB_PACKSTACK_POLL_SECONDS", 10) * 1000,
    stallMs: num("OSLAB_PACKSTACK_STALL_SECONDS", 30 * 60) * 1000,
    maxFailedPolls: num("OSLAB_PACKSTACK_MAX_RECONNECTS", 30),
    /** One poll (connect + one command) that takes longer than this is abandoned and counts as failed. */
    pollTimeoutMs: num("OSLAB_PACKSTACK_POLL_TIMEOUT_SECONDS", 90) * 1000,
  };
}

export interface WaitOptions {
  /** A fresh connection per poll (the caller's connect: pinned host key, bounded attempts). */
  open(): Promise<RemoteHost>;
  id: string;
  deadline: number;
  /** What the user set (for the message when the deadline passes). */
  timeoutMinutes: number;
  gateway: string;
  bridge: string;
  externalInterface: string;
  secrets: string[];
  progress(line: string): void;
}

interface Poll {
  rc: number | null;
  alive: boolean;
  data: string;
  gateway?: "up" | "down";
  addresses?: string;
}

const MAX_CHUNK = 1 << 20;

async function pollOnce(host: RemoteHost, id: string, offset: number, diagnose: { gateway: string; bridge: string } | null): Promise<Poll> {
  const script = `d="$1"; id="$2"; off="$3"; max="$4"; gw="$5"; br="$6"
rc=$(cat "$d/$id.rc" 2>/dev/null || true)
pid=$(cat "$d/$id.pid" 2>/dev/null || true)
alive=0; if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then alive=1; fi
diag=""
if [ -n "$gw" ]; then
  if ping -c 1 -W 2 "$gw" > /dev/null 2>&1; then diag="gw=up"; else diag="gw=down"; fi
  addrs=$(ip -4 -o addr show 2>/dev/null | awk '{print $2 "=" $4}' | tr '\\n' ' ')
  diag="$diag addrs=$addrs"
fi
echo "rc=$rc alive=$alive $diag"
tail -c +$((off + 1)) "$d/$id.log" 2>/dev/null | head -c "$max"
`;
  const res = await host.script(script, [LOG_DIR, id, String(offset), String(MAX_CHUNK), diagnose?.gateway ?? "", diagnose?.bridge ?? ""], { allowFailure: true });
  const nl = res.stdout.indexOf("\n");
  const head = nl < 0 ? res.stdout : res.stdout.slice(0, nl);
  const m = /^rc=(\S*) alive=(\d)(?: gw=(up|down) addrs=(.*))?$/.exec(head.trim());
  if (!m) throw new Error(`unexpected answer while polling the Packstack run: ${JSON.stringify(head.slice(0, 200))}`);
  return {
    rc: m[1] === "" ? null : Number(m[1]),
    alive: m[2] === "1",
    data: nl < 0 ? "" : res.stdout.slice(nl + 1),
    ...(m[3] ? { gateway: m[3] as "up" | "down", addresses: (m[4] ?? "").trim() } : {}),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** What a terminal would show of one raw log line (colours removed, carriage-return overwrites applied). */
export function cleanLine(raw: string): string {
  const parts = raw.replace(ANSI, "").split("\r").filter((p) => p.trim() !== "");
  return (parts[parts.length - 1] ?? "").trimEnd();
}

/** Lines worth a Pulumi progress line: the steps, the manifests, errors and the final verdict. */
export function isProgressLine(line: string): boolean {
  return /\[ (DONE|ERROR|WARNING) \]\s*$/.test(line) || /^Applying \S+\.pp\s*$/.test(line) || /^\s*\*{4} Installation completed/.test(line) || /^ERROR\b/.test(line);
}

export class PackstackFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackstackFailedError";
  }
}

/** Another look at the run: `now` when more log is waiting (no wait before it). */
class LookAgain {
  constructor(readonly now: boolean) {}
}

/** Polls the detached run until it ends; resolves on exit code 0, throws (with the log tail) otherwise. */
export async function waitForRun(o: WaitOptions): Promise<void> {
  const t = runTunables();
  const logFile = `${LOG_DIR}/${o.id}.log`;
  const mask = (s: string) => redact(s, o.secrets);
  let offset = 0;
  let partial = "";
  let recent: string[] = [];
  let lastNews = Date.now();
  let lastStep = "";
  let failedPolls = 0;
  let lastFailure = "";

  const still = () => `Packstack is still running on the host; its log is ${logFile}`;
  // one look a try: retryUntil waits pollMs between them, none after a full chunk (more log is waiting); the
  // deadline and the failed-poll cap are judged here, with their own messages
  return retryUntil(async () => {
    const stalled = Date.now() - lastNews >= t.stallMs;
    let poll: Poll;
    try {
      poll = await bounded(t.pollTimeoutMs, async (opened) => {
        const conn = opened(await o.open());
        try {
          return await pollOnce(conn, o.id, offset, stalled ? { gateway: o.gateway, bridge: o.bridge } : null);
        } finally {
          conn.close();
        }
      });
      if (failedPolls) o.progress(`reconnected after ${failedPolls} failed poll(s); following the Packstack run again`);
      failedPolls = 0;
    } catch (e) {
      const name = String((e as { name?: unknown })?.name ?? "");
      if (name === "HostKeyMismatchError" || name === "SshAuthError" || name === "SudoRefusedError") throw e;
      failedPolls++;
      lastFailure = mask(String((e as { message?: unknown })?.message ?? e));
      if (failedPolls >= t.maxFailedPolls || Date.now() + t.pollMs >= o.deadline) {
        throw new PackstackFailedError(
          `lost the connection to the host while Packstack ran (${failedPolls} polls failed; last: ${lastFailure}). ` +
            `If the host stopped answering mid-install, br-ex most likely took over ${o.externalInterface} with the wrong address: ` +
            `check ${ifcfg(o.bridge)} and ${ifcfg(o.externalInterface)} on the VM console. ${still()}; \`pulumi up\` again resumes following it.`,
        );
      }
      o.progress(`connection lost while following Packstack (${lastFailure}); reconnecting (${failedPolls}/${t.maxFailedPolls})`);
      throw new LookAgain(false);
    }

    if (poll.data) {
      lastNews = Date.now();
      offset += Buffer.byteLength(poll.data, "utf8");
      const lines = (partial + poll.data).split("\n");
      partial = lines.pop() ?? "";
      for (const raw of lines) {
        const line = cleanLine(raw);
        if (!line) continue;
        recent = [...recent.slice(-39), line];
        if (isProgressLine(line)) {
          lastStep = line;
          o.progress(mask(line));
        }
      }
      if (poll.data.length >= MAX_CHUNK) throw new LookAgain(true); // more to read right away
    }

    if (poll.rc !== null) {
      if (partial) recent = [...recent, cleanLine(partial)].slice(-40);
      if (poll.rc === 0) return;
      throw new PackstackFailedError(
        `Packstack failed (exit code ${poll.rc}). Last lines of ${logFile}:\n${mask(tail(recent.join("\n"), 25, 6000))}`,
      );
    }
    if (!poll.alive) {
      throw new PackstackFailedError(
        `Packstack stopped without an exit code (the host rebooted or the process was killed). Last lines of ${logFile}:\n` +
          mask(tail(recent.join("\n"), 15, 4000)),
      );
    }

    if (poll.gateway) {
      const minutes = Math.round(t.stallMs / 6000) / 10;
      const where = `last step: ${lastStep ? JSON.stringify(mask(lastStep)) : "none yet"}`;
      if (poll.gateway === "down") {
        throw new PackstackFailedError(
          `Packstack made no progress for ${minutes} min (${where}) and the gateway ${o.gateway} does not answer from the host ` +
            `(addresses: ${poll.addresses || "none"}): ${o.bridge} most likely has the wrong address. Check ${ifcfg(o.bridge)} ` +
            `(IPADDR, PREFIX, GATEWAY) and ${ifcfg(o.externalInterface)} (an OVS port of ${o.bridge}, no IP), then ` +
            `\`systemctl restart network\`. ${still()}.`,
        );
      }
      o.progress(`no new Packstack output for ${minutes} min (${where}); the gateway ${o.gateway} answers, so Puppet is probably still working; waiting`);
      lastNews = Date.now();
    }

    if (Date.now() + t.pollMs >= o.deadline) {
      throw new PackstackFailedError(
        `Packstack has not finished within the time allowed (timeoutMinutes ${o.timeoutMinutes}, or customTimeouts); ${still()}. ` +
          `Run \`pulumi up\` again to resume following it (a new run is not started while this one lives).`,
      );
    }
    throw new LookAgain(false);
  }, { firstMs: t.pollMs, capMs: t.pollMs, deadline: Infinity, retryable: (e) => e instanceof LookAgain, atOnce: (e) => (e as LookAgain).now });
}

/**
 * Runs one poll with a local time limit: a connection that dies at the wrong moment (between opening a channel
 * and the server confirming it) can leave a promise pending forever; the poll is then abandoned, its
 * connection closed, and it counts as a failed poll.
 */
async function bounded<T>(ms: number, fn: (opened: (c: RemoteHost) => RemoteHost) => Promise<T>): Promise<T> {
  let conn: RemoteHost | undefined;
  let late = false;
  let timer: NodeJS.Timeout | undefined;
  const opened = (c: RemoteHost) => {
    if (late) c.close(); // the poll was abandoned while connecting: do not leave this connection open
    return (conn = c);
  };
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      conn?.close();
      reject(new Error(`no answer within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([fn(opened), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function ifcfg(dev: string): string {
  return `/etc/sysconfig/network-scripts/ifcfg-${dev}`;
}
