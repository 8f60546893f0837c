/** Running sshd in a private mount namespace, and killing everything that namespace holds. */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import { GuestLayout } from "./rootfs";

/**
 * Inside new mount and UTS namespaces (the guest has its own hostname): the guest's /etc copy over /etc, an overlay
 * over /usr (stand-ins first on PATH), private /root, /home, /var/tmp, /var/log and /run/sudo (the guest's sudo
 * keeps its time stamps there, not in this machine's), then sshd in the foreground on 127.0.0.1:<port>. The
 * network is shared with the host on purpose (the guest reaches the test cloud at 127.0.0.1:5000).
 */
const SCRIPT = `set -e
G="$1"; PORT="$2"; NAME="$3"
hostname "$NAME"
mount --bind "$G/etc" /etc
mount -t overlay overlay -o "lowerdir=/usr,upperdir=$G/usr-upper,workdir=$G/usr-work" /usr
mount --bind "$G/root" /root
mount --bind "$G/home" /home
mount --bind "$G/var-tmp" /var/tmp
mount --bind "$G/var-log" /var/log
mkdir -p /run/sudo /run/sshd
mount -t tmpfs -o mode=0711 tmpfs /run/sudo
exec /usr/sbin/sshd -D -e -f /etc/ssh/sshd_config -o "Port=$PORT" -o ListenAddress=127.0.0.1 -o PidFile=none
`;
/** sshd again in a namespace whose mounts are already there (a restarted sshd on the same "machine"). */
const SSHD_AGAIN = `PORT="$1"
mkdir -p /run/sshd
exec /usr/sbin/sshd -D -e -f /etc/ssh/sshd_config -o "Port=$PORT" -o ListenAddress=127.0.0.1 -o PidFile=none
`;

export interface SshdProcess {
  child: ChildProcess;
  pid: number;
  namespace: string;
  log(): string;
}

/**
 * `join`: the pid of a process in an existing guest namespace: sshd starts there (the same mounts, so what runs
 * there and the new sessions see one machine) instead of in a new one.
 */
export async function startSshd(l: GuestLayout, port: number, hostname: string, join?: number): Promise<SshdProcess> {
  const child =
    join === undefined
      ? spawn("unshare", ["--mount", "--uts", "--propagation", "private", "--", "sh", "-c", SCRIPT, "sh", l.dir, String(port), hostname], { stdio: ["ignore", "pipe", "pipe"] })
      : spawn("nsenter", ["--target", String(join), "--mount", "--uts", "--", "sh", "-c", SSHD_AGAIN, "sh", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: number | null | undefined;
  child.on("exit", (code) => {
    exited = code;
  });
  const until = Date.now() + 15_000;
  while (!(await answersSsh(port))) {
    if (exited !== undefined) throw new Error(`guest sshd exited with ${exited} before listening:\n${log}`);
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`guest sshd did not listen on 127.0.0.1:${port} within 15 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const namespace = fs.readlinkSync(`/proc/${child.pid}/ns/mnt`);
  if (namespace === fs.readlinkSync("/proc/self/ns/mnt")) {
    child.kill("SIGKILL");
    throw new Error("guest sshd runs in this process's mount namespace: refusing to continue");
  }
  return { child, pid: child.pid!, namespace, log: () => log };
}

function answersSsh(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once("data", (d) => done(d.toString().startsWith("SSH-")));
    s.once("error", () => done(false));
  });
}

/** Pids whose mount namespace is `namespace` (never this process's own). */
export function pidsIn(namespace: string): number[] {
  if (namespace === fs.readlinkSync("/proc/self/ns/mnt")) return [];
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readlinkSync(`/proc/${d}/ns/mnt`) === namespace) out.push(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** SIGKILLs every process in the namespace until none is left (sshd sessions setsid(), so a process group is not enough). */
export async function killNamespace(namespace: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pids = pidsIn(namespace);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    if (Date.now() > until) throw new Error(`processes still alive in guest namespace: ${pids.join(", ")}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

export function killNamespaceSync(namespace: string): void {
  for (const pid of pidsIn(namespace)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
