/**
 * Parsers of what the PC's own tools print (CRLF or LF, English output): `VBoxManage list hostinfo`, Windows'
 * `systeminfo` and `bcdedit`. Pure functions of text; samples in tests/standins/vboxmanage/samples (SOURCES.md).
 */

const lines = (text: string) => text.replace(/\r\n?/g, "\n").split("\n");

export interface HostInfo {
  /** `Processor supports HW virtualization` (VT-x/AMD-V as VirtualBox sees it). */
  hwVirtualization: boolean | null;
  nestedHwVirtualization: boolean | null;
  memoryMb: number | null;
  memoryAvailableMb: number | null;
  os: string | null;
  osVersion: string | null;
  cpuCount: number | null;
}

export function parseHostInfo(text: string): HostInfo {
  const kv = new Map<string, string>();
  for (const l of lines(text)) {
    const m = /^([^:]+):\s*(.*?)\s*$/.exec(l.trim());
    if (m) kv.set(m[1], m[2]);
  }
  const yes = (k: string) => (kv.has(k) ? /^yes$/i.test(kv.get(k)!) : null);
  const mb = (k: string) => {
    const m = /^(\d+)\s*MByte/i.exec(kv.get(k) ?? "");
    return m ? Number(m[1]) : null;
  };
  const count = Number(kv.get("Processor online count") ?? kv.get("Processor count") ?? NaN);
  return {
    hwVirtualization: yes("Processor supports HW virtualization"),
    nestedHwVirtualization: yes("Processor supports nested HW virtualization"),
    memoryMb: mb("Memory size"),
    memoryAvailableMb: mb("Memory available"),
    os: kv.get("Operating system") ?? null,
    osVersion: kv.get("Operating system version") ?? null,
    cpuCount: Number.isFinite(count) ? count : null,
  };
}

export interface SystemInfo {
  osName: string | null;
  osVersion: string | null;
  totalMemoryMb: number | null;
  /** `Hyper-V Requirements: A hypervisor has been detected.` (Hyper-V, WSL2, VBS or Windows Sandbox runs). */
  hypervisorDetected: boolean;
  /** `Virtualization Enabled In Firmware:` (absent when a hypervisor runs). */
  firmwareVirtualization: boolean | null;
  vmMonitorModeExtensions: boolean | null;
  /** `Virtualization-based security: Status: Running` (Windows 11 Memory Integrity / Credential Guard). */
  vbsRunning: boolean;
}

export function parseSystemInfo(text: string): SystemInfo {
  const ls = lines(text);
  const field = (name: string): string | null => {
    for (const l of ls) {
      const t = l.trim();
      if (t.startsWith(`${name}:`)) return t.slice(name.length + 1).trim();
      const hv = /^Hyper-V Requirements:\s*(.*)$/.exec(t);
      if (hv && hv[1].startsWith(`${name}:`)) return hv[1].slice(name.length + 1).trim();
    }
    return null;
  };
  const yesNo = (v: string | null) => (v === null ? null : /^yes/i.test(v));
  const mem = /^([\d.,\s\u00a0]+)\s*MB/i.exec(field("Total Physical Memory") ?? "");
  return {
    osName: field("OS Name"),
    osVersion: field("OS Version"),
    totalMemoryMb: mem ? Number(mem[1].replace(/[^\d]/g, "")) : null,
    hypervisorDetected: ls.some((l) => /A hypervisor has been detected/i.test(l)),
    firmwareVirtualization: yesNo(field("Virtualization Enabled In Firmware")),
    vmMonitorModeExtensions: yesNo(field("VM Monitor Mode Extensions")),
    vbsRunning: ls.some((l) => /^Virtualization-based security:\s*Status:\s*Running/i.test(l.trim())),
  };
}

/** `hypervisorlaunchtype` of `bcdedit /enum {current}` ("Auto", "Off"), or null when not listed (= Off). */
export function parseHypervisorLaunchType(text: string): string | null {
  for (const l of lines(text)) {
    const m = /^hypervisorlaunchtype\s+(\S+)/i.exec(l.trim());
    if (m) return m[1];
  }
  return null;
}

/** Linux: the CPU flags that say VT-x (vmx) or AMD-V (svm), from /proc/cpuinfo. */
export function cpuVirtFlag(cpuinfo: string): "vmx" | "svm" | null {
  const flags = /^flags\s*:(.*)$/m.exec(cpuinfo)?.[1].split(/\s+/) ?? [];
  return flags.includes("vmx") ? "vmx" : flags.includes("svm") ? "svm" : null;
}

/** Linux: KVM modules loaded (VirtualBox before 7.1 cannot run while kvm_intel/kvm_amd hold VT-x). */
export function kvmModules(procModules: string): string[] {
  return lines(procModules).map((l) => l.split(" ")[0]).filter((m) => m === "kvm_intel" || m === "kvm_amd");
}
