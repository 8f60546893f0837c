/** A PC that passes every check (Windows 11, VirtualBox 7.1.4, 32 GB, ports free, the right ISO); tests change one fact. */
import type { Facts, LabSettings } from "../../../cli/doctor/checks";
import { FORWARDS } from "../../../sdk/lab/defaults";

export const SETTINGS: LabSettings = {
  memoryMb: 16384,
  diskSizeMb: 102400,
  ports: FORWARDS.map((f) => ({ name: f.key, port: f.hostPort, what: f.what })),
  natNetworkName: "LabNatNetwork",
  cidr: "10.0.2.0/24",
  installerIso: "C:\\Users\\First Last\\Downloads\\CentOS-Stream-9-latest-x86_64-dvd1.iso",
};

export function goodFacts(): Facts {
  return {
    platform: "win32",
    totalMemoryMb: 32388,
    vbox: { exe: "C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe", version: { major: 7, minor: 1, patch: 4, raw: "7.1.4r165100" } },
    hostInfo: { hwVirtualization: true, nestedHwVirtualization: true, memoryMb: 32388, memoryAvailableMb: 20000, os: "Windows 11", osVersion: "10.0.26200", cpuCount: 8 },
    windows: { systemInfo: { osName: "Microsoft Windows 11 Pro", osVersion: "10.0.26200", totalMemoryMb: 32388, hypervisorDetected: false, firmwareVirtualization: true, vmMonitorModeExtensions: true, vbsRunning: false }, hypervisorLaunchType: null },
    disk: { folder: "C:\\Users\\First Last\\VirtualBox VMs", freeMb: 200_000 },
    ports: Object.fromEntries(FORWARDS.map((f) => [f.hostPort, "free" as const])),
    natNetworks: [],
    iso: { path: SETTINGS.installerIso!, exists: true, label: "CentOS-Stream-9-BaseOS-x86_64" },
    labBuilt: false,
  };
}
