/** What the doctor's checks judge (the PC's facts, the lab's settings) and what they answer; the limits they apply. */
import type { ForwardKey } from "../../sdk/lab/defaults";
import type { NatNetworkInfo } from "../../provider/virtualbox/vboxmanage/parse";
import type { VBoxVersion } from "../../provider/virtualbox/vboxmanage/parse";
import type { HostInfo, SystemInfo } from "./hostParsers";

export type Status = "ok" | "warn" | "fail" | "skip";

export interface CheckResult {
  id: string;
  title: string;
  status: Status;
  /** What was found (the problem when not ok). */
  what: string;
  /** Which step of the lab it breaks. */
  why?: string;
  /** One line to fix it. */
  fix?: string;
}

/** The lab's settings the checks judge the PC by (stack config with the program's defaults). */
export interface LabSettings {
  memoryMb: number;
  diskSizeMb: number;
  ports: { name: ForwardKey; port: number; what?: string }[];
  natNetworkName: string;
  cidr: string;
  vmName?: string;
  installerIso?: string;
  isoSha256?: string;
}

export interface IsoFacts {
  path: string;
  exists: boolean;
  /** Why it could not be read (permission, a folder...). */
  readError?: string;
  label?: string | null;
  sha256?: string;
}

export interface Facts {
  platform: NodeJS.Platform;
  totalMemoryMb: number;
  vbox: { exe?: string; error?: string; version?: VBoxVersion; versionError?: string };
  hostInfo?: HostInfo | null;
  windows?: { systemInfo?: SystemInfo | null; hypervisorLaunchType?: string | null };
  linux?: { cpuFlag: "vmx" | "svm" | null; kvm: string[] };
  /** Free space where VirtualBox puts the VM's disk (its default machine folder). */
  disk?: { folder: string; freeMb: number } | null;
  /** 127.0.0.1:<port> could be bound (free) or not (busy). */
  ports: Record<number, "free" | "busy">;
  natNetworks?: NatNetworkInfo[] | null;
  iso?: IsoFacts | null;
  /** The lab's VM as VirtualBox shows it (absent or null: no such VM, or not asked). */
  vm?: { nestedHwVirt: boolean | null } | null;
  /** The stack already holds the lab's VM (the ISO is not needed again; the NAT Network and ports are ours). */
  labBuilt: boolean;
  /** The VirtualBox objects the stack's state holds, whatever step failed (pending creates included): the lab's. */
  owned?: { natNetworks: string[]; vms: string[] };
}

/** RAM the PC keeps for Windows/macOS/Linux and VirtualBox itself besides the VM. */
export const HOST_RESERVE_MB = 4096;
/** Packstack's all-in-one minimum (HostPrep refuses less). */
export const MIN_VM_MB = 8192;
/** What CentOS Stream 9 + Packstack Zed + the snapshot fill on the VM's dynamic disk [INFERRED from the seed's install]. */
export const MIN_DISK_MB = 30 * 1024;

export const ok = (id: string, title: string, what: string): CheckResult => ({ id, title, status: "ok", what });
export const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

