/**
 * The doctor's checks of VirtualBox and the CPU's virtualization: VBoxManage found and its version, VT-x/AMD-V free
 * for VirtualBox (Windows' own hypervisor aside), nested virtualization for Nova's kvm.
 */
import { versionWarning } from "../../provider/virtualbox/vboxmanage/version";
import { CheckResult, Facts, LabSettings, ok } from "./types";

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

