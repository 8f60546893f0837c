/**
 * The road back: `npm run lab -- snapshots` lists the VM's snapshots with their dates (the date the lab's stack
 * recorded when it took one: VBoxManage prints none), `npm run lab -- restore [SNAPSHOT]` (default the lab's
 * "after-packstack") powers the VM off, restores the snapshot, starts the VM, waits for its SSH, and then the caller
 * reconciles the rest with `up --refresh` (what was made after the snapshot is re-created or adopted, nothing doubled).
 */
import { runVBoxManage } from "../provider/virtualbox/vboxmanage/run";
import { readSshBanner } from "../provider/virtualbox/virtualmachine/readiness";
import type { StateView } from "./stackState";
import { typeOf } from "./stackState";
import { sleep } from "../provider/core/retry";

export const DEFAULT_SNAPSHOT = "after-packstack";

export interface SnapshotInfo {
  name: string;
  uuid: string;
  description: string;
  current: boolean;
  /** When the lab took it (the stack's record), if the lab did. */
  takenAt?: string;
}

/** `snapshot <vm> list --machinereadable` (SnapshotName[-1-1...]=, SnapshotUUID..., CurrentSnapshotUUID=). */
export function parseSnapshotList(text: string): SnapshotInfo[] {
  const kv = new Map<string, string>();
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const m = /^([A-Za-z0-9-]+)="(.*)"$/.exec(line);
    if (m) kv.set(m[1], m[2].replace(/\\"/g, '"').replace(/\\\\/g, "\\"));
  }
  const current = kv.get("CurrentSnapshotUUID");
  const out: SnapshotInfo[] = [];
  for (const [k, v] of kv) {
    const m = /^SnapshotName(.*)$/.exec(k);
    if (!m) continue;
    const uuid = kv.get(`SnapshotUUID${m[1]}`) ?? "";
    out.push({ name: v, uuid, description: kv.get(`SnapshotDescription${m[1]}`) ?? "", current: uuid === current });
  }
  return out;
}

/** Dates from the stack's Snapshot resources (`created`, kept by the CLI for each resource). */
export function withDates(list: SnapshotInfo[], view: StateView): SnapshotInfo[] {
  const taken = new Map<string, string>();
  for (const r of view.resources as (StateView["resources"][number] & { created?: string })[]) {
    if (typeOf(r.type) === "Snapshot" && typeof r.outputs?.uuid === "string" && r.created) taken.set(r.outputs.uuid as string, r.created);
  }
  return list.map((s) => ({ ...s, takenAt: taken.get(s.uuid) }));
}

export async function listSnapshots(exe: string, vm: string): Promise<SnapshotInfo[]> {
  try {
    return parseSnapshotList((await runVBoxManage(exe, ["snapshot", vm, "list", "--machinereadable"], { attempts: 1 })).stdout);
  } catch (e) {
    if (/does not have any snapshots/i.test(String((e as Error).message))) return [];
    throw e;
  }
}

/** Power off, restore, start, wait for SSH on 127.0.0.1:sshPort. */
export async function restoreSnapshot(exe: string, vm: string, snapshot: string, sshPort: number, say: (l: string) => void, timeoutMs = 15 * 60_000): Promise<void> {
  const run = (args: string[]) => runVBoxManage(exe, args, { attempts: 3 });
  const info = (await run(["showvminfo", vm, "--machinereadable"])).stdout;
  if (/^VMState="(running|paused|stuck)"/m.test(info)) {
    say(`powering off ${vm}`);
    await run(["controlvm", vm, "poweroff"]);
  }
  say(`restoring snapshot ${snapshot}`);
  await run(["snapshot", vm, "restore", snapshot]);
  say(`starting ${vm}`);
  await run(["startvm", vm, "--type", "headless"]);
  const end = Date.now() + timeoutMs;
  let lastSaid = Date.now();
  for (;;) {
    const banner = await readSshBanner("127.0.0.1", sshPort);
    if (banner) return say(`SSH is up on 127.0.0.1:${sshPort}`);
    if (Date.now() > end) throw new Error(`the VM gave no SSH banner on 127.0.0.1:${sshPort} within ${Math.round(timeoutMs / 60000)} minutes after the restore`);
    if (Date.now() - lastSaid > 30_000) {
      say(`waiting for SSH on 127.0.0.1:${sshPort}`);
      lastSaid = Date.now();
    }
    await sleep(2000);
  }
}
