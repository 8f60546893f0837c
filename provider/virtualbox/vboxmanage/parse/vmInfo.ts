import { Entry, parseMachineReadableEntries } from "./machineReadable";
import { PortForward } from "./natNetworks";
import { SnapshotInfo, snapshotsFromEntries } from "./snapshots";

export type NicType = "natnetwork" | "nat" | "bridged" | "hostonly" | "hostonlynet" | "intnet" | "generic" | "none";

/** A `Forwarding(i)="name,proto,hostip,hostport,guestip,guestport"` rule of a NAT adapter. */
export type NatForward = PortForward;

export interface NicInfo {
  /** 1-based adapter number, as in `--nic<N>`. */
  index: number;
  type: NicType;
  natNetwork?: string;
  bridgeAdapter?: string;
  /** `hostonlyadapterN`, or for `hostonlynet` adapters (macOS 7.x) `hostonly-networkN`. */
  hostOnlyAdapter?: string;
  internalNetwork?: string;
  /** 12 upper-case hex digits, no separators, as VBoxManage prints it. */
  macAddress?: string;
  /** Not printed by `--machinereadable` in any real version: only set if a future output carries `nicpromiscN`. */
  promiscuous?: "deny" | "allow-vms" | "allow-all";
  cableConnected?: boolean;
  /** `Forwarding(i)` rules of a NAT adapter (`modifyvm --natpfN`). */
  forwards?: NatForward[];
}

export interface StorageAttachment {
  controller: string;
  port: number;
  device: number;
  /** A path, `none` (nothing attached) or `emptydrive` (a drive without media). */
  medium: string;
  uuid?: string;
}

export interface VmInfo {
  name: string;
  uuid: string;
  /** The OS type *description* (`Red Hat (64-bit)`), not the id (`RedHat_64`) that createvm/modifyvm take. */
  osType: string;
  cpus: number;
  memoryMb: number;
  /** VMState: running, poweroff, saved, aborted, paused, ... */
  state: string;
  stateChangeTime?: string;
  /** Every `nicN` line, in adapter order (disabled adapters have type `none`). */
  nics: NicInfo[];
  /** `boot1..4` without `none`: `disk`, `dvd`, `net`, `floppy`. */
  bootOrder: string[];
  /** Every slot printed, `none` slots included. */
  storage: StorageAttachment[];
  nestedVirtualization?: boolean;
  graphicsController?: string;
  /** As printed: `BIOS`, `EFI`, `EFI32`, `EFI64`. */
  firmware?: string;
  currentSnapshot?: { name: string; uuid: string };
  snapshots: Array<{ name: string; uuid: string }>;
  /** Every key as parsed (last value wins for duplicates). */
  raw: Record<string, string>;
}

const NIC_TYPES: Record<string, NicType> = {
  natnetwork: "natnetwork",
  nat: "nat",
  bridged: "bridged",
  hostonly: "hostonly",
  hostonlynetwork: "hostonlynet",
  hostonlynet: "hostonlynet",
  intnet: "intnet",
  generic: "generic",
  cloudnetwork: "generic",
  cloud: "generic",
  null: "none",
  none: "none",
};

const onOff = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === "on");

function parseForward(value: string): NatForward | null {
  const parts = value.split(",");
  if (parts.length !== 6) return null;
  const [name, protocol, hostIp, hostPort, guestIp, guestPort] = parts;
  if (protocol !== "tcp" && protocol !== "udp") return null;
  return { name, protocol, hostIp, hostPort: Number(hostPort), guestIp, guestPort: Number(guestPort) };
}

function nicsFrom(entries: Entry[], raw: Record<string, string>): NicInfo[] {
  const nics = new Map<number, NicInfo>();
  let lastNic: NicInfo | undefined;
  for (const { key, value } of entries) {
    const nic = /^nic(\d+)$/.exec(key);
    if (nic) {
      const index = Number(nic[1]);
      lastNic = { index, type: NIC_TYPES[value] ?? "generic" };
      nics.set(index, lastNic);
      continue;
    }
    if (/^Forwarding\(\d+\)$/.test(key) && lastNic) {
      const f = parseForward(value);
      if (f) (lastNic.forwards ??= []).push(f);
    }
  }
  for (const n of nics.values()) {
    const i = n.index;
    const set = <K extends keyof NicInfo>(field: K, v: NicInfo[K] | undefined) => {
      if (v !== undefined) n[field] = v;
    };
    if (n.type === "none") continue;
    set("natNetwork", raw[`nat-network${i}`]);
    set("bridgeAdapter", raw[`bridgeadapter${i}`]);
    set("hostOnlyAdapter", raw[`hostonlyadapter${i}`] ?? raw[`hostonly-network${i}`]);
    set("internalNetwork", raw[`intnet${i}`]);
    set("macAddress", raw[`macaddress${i}`]);
    set("cableConnected", onOff(raw[`cableconnected${i}`]));
    const promisc = raw[`nicpromisc${i}`];
    if (promisc === "deny" || promisc === "allow-vms" || promisc === "allow-all") n.promiscuous = promisc;
    if (n.type === "nat" && !n.forwards) n.forwards = [];
  }
  return [...nics.values()].sort((a, b) => a.index - b.index);
}

const SLOT_ATTRIBUTE = /-(ImageUUID|IsEjected|tempeject|hot-pluggable|nonrotational|discard)$/;

function storageFrom(entries: Entry[], raw: Record<string, string>): StorageAttachment[] {
  const controllers = Object.keys(raw)
    .filter((k) => /^storagecontrollername\d+$/.test(k))
    .map((k) => raw[k])
    // Longest first, so "SATA Controller" is tried before "SATA".
    .sort((a, b) => b.length - a.length);
  const out: StorageAttachment[] = [];
  for (const { key, value } of entries) {
    const slot = /^(.+)-(\d+)-(\d+)$/.exec(key);
    if (!slot) continue;
    let controller: string | undefined;
    if (controllers.length > 0) {
      controller = controllers.find((c) => key === `${c}-${slot[2]}-${slot[3]}`);
    } else if (!SLOT_ATTRIBUTE.test(slot[1])) {
      controller = slot[1]; // an excerpt without the storagecontroller* keys
    }
    if (controller === undefined) continue;
    const port = Number(slot[2]);
    const device = Number(slot[3]);
    const attachment: StorageAttachment = { controller, port, device, medium: value };
    const uuid = raw[`${controller}-ImageUUID-${port}-${device}`];
    if (uuid !== undefined) attachment.uuid = uuid;
    out.push(attachment);
  }
  return out;
}

/** `showvminfo <vm> --machinereadable` (VirtualBox 4.3 to 7.2; Linux, macOS and Windows output). */
export function parseVmInfo(text: string): VmInfo {
  const entries = parseMachineReadableEntries(text);
  const raw: Record<string, string> = {};
  for (const e of entries) raw[e.key] = e.value;
  const snapshots: SnapshotInfo[] = snapshotsFromEntries(entries);
  const current = snapshots.find((s) => s.current);
  const info: VmInfo = {
    name: raw.name ?? "",
    uuid: raw.UUID ?? "",
    osType: raw.ostype ?? "",
    cpus: Number(raw.cpus ?? 0),
    memoryMb: Number(raw.memory ?? 0),
    state: raw.VMState ?? "",
    nics: nicsFrom(entries, raw),
    bootOrder: ["boot1", "boot2", "boot3", "boot4"].map((k) => raw[k]).filter((v): v is string => !!v && v !== "none"),
    storage: storageFrom(entries, raw),
    snapshots: snapshots.map((s) => ({ name: s.name, uuid: s.uuid })),
    raw,
  };
  if (raw.VMStateChangeTime !== undefined) info.stateChangeTime = raw.VMStateChangeTime;
  const nested = onOff(raw["nested-hw-virt"]);
  if (nested !== undefined) info.nestedVirtualization = nested;
  if (raw.graphicscontroller !== undefined) info.graphicsController = raw.graphicscontroller;
  if (raw.firmware !== undefined) info.firmware = raw.firmware;
  if (current) info.currentSnapshot = { name: current.name, uuid: current.uuid };
  return info;
}
