import { Entry, parseMachineReadableEntries } from "./machineReadable";

export interface SnapshotInfo {
  name: string;
  uuid: string;
  description?: string;
  /** This is the machine's current snapshot (`CurrentSnapshotNode`). */
  current: boolean;
  /** The parent snapshot; absent for the root. */
  parentUuid?: string;
}

/** What `snapshot <vm> list` prints on stdout (exit 1) when there are none. */
export const NO_SNAPSHOTS = "This machine does not have any snapshots";

const SNAPSHOT_KEY = /^Snapshot(Name|UUID|Description)((?:-\d+)*)$/;

/**
 * The snapshot tree from `Snapshot*` keys, in output order (parents before children). The path suffix names the node:
 * `SnapshotName` is the root, `SnapshotName-1-2` the 2nd child of the 1st child. Used for `snapshot list
 * --machinereadable` and for the same keys inside `showvminfo --machinereadable`.
 */
export function snapshotsFromEntries(entries: Entry[]): SnapshotInfo[] {
  const byPath = new Map<string, { name?: string; uuid?: string; description?: string }>();
  let currentNode: string | undefined;
  let currentUuid: string | undefined;
  for (const { key, value } of entries) {
    if (key === "CurrentSnapshotNode") currentNode = value;
    if (key === "CurrentSnapshotUUID") currentUuid = value;
    const m = SNAPSHOT_KEY.exec(key);
    if (!m) continue;
    const node = byPath.get(m[2]) ?? {};
    if (m[1] === "Name") node.name = value;
    else if (m[1] === "UUID") node.uuid = value;
    else node.description = value;
    byPath.set(m[2], node);
  }
  const currentPath = currentNode !== undefined ? currentNode.replace(/^SnapshotName/, "") : undefined;
  const out: SnapshotInfo[] = [];
  for (const [path, node] of byPath) {
    if (node.name === undefined || node.uuid === undefined) continue;
    const parentPath = path.includes("-") ? path.slice(0, path.lastIndexOf("-")) : undefined;
    const parentUuid = parentPath !== undefined ? byPath.get(parentPath)?.uuid : undefined;
    const current = currentPath !== undefined ? currentPath === path : currentUuid === node.uuid;
    const info: SnapshotInfo = { name: node.name, uuid: node.uuid, current };
    if (node.description !== undefined && node.description !== "") info.description = node.description;
    if (parentUuid !== undefined) info.parentUuid = parentUuid;
    out.push(info);
  }
  return out;
}

/** `snapshot <vm> list --machinereadable`; `This machine does not have any snapshots` gives []. */
export function parseSnapshotList(text: string): SnapshotInfo[] {
  if (text.includes(NO_SNAPSHOTS)) return [];
  return snapshotsFromEntries(parseMachineReadableEntries(text));
}
