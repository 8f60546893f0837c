/** Parsers of VBoxManage output and error classification. Pure functions of text; see README.md. */
export type { Entry } from "./machineReadable";
export { parseMachineReadable, parseMachineReadableEntries, splitLines } from "./machineReadable";
export type { NatForward, NicInfo, NicType, StorageAttachment, VmInfo } from "./vmInfo";
export { parseVmInfo } from "./vmInfo";
export type { NatNetworkInfo, PortForward } from "./natNetworks";
export { formatPortForwardRule, parseNatNetworks, parsePortForwardRule } from "./natNetworks";
export type { SnapshotInfo } from "./snapshots";
export { NO_SNAPSHOTS, parseSnapshotList, snapshotsFromEntries } from "./snapshots";
export { parseListVms } from "./listVms";
export type { VBoxVersion } from "./version";
export { parseVersion } from "./version";
export type { VBoxError, VBoxErrorKind } from "./errors";
export { classifyError } from "./errors";
export { parseCreatedUuid } from "./created";
