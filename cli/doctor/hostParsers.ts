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
  /** Where the facts come from: systeminfo's (display-language) text, or the CIM classes (any language). */
  source?: "systeminfo" | "CIM";
}

/**
 * The PowerShell line that asks Windows' CIM classes for the same facts as machine-readable JSON: property names
 * and values do not depend on the display language, unlike systeminfo's labels ("Hyper-V-Anforderungen",
 * "Configuration requise pour Hyper-V"...). [FACT from Microsoft's class documentation:]
 * Win32_ComputerSystem.HypervisorPresent (boolean, "a hypervisor is present", Windows 8+), .TotalPhysicalMemory
 * (bytes); Win32_Processor.VirtualizationFirmwareEnabled and .VMMonitorModeExtensions (boolean);
 * Win32_DeviceGuard (namespace root/Microsoft/Windows/DeviceGuard).VirtualizationBasedSecurityStatus
 * (0 not enabled, 1 enabled and not running, 2 enabled and running); Win32_OperatingSystem.Caption, .Version.
 */
export const CIM_SCRIPT = [
  "$c = Get-CimInstance Win32_ComputerSystem",
  "$p = Get-CimInstance Win32_Processor | Select-Object -First 1",
  "$o = Get-CimInstance Win32_OperatingSystem",
  "$d = Get-CimInstance -Namespace root/Microsoft/Windows/DeviceGuard -ClassName Win32_DeviceGuard -ErrorAction SilentlyContinue",
  "[pscustomobject]@{ HypervisorPresent = $c.HypervisorPresent; TotalPhysicalMemory = $c.TotalPhysicalMemory; VirtualizationFirmwareEnabled = $p.VirtualizationFirmwareEnabled; VMMonitorModeExtensions = $p.VMMonitorModeExtensions; VirtualizationBasedSecurityStatus = $d.VirtualizationBasedSecurityStatus; Caption = $o.Caption; Version = $o.Version } | ConvertTo-Json -Compress",
].join("; ");

/** CIM_SCRIPT's JSON as SystemInfo (null when it is not that JSON). */
export function parseCimSystemInfo(text: string): SystemInfo | null {
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(text.trim().replace(/^\uFEFF/, ""));
  } catch {
    return null;
  }
  if (!j || typeof j !== "object" || !("HypervisorPresent" in j)) return null;
  const bool = (v: unknown) => (typeof v === "boolean" ? v : null);
  const bytes = Number(j.TotalPhysicalMemory);
  return {
    osName: typeof j.Caption === "string" ? j.Caption : null,
    osVersion: typeof j.Version === "string" ? j.Version : null,
    totalMemoryMb: Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes / (1024 * 1024)) : null,
    hypervisorDetected: j.HypervisorPresent === true,
    // Windows reports the firmware flag as false while a hypervisor holds VT-x: unknown then, as systeminfo leaves it out
    firmwareVirtualization: j.HypervisorPresent === true ? null : bool(j.VirtualizationFirmwareEnabled),
    vmMonitorModeExtensions: j.HypervisorPresent === true ? null : bool(j.VMMonitorModeExtensions),
    vbsRunning: Number(j.VirtualizationBasedSecurityStatus) === 2,
    source: "CIM",
  };
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
    source: "systeminfo",
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
