/**
 * What a killed run leaves (a closed window, a second Ctrl-C, a power cut) and how the next `npm run lab` picks it
 * up without the user typing anything else:
 * - the file backend's lock (`<state>/.pulumi/locks/<project>/<stack>/<id>.json`, holding the pid and host of the
 *   run that took it): a lock whose process is gone on this PC is stale and removed; a live one means another
 *   `npm run lab` is running (then the user is told, in `npm run lab` words, what to do);
 * - operations the engine never heard back from (the deployment's `pending_operations`): they are cleared, and an
 *   object a pending create of the VM or the NAT Network had begun in VirtualBox is removed first (a VM whose
 *   install was cut off cannot be trusted; VirtualBox refuses a second one of the same name), so the run goes on
 *   with each object made once. The OpenStack creates are found again by the create journal
 *   (provider/core/createJournal.ts), HostPrep and PackstackInstall take over the host their connection reaches.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { LabPaths } from "./paths";
import { runHostCommand } from "./hostCommand";

export interface LockInfo {
  file: string;
  pid?: number;
  hostname?: string;
  timestamp?: string;
  alive: boolean;
}

function listJson(dir: string): string[] {
  let out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(listJson(p));
    else if (e.name.endsWith(".json")) out.push(p);
  }
  return out;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The stack's locks in the file backend (`.pulumi/locks/...`). */
export function stackLocks(paths: LabPaths, stackName = paths.stack): LockInfo[] {
  const root = path.join(paths.stateDir, ".pulumi", "locks");
  return listJson(root)
    .filter((f) => path.basename(path.dirname(f)) === stackName)
    .map((file) => {
      let j: { pid?: number; hostname?: string; timestamp?: string } = {};
      try {
        j = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        /* unreadable: treat as stale */
      }
      const here = !j.hostname || j.hostname === os.hostname();
      const alive = !!(here && typeof j.pid === "number" && pidAlive(j.pid)) || (!here && true);
      return { file, pid: j.pid, hostname: j.hostname, timestamp: j.timestamp, alive };
    });
}

export interface PendingOp {
  type: string;
  urn: string;
  name: string;
  resourceType: string;
  inputs: Record<string, unknown>;
}

interface Deployment {
  version: number;
  deployment: { pending_operations?: { type: string; resource: { urn: string; type: string; inputs?: Record<string, unknown> } }[]; resources?: unknown[] };
}

export function pendingOps(d: Deployment): PendingOp[] {
  return (d.deployment?.pending_operations ?? []).map((p) => ({
    type: p.type,
    urn: p.resource.urn,
    name: p.resource.urn.split("::").pop() ?? p.resource.urn,
    resourceType: p.resource.type.split(":").pop() ?? p.resource.type,
    inputs: p.resource.inputs ?? {},
  }));
}

/** VBoxManage as the lab's provider finds it (vboxManagePath, else PATH). */
async function vbox(exe: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  const r = await runHostCommand(exe, args, 120_000);
  return { ok: r.ok, out: r.stdout + r.stderr };
}

/** Removes what a pending create of a VirtualBox object had begun (the VM with its disks, the NAT Network). */
export async function undoVirtualBoxCreate(op: PendingOp, exe: string, say: (l: string) => void): Promise<void> {
  const name = typeof op.inputs.name === "string" ? op.inputs.name : undefined;
  if (!name) return;
  if (op.resourceType === "VirtualMachine") {
    const info = await vbox(exe, ["showvminfo", name, "--machinereadable"]);
    if (!info.ok) return;
    if (/^VMState="(running|paused|stuck|starting)"/m.test(info.out)) await vbox(exe, ["controlvm", name, "poweroff"]);
    const r = await vbox(exe, ["unregistervm", name, "--delete"]);
    say(r.ok ? `  the VM ${name} the last run began was cut off before it was recorded: removed it with its disk; this run installs it again` : `  could not remove the half-made VM ${name}: ${r.out.trim().split("\n")[0]}`);
  } else if (op.resourceType === "NatNetwork") {
    const list = await vbox(exe, ["natnetwork", "list", name]);
    if (!list.ok || !new RegExp(`^Name:\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "m").test(list.out)) return;
    const r = await vbox(exe, ["natnetwork", "remove", "--netname", name]);
    say(r.ok ? `  the NAT Network ${name} the last run made was not recorded: removed it; this run makes it again` : `  could not remove the NAT Network ${name}: ${r.out.trim().split("\n")[0]}`);
  }
}

/**
 * The lab's own journal of VirtualBox creates (`<state>/vbox-creates.json`): VirtualBox creates have no journal of
 * their own, and a create cut off (the plugin killed with the window, or Ctrl-C reaching it) can leave a VM or NAT
 * Network that the state never heard of, which VirtualBox then refuses to make again ("already exists"). The lab
 * writes an entry when the engine starts such a create (its pre event) and drops it when the engine has the object
 * (its outputs event); an entry left over names an object this lab's own run began.
 */
export interface CreateEntry {
  urn: string;
  type: "VirtualMachine" | "NatNetwork";
  name: string;
  at: string;
}

const journalFile = (paths: LabPaths) => path.join(paths.stateDir, "vbox-creates.json");

export function readCreates(paths: LabPaths): CreateEntry[] {
  try {
    return JSON.parse(fs.readFileSync(journalFile(paths), "utf8"));
  } catch {
    return [];
  }
}

function writeCreates(paths: LabPaths, entries: CreateEntry[]): void {
  if (!entries.length) fs.rmSync(journalFile(paths), { force: true });
  else fs.writeFileSync(journalFile(paths), JSON.stringify(entries, null, 2));
}

/** Keeps the journal from the engine's events (main.ts feeds every event of `up`). */
export function createJournal(paths: LabPaths): (e: { resourcePreEvent?: { metadata: { op: string; urn: string; type: string; new?: { inputs?: Record<string, unknown> } } }; resOutputsEvent?: { metadata: { urn: string } } }) => void {
  return (e) => {
    const pre = e.resourcePreEvent?.metadata;
    if (pre && /^create/.test(pre.op)) {
      const type = pre.type.split(":").pop();
      const name = pre.new?.inputs?.name;
      if ((type === "VirtualMachine" || type === "NatNetwork") && typeof name === "string") {
        writeCreates(paths, [...readCreates(paths).filter((x) => x.urn !== pre.urn), { urn: pre.urn, type, name, at: new Date().toISOString() }]);
      }
    }
    const done = e.resOutputsEvent?.metadata;
    if (done) {
      const entries = readCreates(paths);
      if (entries.some((x) => x.urn === done.urn)) writeCreates(paths, entries.filter((x) => x.urn !== done.urn));
    }
  };
}

export interface RecoverResult {
  /** Another run holds the stack (alive): the caller stops. */
  busy?: LockInfo;
  clearedLocks: number;
  clearedOps: PendingOp[];
}

/**
 * Before a run: stale locks removed, pending operations resolved. `vboxManage` is the VBoxManage to resolve
 * VirtualBox creates with.
 */
export async function recover(stack: Stack, paths: LabPaths, vboxManage: string, say: (l: string) => void): Promise<RecoverResult> {
  const res: RecoverResult = { clearedLocks: 0, clearedOps: [] };
  for (const l of stackLocks(paths)) {
    if (l.alive) return { ...res, busy: l };
    fs.rmSync(l.file, { force: true });
    res.clearedLocks++;
  }
  if (res.clearedLocks) say(`a run of the lab was killed (its lock, pid gone): cleared it`);
  const d = (await stack.exportStack()) as unknown as Deployment;
  const ops = pendingOps(d);
  if (ops.length) {
    say(`the last run was cut off during ${ops.length} step(s) it never heard back from: ${ops.map((o) => `${o.type.replace(/ing$/, "e")} ${o.name}`).join(", ")}`);
    for (const op of ops) if (op.type === "creating") await undoVirtualBoxCreate(op, vboxManage, say);
    delete d.deployment.pending_operations;
    await stack.importStack(d as never);
    res.clearedOps = ops;
  }
  // creates the engine never recorded (the plugin cut off with them): the object is this lab's own, never in state
  const inState = new Set(((d.deployment.resources ?? []) as { urn: string }[]).map((r) => r.urn));
  for (const entry of readCreates(paths)) {
    if (!inState.has(entry.urn) && !ops.some((o) => o.urn === entry.urn)) {
      await undoVirtualBoxCreate({ type: "creating", urn: entry.urn, name: entry.urn.split("::").pop()!, resourceType: entry.type, inputs: { name: entry.name } }, vboxManage, say);
    }
  }
  writeCreates(paths, []);
  return res;
}
