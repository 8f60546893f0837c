/**
 * The pre-flight checks of `npm run lab -- doctor`: pure functions of the facts gathered on the PC (facts.ts), so
 * each can be tested with a passing and a failing host. Every result that is not ok says what is wrong, why it
 * matters (which step of the lab breaks) and a one-line fix.
 */
import type { ForwardKey } from "../../sdk/lab/defaults";
import type { NatNetworkInfo } from "../../provider/virtualbox/vboxmanage/parse";
import { versionWarning } from "../../provider/virtualbox/vboxmanage/version";
import type { VBoxVersion } from "../../provider/virtualbox/vboxmanage/parse";
import type { HostInfo, SystemInfo } from "./hostParsers";
import { IsoRelease, releaseOfLabel } from "./iso";

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

const ok = (id: string, title: string, what: string): CheckResult => ({ id, title, status: "ok", what });
const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

export function checkVBoxManage(f: Facts): CheckResult {
  const title = "VirtualBox (VBoxManage)";
  if (!f.vbox.exe) {
    return {
      id: "vboxmanage", title, status: "fail",
      what: f.vbox.error ?? "VBoxManage not found",
      why: "every step needs it: the NAT Network and the VM are made with VBoxManage",
      fix: f.platform === "win32"
        ? "install VirtualBox 7.x from virtualbox.org (it sets VBOX_MSI_INSTALL_PATH), then open a new terminal; or set VBOXMANAGE_PATH to VBoxManage.exe"
        : "install VirtualBox 7.x from virtualbox.org, or set VBOXMANAGE_PATH to VBoxManage",
    };
  }
  if (!f.vbox.version) {
    return { id: "vboxmanage", title, status: "fail", what: `${f.vbox.exe} does not run: ${f.vbox.versionError ?? "no version"}`, why: "every step needs VBoxManage", fix: "reinstall VirtualBox 7.x (its kernel driver may be missing: on Linux, run /sbin/vboxconfig)" };
  }
  const v = f.vbox.version;
  if (v.major < 7) {
    return { id: "vboxmanage", title, status: "fail", what: `VirtualBox ${v.raw} at ${f.vbox.exe} is older than 7.0`, why: "the NAT Network and VM commands the lab runs are 7.x syntax (step 1 fails)", fix: "install VirtualBox 7.1 or later from virtualbox.org" };
  }
  const w = versionWarning(v);
  if (w) return { id: "vboxmanage", title, status: "warn", what: w, why: "the NAT Network's port forwards (step 1) may not work", fix: "update VirtualBox to 7.2.4 or later" };
  return ok("vboxmanage", title, `VirtualBox ${v.raw} (${f.vbox.exe})`);
}

/** What says Windows' own hypervisor (Hyper-V, WSL2, Windows Sandbox, VBS) holds VT-x (empty: nothing does). */
function vtxHolders(f: Facts): string[] {
  const si = f.windows?.systemInfo;
  const cim = si?.source === "CIM";
  const holders: string[] = [];
  if (f.platform !== "win32") return holders;
  if (si?.hypervisorDetected) holders.push(cim ? "Windows (Win32_ComputerSystem): HypervisorPresent" : "systeminfo: `A hypervisor has been detected`");
  if (si?.vbsRunning) holders.push("Virtualization-based security is Running (Memory Integrity)");
  if (f.windows?.hypervisorLaunchType && !/^off$/i.test(f.windows.hypervisorLaunchType)) holders.push(`bcdedit: hypervisorlaunchtype ${f.windows.hypervisorLaunchType}`);
  return holders;
}

/**
 * Nested virtualization (VT-x/AMD-V inside the VM, VirtualBox's `--nested-hw-virt on`): with it the VM has /dev/kvm
 * and PackstackInstall sets Nova's virt_type to kvm; without it Nova runs instances emulated (virt_type qemu):
 * they work, slowly. A warning, never a failure.
 */
export function checkNestedVirtualization(f: Facts, s: Pick<LabSettings, "vmName">): CheckResult {
  const id = "nested-virtualization";
  const title = "nested virtualization (instances on the lab)";
  const why = "Nova's virt_type will be qemu (PackstackInstall, step 4, follows what the VM has): instances on the lab's OpenStack (examples/first-instance) run emulated, several times slower, but they run";
  const holders = vtxHolders(f);
  if (holders.length) {
    return {
      id, title, status: "warn",
      what: `nested virtualization is off: Windows' own hypervisor holds VT-x (${holders.join("; ")}), so VirtualBox cannot pass it to the VM`,
      why,
      fix: "as Administrator: `bcdedit /set hypervisorlaunchtype off`, turn off Windows Security > Core isolation > Memory integrity (and `wsl --shutdown`), then restart the PC",
    };
  }
  if (f.hostInfo?.nestedHwVirtualization === false) {
    return { id, title, status: "warn", what: "VirtualBox reports `Processor supports nested HW virtualization: no`", why, fix: "nothing to do on this PC (its CPU or VirtualBox cannot nest); a PC with VT-x/AMD-V and VirtualBox 7.x can" };
  }
  if (f.vm && f.vm.nestedHwVirt === false) {
    const vm = s.vmName ?? "openstack-lab";
    return {
      id, title, status: "warn",
      what: `the VM ${vm} has nested VT-x/AMD-V off (VirtualBox's --nested-hw-virt)`,
      why,
      fix: `npm run lab (the VM's nestedVirtualization is on; the lab puts it back), or with the VM powered off: VBoxManage modifyvm ${vm} --nested-hw-virt on`,
    };
  }
  if (!f.hostInfo) return { id, title, status: "skip", what: "not checked (VBoxManage did not answer `list hostinfo`)" };
  return ok(id, title, f.vm?.nestedHwVirt ? `the VM has --nested-hw-virt on: virt_type kvm` : "VirtualBox can nest VT-x/AMD-V: the VM gets --nested-hw-virt on and Nova virt_type kvm");
}

export function checkVirtualization(f: Facts): CheckResult {
  const id = "virtualization";
  const title = "hardware virtualization (VT-x/AMD-V)";
  const disabled: CheckResult = {
    id, title, status: "fail",
    what: "",
    why: "the VM cannot start without it (VERR_VMX_NO_VMX / VERR_SVM_DISABLED): step 2, the VM install, fails",
    fix: "enable Intel Virtualization Technology (VT-x) or AMD SVM in the PC's BIOS/UEFI setup, save, and power the PC off and on",
  };
  if (f.hostInfo?.hwVirtualization === false) return { ...disabled, what: "VirtualBox reports `Processor supports HW virtualization: no`" };
  const si = f.windows?.systemInfo;
  const cim = si?.source === "CIM";
  if (si && si.firmwareVirtualization === false) return { ...disabled, what: cim ? "Windows (Win32_Processor): VirtualizationFirmwareEnabled is false" : "systeminfo: `Virtualization Enabled In Firmware: No`" };
  if (si && si.vmMonitorModeExtensions === false) return { ...disabled, what: `${cim ? "Windows (Win32_Processor): VMMonitorModeExtensions is false" : "systeminfo: `VM Monitor Mode Extensions: No`"} (the CPU has no VT-x/AMD-V)`, fix: "use a PC whose CPU has VT-x or AMD-V" };
  if (f.platform === "win32") {
    const holders = vtxHolders(f);
    if (holders.length) {
      return {
        id, title, status: "warn",
        what: `Windows' own hypervisor holds VT-x (Hyper-V, WSL2, Windows Sandbox or VBS): ${holders.join("; ")}`,
        why: "VirtualBox then runs the VM through the Windows Hypervisor Platform (the green turtle in the VM's status bar): the install and Packstack (steps 2-4) crawl and can hit Packstack's time limit",
        fix: "as Administrator: `bcdedit /set hypervisorlaunchtype off`, turn off Windows Security > Core isolation > Memory integrity (and `wsl --shutdown`), then restart the PC",
      };
    }
  }
  if (f.platform === "linux" && f.linux) {
    if (!f.hostInfo && !f.linux.cpuFlag) return { ...disabled, what: "/proc/cpuinfo has neither the vmx nor the svm flag" };
    if (f.linux.kvm.length && (f.vbox.version?.major ?? 0) === 7 && (f.vbox.version?.minor ?? 0) < 1) {
      return { id, title, status: "warn", what: `${f.linux.kvm.join(", ")} loaded: KVM holds VT-x`, why: "VirtualBox 7.0 cannot start the VM while KVM holds VT-x (step 2)", fix: `sudo modprobe -r ${f.linux.kvm.join(" ")} (or update to VirtualBox 7.1+)` };
    }
  }
  if (!f.hostInfo && !si && !f.linux) return { id, title, status: "skip", what: "not checked (VBoxManage did not answer `list hostinfo`)" };
  return ok(id, title, f.hostInfo?.hwVirtualization ? "VirtualBox reports hardware virtualization" : "enabled");
}

export function checkMemory(f: Facts, s: LabSettings): CheckResult {
  const title = "RAM for the VM";
  const need = s.memoryMb + HOST_RESERVE_MB;
  if (f.totalMemoryMb >= need) return ok("memory", title, `${gb(f.totalMemoryMb)} on the PC, the VM takes ${gb(s.memoryMb)}`);
  const suggest = Math.floor((f.totalMemoryMb - HOST_RESERVE_MB) / 1024) * 1024;
  const why = `VirtualBox cannot give the VM ${s.memoryMb} MB and keep ${HOST_RESERVE_MB} MB for the PC: the VM fails to start or swaps, and Packstack (step 4) runs out of memory`;
  if (suggest >= MIN_VM_MB) {
    return { id: "memory", title, status: "fail", what: `the VM is set to ${s.memoryMb} MB but the PC has ${f.totalMemoryMb} MB in all`, why, fix: `npm run lab -- config set memoryMb ${suggest}` };
  }
  return { id: "memory", title, status: "fail", what: `the PC has ${f.totalMemoryMb} MB: less than Packstack's ${MIN_VM_MB} MB plus ${HOST_RESERVE_MB} MB for the PC`, why, fix: `use a PC with at least ${gb(MIN_VM_MB + HOST_RESERVE_MB)} of RAM` };
}

export function checkDisk(f: Facts, s: LabSettings): CheckResult {
  const title = "free disk for the VM";
  if (!f.disk) return { id: "disk", title, status: "skip", what: "not checked (VirtualBox's machine folder unknown)" };
  const { folder, freeMb } = f.disk;
  const fix = `free space on that drive, or move VirtualBox's Default Machine Folder (File > Preferences > General) to a larger one`;
  if (freeMb < MIN_DISK_MB) {
    return { id: "disk", title, status: "fail", what: `${gb(freeMb)} free in ${folder}`, why: `CentOS, Packstack and the snapshot fill about ${gb(MIN_DISK_MB)}: the install or Packstack (steps 2-4) stops with a full disk`, fix };
  }
  if (freeMb < s.diskSizeMb) {
    return { id: "disk", title, status: "warn", what: `${gb(freeMb)} free in ${folder}, the VM's disk may grow to ${gb(s.diskSizeMb)}`, why: "the VM stops (disk full) once the lab holds more images and instances than fit", fix: `${fix}; or npm run lab -- config set diskSizeMb ${Math.floor(freeMb / 1024) * 1024} before the first up` };
  }
  return ok("disk", title, `${gb(freeMb)} free in ${folder}`);
}

function forwardOwner(nets: NatNetworkInfo[] | null | undefined, port: number): NatNetworkInfo | undefined {
  return nets?.find((n) => n.portForwards.some((p) => p.hostPort === port && (p.hostIp === "" || p.hostIp === "127.0.0.1")));
}

export function checkPorts(f: Facts, s: LabSettings): CheckResult[] {
  return s.ports.map(({ name, port, what }) => {
    const title = `127.0.0.1:${port} (${name})`;
    const owner = forwardOwner(f.natNetworks, port);
    if (owner && owner.name === s.natNetworkName) return ok(`port-${port}`, title, `held by this lab's NAT Network ${owner.name}`);
    const step = name === "sshPort"
      ? "host preparation and Packstack (steps 3-4) cannot reach the VM over SSH"
      : name === "httpPort"
        ? "Horizon is not reachable from the PC"
        : name === "keystonePort" || name === "neutronPort"
          ? "the networks step (6) cannot reach OpenStack from the PC"
          : `OpenStack's ${what ?? name} is not reachable from the PC (a stack on the lab, e.g. examples/first-instance, fails)`;
    if (owner) {
      return { id: `port-${port}`, title, status: "fail", what: `the NAT Network ${owner.name} already forwards ${port}`, why: `VirtualBox refuses a second forward of the same host port (step 1), so ${step}`, fix: `VBoxManage natnetwork modify --netname ${owner.name} --port-forward-4 delete <rule>, or npm run lab -- config set ${name} ${port + 1}` };
    }
    if (f.ports[port] === "busy") {
      const who = f.platform === "win32" ? `netstat -ano | findstr :${port}` : `ss -ltnp 'sport = :${port}'`;
      return { id: `port-${port}`, title, status: "fail", what: `another program listens on 127.0.0.1:${port}`, why: `VirtualBox's forward cannot bind it, so ${step}`, fix: `find it with \`${who}\` and stop it, or npm run lab -- config set ${name} ${port + 1}` };
    }
    return ok(`port-${port}`, title, "free");
  });
}

function isoRelease(label: string): IsoRelease {
  return releaseOfLabel(label);
}

export function checkIso(f: Facts, s: LabSettings): CheckResult {
  const id = "iso";
  const title = "CentOS Stream 9 ISO";
  const setFix = f.platform === "win32"
    ? "PowerShell: $env:LAB_ISO=\"$HOME\\Downloads\\CentOS-Stream-9-latest-x86_64-dvd1.iso\"; npm run lab   (cmd: set LAB_ISO=... then npm run lab)"
    : "LAB_ISO=~/Downloads/CentOS-Stream-9-latest-x86_64-dvd1.iso npm run lab";
  const why = "the VM installs from it (step 2)";
  const notNeeded = f.labBuilt ? "warn" : "fail";
  if (!s.installerIso || !f.iso) {
    return f.labBuilt ? ok(id, title, "not set; the VM is already installed") : { id, title, status: "fail", what: "installerIso is not set", why, fix: setFix };
  }
  const iso = f.iso;
  if (!iso.exists) return { id, title, status: notNeeded, what: `${iso.path} does not exist`, why: f.labBuilt ? "a reinstall of the VM would need it" : why, fix: setFix };
  if (iso.readError) return { id, title, status: notNeeded, what: `${iso.path} cannot be read: ${iso.readError}`, why, fix: "copy the ISO to a folder of your own (not a locked or cloud-only folder) and point LAB_ISO at it" };
  if (!iso.label) return { id, title, status: "fail", what: `${iso.path} is not an ISO9660 image (no CD001 volume descriptor): a partial or broken download`, why, fix: "download CentOS-Stream-9-latest-x86_64-dvd1.iso again from centos.org" };
  const rel = isoRelease(iso.label);
  if (!(rel.distro === "centos-stream" && rel.major === 9)) {
    const reason = rel.major === 10
      ? "CentOS Stream 10 needs an x86_64-v3 CPU (the installer stops on older CPUs) and Packstack Zed targets 9"
      : rel.major === 7 || rel.major === 8
        ? `CentOS ${rel.distro === "centos-stream" ? "Stream " : ""}${rel.major} is end of life (its mirrors are gone) and Packstack Zed needs CentOS Stream 9`
        : "the lab's kickstart and Packstack Zed need CentOS Stream 9";
    return { id, title, status: "fail", what: `${iso.path} is labelled "${iso.label}", not CentOS Stream 9`, why: `${reason}: steps 2-4 break`, fix: "download CentOS-Stream-9-latest-x86_64-dvd1.iso from centos.org and point LAB_ISO at it" };
  }
  if (s.isoSha256 && iso.sha256 && iso.sha256.toLowerCase() !== s.isoSha256.toLowerCase()) {
    return { id, title, status: "fail", what: `${iso.path}: sha256 ${iso.sha256} is not the expected ${s.isoSha256}`, why: "a damaged ISO fails the install half way (step 2)", fix: "download the ISO again (and compare with CHECKSUM on the mirror)" };
  }
  return ok(id, title, `${iso.path} ("${iso.label}"${s.isoSha256 ? ", sha256 matches" : ""})`);
}

export function checkNatNetwork(f: Facts, s: LabSettings): CheckResult {
  const id = "natnetwork";
  const title = `NAT Network ${s.natNetworkName} (${s.cidr})`;
  if (!f.natNetworks) return { id, title, status: "skip", what: "not checked (VBoxManage did not list the NAT Networks)" };
  const same = f.natNetworks.find((n) => n.name === s.natNetworkName);
  const ours = f.labBuilt || !!f.owned?.natNetworks.includes(s.natNetworkName);
  if (same && !ours) {
    return { id, title, status: "fail", what: `a NAT Network named ${s.natNetworkName} already exists and is not this lab's`, why: "step 1 cannot create it (NATNetwork server already exists)", fix: `VBoxManage natnetwork remove --netname ${s.natNetworkName}, or npm run lab -- config set natNetworkName ${s.natNetworkName}2` };
  }
  const clash = f.natNetworks.find((n) => n.name !== s.natNetworkName && n.cidr === s.cidr);
  if (clash) {
    return { id, title, status: "fail", what: `the NAT Network ${clash.name} uses ${s.cidr} too`, why: "two NAT Networks on one range make VirtualBox's NAT service route the VM's traffic (and the port forwards, step 1) wrongly", fix: `VBoxManage natnetwork remove --netname ${clash.name} (if nothing needs it), or npm run lab -- config set cidr 10.0.3.0/24` };
  }
  return ok(id, title, same ? "this lab's" : "no other NAT Network with that name or range");
}

/** Every check, in the order the lab's steps need them. */
export function runChecks(f: Facts, s: LabSettings): CheckResult[] {
  return [checkVBoxManage(f), checkVirtualization(f), checkNestedVirtualization(f, s), checkMemory(f, s), checkDisk(f, s), ...checkPorts(f, s), checkIso(f, s), checkNatNetwork(f, s)];
}
