/**
 * The steps of an operation, each over the operation's connections: what the host already has, the answer file
 * (generated once, taken over when adopting), one Packstack run (bridge files, upload, detached start, follow),
 * and the health check with its repairs.
 */
import type { OpContext } from "../../core/controller";
import { redact } from "../../core/secrets";
import type { SshConnection } from "../../ssh";
import { connectionSecrets, openConnection } from "../common/connection";
import { answerSecrets, ANSWER_PATH, desiredAnswers, parseAnswers, setAnswers } from "./answerFile";
import { carriedDns, ifcfgPath, STATE_DIR, writeBridgeFiles } from "./bridge";
import { diagnose, expectedUnits, readHealth, repair, wantedVirtType } from "./health";
import { KEYSTONERC_PATH } from "./keystonerc";
import { currentRun, launch, newRunId, waitForRun } from "./run";
import type { PackstackInputs, PackstackOutputs } from "./types";

/** One operation's access to the host: fresh connections with the host key pinned after the first one. */
export class Host {
  private pin: string | undefined;
  constructor(
    private readonly inputs: PackstackInputs,
    private readonly ctx: OpContext,
    pinnedInState?: string | null,
  ) {
    this.pin = inputs.connection.hostKeyFingerprint ?? pinnedInState ?? undefined;
  }

  get hostKeyFingerprint(): string {
    return this.pin ?? "";
  }

  async open(): Promise<SshConnection> {
    const conn = await openConnection(this.inputs.connection, { pinnedInState: this.pin, deadline: this.ctx.deadline, progress: this.ctx.progress });
    this.pin = conn.hostKeyFingerprint;
    return conn;
  }

  async with<T>(fn: (conn: SshConnection) => Promise<T>): Promise<T> {
    const conn = await this.open();
    try {
      return await fn(conn);
    } finally {
      conn.close();
    }
  }
}

/** Strings to mask in everything this resource reports. */
export function secretsOf(inputs: PackstackInputs, answerFile?: string | null): string[] {
  return [inputs.adminPassword, ...connectionSecrets(inputs.connection), ...answerSecrets(answerFile)];
}

/** Runs fn; any error leaves with every secret masked (the answer file's passwords are not inputs). */
export async function masked<T>(secrets: () => string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message = redact(err.message, secrets());
    if (err.stack) err.stack = redact(err.stack, secrets());
    throw err;
  }
}

export interface HostFacts {
  installed: boolean;
  hasPackstack: boolean;
  /** Answer files in /root, ours first, then newest first. */
  answerFiles: string[];
  /** DNS1.. for ifcfg-<bridge>: see carriedDns. */
  dns: string[];
  /** The VM has /dev/kvm (nested virtualization on). */
  kvm: boolean;
}

/** What the host has (one command), and the DNS servers the bridge gets (carried over from ifcfg-<interface>). */
export async function hostFacts(conn: SshConnection, inputs: Pick<PackstackInputs, "gateway" | "externalInterface" | "bridge">): Promise<HostFacts> {
  const res = await conn.runScript(
    `[ -f ${KEYSTONERC_PATH} ] && echo installed=1
[ -e /dev/kvm ] && echo kvm=1
command -v packstack > /dev/null 2>&1 && echo packstack=1
[ -f ${ANSWER_PATH} ] && echo "answers=${ANSWER_PATH}"
for f in $(ls -t /root/packstack-answers-*.txt /root/answers*.txt 2>/dev/null); do echo "answers=$f"; done
cat /etc/resolv.conf 2>/dev/null | sed 's/^/resolv:/'
sed 's/^/iface:/' "$1" 2>/dev/null
sed 's/^/bridge:/' "$2" 2>/dev/null
sed 's/^/before:/' "$3" 2>/dev/null
true
`,
    { args: [ifcfgPath(inputs.externalInterface), ifcfgPath(inputs.bridge), `${STATE_DIR}/ifcfg-${inputs.externalInterface}.before`] },
  );
  const lines = res.stdout.split("\n");
  const answerFiles = [...new Set(lines.filter((l) => l.startsWith("answers=")).map((l) => l.slice(8)))];
  const section = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)).join("\n");
  return {
    installed: lines.includes("installed=1"),
    hasPackstack: lines.includes("packstack=1"),
    kvm: lines.includes("kvm=1"),
    answerFiles,
    dns: carriedDns({ iface: section("iface:"), bridge: section("bridge:"), before: section("before:"), resolvConf: section("resolv:") }, inputs.gateway),
  };
}

export async function generateAnswerFile(conn: SshConnection): Promise<string> {
  const tmp = `${STATE_DIR}/generated-${newRunId()}.txt`;
  await conn.runOk(["mkdir", "-p", "-m", "700", STATE_DIR]);
  const gen = await conn.run(["packstack", `--gen-answer-file=${tmp}`]);
  if (gen.code !== 0) throw new Error(`packstack --gen-answer-file failed (exit ${gen.code}): ${(gen.stderr || gen.stdout).trim().split("\n").slice(-5).join("\n")}`);
  try {
    return (await conn.download(tmp)).toString("utf8");
  } finally {
    await conn.run(["rm", "-f", "--", tmp]).catch(() => undefined);
  }
}

/** The answer file with every input-owned key set (comments and generated passwords untouched). */
export function applyInputs(text: string, inputs: PackstackInputs, only?: string[]): string {
  const desired = desiredAnswers(inputs);
  const values = only ? Object.fromEntries(only.map((k) => [k, desired[k]])) : desired;
  return setAnswers(text, values);
}

/** Follows run `id` (started earlier, detached) over fresh connections until it ends; throws when it failed. */
export function followRun(host: Host, inputs: PackstackInputs, id: string, answerFile: string, ctx: OpContext): Promise<void> {
  return waitForRun({
    open: () => host.open(),
    id,
    deadline: Math.min(ctx.deadline, Date.now() + inputs.timeoutMinutes * 60e3),
    timeoutMinutes: inputs.timeoutMinutes,
    gateway: inputs.gateway,
    bridge: inputs.bridge,
    externalInterface: inputs.externalInterface,
    secrets: secretsOf(inputs, answerFile),
    progress: ctx.progress,
  });
}

/**
 * One Packstack run with `answerFile`: ifcfg files, upload, detached start, then follow it over fresh connections
 * until it ends. A run still going on the host (started by an interrupted `pulumi up`) is followed first; when it
 * succeeded with the same answers, that was the run, and no second one starts.
 */
export async function runPackstack(host: Host, inputs: PackstackInputs, answerFile: string, ctx: OpContext, dns?: string[]): Promise<string> {
  const id = newRunId();
  const secrets = secretsOf(inputs, answerFile);
  const earlier = await host.with((conn) => currentRun(conn));
  let followed: string | null = null;
  if (earlier && earlier.rc === null && earlier.alive) {
    ctx.progress(`a Packstack run started earlier (${earlier.id}) is still going; following it to the end first`);
    await followRun(host, inputs, earlier.id, answerFile, ctx).then(
      () => (followed = earlier.id),
      (e) => ctx.progress(`the earlier run ended badly: ${redact(String((e as Error).message).split("\n")[0], secrets)}`),
    );
  }
  const launched = await host.with(async (conn) => {
    const facts = await hostFacts(conn, inputs);
    const resolvers = dns ?? facts.dns;
    // Nova's virt_type follows what the VM has (Packstack's own default, %{::default_hypervisor}, is qemu in any VM)
    const virtType = wantedVirtType(inputs.virtType, facts.kvm);
    answerFile = setAnswers(answerFile, { CONFIG_NOVA_LIBVIRT_VIRT_TYPE: virtType });
    // The run just followed to success used this very answer file: running it again would only cost another hour.
    if (followed && (await ranWith(conn, answerFile))) return false;
    ctx.progress(`Nova virt_type ${virtType} (${facts.kvm ? "the VM has /dev/kvm: nested virtualization" : "no /dev/kvm in the VM: emulation"})`);
    const written = await writeBridgeFiles(conn, inputs, resolvers);
    if (written.length) ctx.progress(`wrote ${written.join(", ")}`);
    await conn.upload(ANSWER_PATH, answerFile, 0o600);
    await launch(conn, id, ANSWER_PATH);
    return true;
  });
  if (!launched) {
    ctx.progress(`the earlier run (${followed}) succeeded with this same answer file; Packstack is not run again`);
    return answerFile;
  }
  ctx.progress(`Packstack started detached (run ${id}, log /var/log/packstack-lab/${id}.log)`);
  await followRun(host, inputs, id, answerFile, ctx);
  ctx.progress("Packstack finished");
  return answerFile;
}

/** Whether the answer file on the host (the one the last run was started with) holds the same answers as `answerFile`. */
export async function ranWith(conn: SshConnection, answerFile: string): Promise<boolean> {
  const res = await conn.run(["cat", "--", ANSWER_PATH]);
  if (res.code !== 0) return false;
  const have = parseAnswers(res.stdout);
  const want = parseAnswers(answerFile);
  const keys = new Set([...Object.keys(have), ...Object.keys(want)]);
  return [...keys].every((k) => have[k] === want[k]);
}

export type HealthOutputs = Pick<PackstackOutputs, "keystonerc" | "services" | "healthy" | "problems" | "dashboardUrl" | "virtType" | "kvm">;

export function dashboardUrl(inputs: PackstackInputs): string {
  return `http://${inputs.hostIp}/dashboard`;
}

/** Reads the health (one command); with `fix`, repairs what it can and reads again. */
export async function checkHealth(conn: SshConnection, inputs: PackstackInputs, answerFile: string, ctx: OpContext, fix: boolean): Promise<HealthOutputs & { gone: boolean }> {
  const units = expectedUnits(inputs.l2Agent);
  const url = dashboardUrl(inputs);
  let h = await readHealth(conn, inputs, units);
  let d = diagnose(h, answerFile, url, inputs);
  if (fix && !d.healthy) {
    const done = await repair(conn, d, h.services, inputs, async () => (await hostFacts(conn, inputs)).dns);
    for (const line of done) ctx.progress(line);
    if (done.length) {
      h = await readHealth(conn, inputs, units);
      d = diagnose(h, answerFile, url, inputs);
    }
  }
  return {
    keystonerc: h.keystonerc,
    services: h.services,
    healthy: d.healthy,
    problems: d.problems,
    dashboardUrl: url,
    // "auto" while nova.conf has what auto means: then the input compares equal and only a real change is drift
    virtType: inputs.virtType === "auto" && d.setVirtType === null ? "auto" : d.virtType ?? "",
    kvm: h.kvm,
    gone: !h.keystonerc && h.services.every((s) => !s.active),
  };
}
