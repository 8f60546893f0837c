/** The VBoxManage command lines of virtualbox.VirtualMachine (gophercloud's "requests"). New (7.x) option spellings. */
import type { Nic, VirtualMachineInputs } from "./types";

export const SATA = "SATA";
export const DISK_PORT = 0;
export const DVD_PORT = 1;
const MAX_NICS = 8;

export const showArgs = (vm: string) => ["showvminfo", vm, "--machinereadable"];

export const createArgs = (vm: VirtualMachineInputs) => ["createvm", "--name", vm.name, "--ostype", vm.osType, "--register"];

const onOff = (b: boolean) => (b ? "on" : "off");

/** `--nic<N>` and its companions for one adapter. */
export function nicArgs(n: Nic, index: number): string[] {
  const i = String(index);
  const args = [`--nic${i}`, n.type];
  if (n.type === "natnetwork") args.push(`--nat-network${i}`, n.natNetwork!);
  if (n.type === "bridged") args.push(`--bridge-adapter${i}`, n.bridgeAdapter!);
  if (n.type === "hostonly") args.push(`--host-only-adapter${i}`, n.hostOnlyAdapter!);
  if (n.type === "intnet") args.push(`--intnet${i}`, n.internalNetwork ?? "intnet");
  args.push(`--nic-promisc${i}`, n.promiscuous ?? "deny");
  if (n.macAddress) args.push(`--mac-address${i}`, n.macAddress);
  return args;
}

export function bootArgs(order: ReadonlyArray<string>): string[] {
  const args: string[] = [];
  for (let i = 0; i < 4; i++) args.push(`--boot${i + 1}`, order[i] ?? "none");
  return args;
}

/** Settings modifyvm applies, for the given fields (all of them on create). Empty when nothing to do. */
export function modifyArgs(vm: VirtualMachineInputs, fields: ReadonlyArray<string>, liveNicCount = MAX_NICS): string[] {
  const has = (f: string) => fields.includes(f);
  const args: string[] = [];
  if (has("name")) args.push("--name", vm.name);
  if (has("osType")) args.push("--os-type", vm.osType);
  if (has("memoryMb")) args.push("--memory", String(vm.memoryMb));
  if (has("cpus")) args.push("--cpus", String(vm.cpus));
  if (has("nestedVirtualization")) args.push("--nested-hw-virt", onOff(vm.nestedVirtualization));
  if (has("graphicsController")) args.push("--graphicscontroller", vm.graphicsController);
  if (has("bootOrder")) args.push(...bootArgs(vm.bootOrder));
  if (has("nics")) {
    vm.nics.forEach((n, i) => args.push(...nicArgs(n, i + 1)));
    for (let i = vm.nics.length + 1; i <= Math.max(liveNicCount, vm.nics.length); i++) args.push(`--nic${i}`, "none");
  }
  return args;
}

/** Fields applied with modifyvm (they need the VM powered off). */
export const MODIFY_FIELDS = ["name", "osType", "memoryMb", "cpus", "nestedVirtualization", "graphicsController", "bootOrder", "nics"] as const;

export const baseSettingsArgs = () => ["--ioapic", "on", "--rtc-use-utc", "on", "--acpi", "on"];

export const storageControllerArgs = (vm: string) => ["storagectl", vm, "--name", SATA, "--add", "sata", "--controller", "IntelAhci", "--portcount", "4", "--bootable", "on"];

export const createDiskArgs = (path: string, sizeMb: number) => ["createmedium", "disk", "--filename", path, "--size", String(sizeMb), "--format", "VDI"];

export const resizeDiskArgs = (path: string, sizeMb: number) => ["modifymedium", "disk", path, "--resize", String(sizeMb)];

export const attachDiskArgs = (vm: string, path: string) => ["storageattach", vm, "--storagectl", SATA, "--port", String(DISK_PORT), "--device", "0", "--type", "hdd", "--medium", path];

export const attachDvdArgs = (vm: string, medium: string, controller = SATA, port = DVD_PORT, device = 0) => [
  "storageattach", vm, "--storagectl", controller, "--port", String(port), "--device", String(device), "--type", "dvddrive", "--medium", medium,
];

export const detachArgs = (vm: string, controller: string, port: number, device: number) => [
  "storageattach", vm, "--storagectl", controller, "--port", String(port), "--device", String(device), "--medium", "none",
];

export const startArgs = (vm: string, type: string) => ["startvm", vm, "--type", type];
export const acpiArgs = (vm: string) => ["controlvm", vm, "acpipowerbutton"];
export const powerOffArgs = (vm: string) => ["controlvm", vm, "poweroff"];
export const unregisterArgs = (vm: string) => ["unregistervm", vm, "--delete"];
export const closeMediumArgs = (path: string) => ["closemedium", "disk", path];
