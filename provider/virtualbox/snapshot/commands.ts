/** The VBoxManage command lines of virtualbox.Snapshot, and `snapshot list --machinereadable` -> outputs. */
import type { RunResult } from "../vboxmanage";
import { NO_SNAPSHOTS, parseSnapshotList, SnapshotInfo } from "../vboxmanage/parse";
import type { SnapshotInputs, SnapshotOutputs } from "./types";

export function takeArgs(s: SnapshotInputs): string[] {
  const args = ["snapshot", s.vm, "take", s.name];
  if (s.description) args.push("--description", s.description);
  return args;
}

export const listArgs = (vm: string) => ["snapshot", vm, "list", "--machinereadable"];
export const deleteArgs = (vm: string, uuid: string) => ["snapshot", vm, "delete", uuid];

export function editArgs(vm: string, uuid: string, news: SnapshotInputs, olds: Partial<SnapshotOutputs>): string[] | null {
  const args: string[] = [];
  if (news.name !== olds.name) args.push("--name", news.name);
  if (news.description !== undefined && news.description !== (olds.description ?? "")) args.push("--description", news.description);
  return args.length ? ["snapshot", vm, "edit", uuid, ...args] : null;
}

/** "This machine does not have any snapshots" (exit 1) is an empty list, not a failure. */
export const noSnapshots = (r: RunResult) => r.exitCode === 1 && r.stdout.includes(NO_SNAPSHOTS);

export function snapshotsOf(r: RunResult): SnapshotInfo[] {
  return noSnapshots(r) ? [] : parseSnapshotList(r.stdout);
}

export function toOutputs(vm: string, s: SnapshotInfo): SnapshotOutputs {
  return { vm, name: s.name, uuid: s.uuid, description: s.description ?? null, current: !!s.current, parentUuid: s.parentUuid ?? null };
}
