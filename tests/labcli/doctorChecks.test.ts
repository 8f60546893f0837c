/**
 * Every doctor check with a passing and a failing host: pure functions over the facts (cli/doctor/checks.ts).
 * A result that is not ok must say what is wrong, why (the lab step it breaks) and a one-line fix.
 */
import { checkDisk, checkIso, checkMemory, checkNatNetwork, checkNestedVirtualization, checkPorts, checkVBoxManage, checkVirtualization, CheckResult, runChecks } from "../../cli/doctor/checks";
import { parseCimSystemInfo, parseSystemInfo } from "../../cli/doctor/hostParsers";
import { applySkips, formatResults } from "../../cli/doctor/print";
import { goodFacts, SETTINGS } from "./support/facts";
import { readSample } from "./support/samples";

const s = SETTINGS;
function explained(r: CheckResult): CheckResult {
  expect(r.what.length).toBeGreaterThan(10);
  expect(r.why).toMatch(/step|VM|Horizon|OpenStack/);
  expect(r.fix).toBeTruthy();
  expect(r.fix).not.toMatch(/\n/);
  return r;
}

test("the passing host passes every check", () => {
  const results = runChecks(goodFacts(), s);
  expect(results.filter((r) => r.status !== "ok")).toEqual([]);
  expect(formatResults(results).pop()).toBe("doctor: ready");
});

describe("VBoxManage found and >= 7.0", () => {
  test("not found: names VBOX_MSI_INSTALL_PATH on Windows", () => {
    const r = explained(checkVBoxManage({ ...goodFacts(), vbox: { error: "VBoxManage not found on PATH" } }));
    expect(r.status).toBe("fail");
    expect(r.fix).toContain("VBOX_MSI_INSTALL_PATH");
  });
  test("6.1 is refused, 7.2.2 is warned about, 7.1.4 passes", () => {
    const f = goodFacts();
    expect(explained(checkVBoxManage({ ...f, vbox: { exe: "x", version: { major: 6, minor: 1, patch: 50, raw: "6.1.50r161033" } } })).status).toBe("fail");
    expect(explained(checkVBoxManage({ ...f, vbox: { exe: "x", version: { major: 7, minor: 2, patch: 2, raw: "7.2.2r170484" } } })).status).toBe("warn");
    expect(checkVBoxManage(f).status).toBe("ok");
  });
  test("found but does not run", () => {
    expect(explained(checkVBoxManage({ ...goodFacts(), vbox: { exe: "x", versionError: "exit 1" } })).status).toBe("fail");
  });
});

describe("hardware virtualization, from real captures", () => {
  test("the Windows 10 host with VT-x enabled in firmware (systeminfo capture) passes", () => {
    const f = goodFacts();
    f.windows = { systemInfo: parseSystemInfo(readSample("systeminfo.win10-vtx-enabled-EXCERPT.txt")), hypervisorLaunchType: null };
    expect(checkVirtualization(f).status).toBe("ok");
  });
  test("VT-x disabled in firmware (systeminfo capture): fail, fix in the BIOS", () => {
    const f = goodFacts();
    f.hostInfo = null;
    f.windows = { systemInfo: parseSystemInfo(readSample("systeminfo.vtx-disabled-EXCERPT.txt")), hypervisorLaunchType: null };
    const r = explained(checkVirtualization(f));
    expect(r.status).toBe("fail");
    expect(r.what).toMatch(/Virtualization Enabled In Firmware: No|VM Monitor Mode Extensions: No/);
    expect(r.fix).toMatch(/BIOS|CPU/);
  });
  test("VirtualBox's own `Processor supports HW virtualization: no` fails", () => {
    const f = goodFacts();
    f.hostInfo = { ...f.hostInfo!, hwVirtualization: false };
    expect(explained(checkVirtualization(f)).status).toBe("fail");
  });
  test("Windows 11 with VBS running and a hypervisor detected (systeminfo capture), hypervisorlaunchtype Auto: warned, with the bcdedit fix", () => {
    const f = goodFacts();
    f.windows = { systemInfo: parseSystemInfo(readSample("systeminfo.win11-vbs-running.txt")), hypervisorLaunchType: "Auto" };
    const r = explained(checkVirtualization(f));
    expect(r.status).toBe("warn");
    expect(r.what).toContain("A hypervisor has been detected");
    expect(r.what).toContain("Virtualization-based security");
    expect(r.what).toContain("hypervisorlaunchtype Auto");
    expect(r.fix).toContain("bcdedit /set hypervisorlaunchtype off");
  });
  test("a German Windows 11 (CIM, any display language; sample from the docs): VBS and the hypervisor warned; a French one with VT-x off fails", () => {
    const f = goodFacts();
    f.windows = { systemInfo: parseCimSystemInfo(readSample("cim-systeminfo.de-DE.vbs-running.DOCS.json")), hypervisorLaunchType: "Auto" };
    const r = explained(checkVirtualization(f));
    expect(r.status).toBe("warn");
    expect(r.what).toContain("Windows (Win32_ComputerSystem): HypervisorPresent");
    expect(r.what).toContain("Virtualization-based security is Running");
    const fr = goodFacts();
    fr.hostInfo = { ...fr.hostInfo!, hwVirtualization: null };
    fr.windows = { systemInfo: parseCimSystemInfo(readSample("cim-systeminfo.fr-FR.vtx-disabled.DOCS.json")), hypervisorLaunchType: null };
    const d = explained(checkVirtualization(fr));
    expect(d.status).toBe("fail");
    expect(d.what).toBe("Windows (Win32_Processor): VirtualizationFirmwareEnabled is false");
  });
  test("Linux: no vmx/svm flag and no VirtualBox answer fails; KVM loaded under VirtualBox 7.0 warns", () => {
    const f = { ...goodFacts(), platform: "linux" as const, windows: undefined, hostInfo: null, linux: { cpuFlag: null, kvm: [] } };
    expect(explained(checkVirtualization(f)).status).toBe("fail");
    const kvm = { ...f, hostInfo: goodFacts().hostInfo, linux: { cpuFlag: "vmx" as const, kvm: ["kvm_intel"] }, vbox: { exe: "v", version: { major: 7, minor: 0, patch: 14, raw: "7.0.14" } } };
    expect(explained(checkVirtualization(kvm)).status).toBe("warn");
  });
});

describe("RAM against the VM's memory", () => {
  test("a 16 GB VM on a 16 GB PC is refused with a smaller setting suggested", () => {
    const r = explained(checkMemory({ ...goodFacts(), totalMemoryMb: 16265 }, s)); // the 16,265 MB of the Windows 10 capture
    expect(r.status).toBe("fail");
    expect(r.fix).toBe("npm run lab -- config set memoryMb 11264");
  });
  test("a PC too small for Packstack's 8 GB gets no setting to try", () => {
    const r = explained(checkMemory({ ...goodFacts(), totalMemoryMb: 8192 }, s));
    expect(r.fix).not.toContain("config set");
  });
  test("32 GB passes, and so does a 12 GB VM on the 16 GB PC", () => {
    expect(checkMemory(goodFacts(), s).status).toBe("ok");
    expect(checkMemory({ ...goodFacts(), totalMemoryMb: 16265 }, { ...s, memoryMb: 11264 }).status).toBe("ok");
  });
});

describe("free disk", () => {
  test("less than the VM's disk warns, less than what the install fills fails, plenty passes", () => {
    const at = (freeMb: number) => checkDisk({ ...goodFacts(), disk: { folder: "D:\\VMs", freeMb } }, s);
    expect(explained(at(60_000)).status).toBe("warn");
    expect(explained(at(20_000)).status).toBe("fail");
    expect(at(200_000).status).toBe("ok");
  });
});

describe("nested virtualization: virt_type kvm or qemu", () => {
  test("Hyper-V/VBS holding VT-x: warns that nested virt is off and virt_type will be qemu", () => {
    const f = goodFacts();
    f.windows = { systemInfo: parseSystemInfo(readSample("systeminfo.win11-vbs-running.txt")), hypervisorLaunchType: "Auto" };
    const r = explained(checkNestedVirtualization(f, s));
    expect(r.status).toBe("warn");
    expect(r.what).toMatch(/nested virtualization is off/);
    expect(r.why).toMatch(/virt_type will be qemu/);
    expect(r.fix).toContain("bcdedit /set hypervisorlaunchtype off");
  });
  test("VirtualBox says the CPU cannot nest: warn, virt_type qemu", () => {
    const f = goodFacts();
    f.hostInfo = { ...f.hostInfo!, nestedHwVirtualization: false };
    const r = explained(checkNestedVirtualization(f, s));
    expect(r.status).toBe("warn");
    expect(r.what).toContain("Processor supports nested HW virtualization");
  });
  test("the lab's VM with --nested-hw-virt off: warn, with the modifyvm line; on: ok", () => {
    const f = goodFacts();
    f.labBuilt = true;
    f.vm = { nestedHwVirt: false };
    const r = explained(checkNestedVirtualization(f, { vmName: "my-lab" }));
    expect(r.status).toBe("warn");
    expect(r.fix).toContain("VBoxManage modifyvm my-lab --nested-hw-virt on");
    f.vm = { nestedHwVirt: true };
    expect(checkNestedVirtualization(f, s)).toMatchObject({ status: "ok", what: expect.stringContaining("kvm") });
  });
  test("runChecks includes it", () => {
    expect(runChecks(goodFacts(), s).map((r) => r.id)).toContain("nested-virtualization");
  });
});

describe("forwarded ports on 127.0.0.1", () => {
  test("every forward of the lab is checked, Nova, Glance, Placement and noVNC included", () => {
    expect(checkPorts(goodFacts(), s).map((r) => r.id)).toEqual(["port-2222", "port-8080", "port-5000", "port-9696", "port-8774", "port-9292", "port-8778", "port-6080"]);
    const f = goodFacts();
    f.ports[8774] = "busy";
    const r = explained(checkPorts(f, s).find((x) => x.id === "port-8774")!);
    expect(r.status).toBe("fail");
    expect(r.why).toContain("Nova");
    expect(r.fix).toContain("config set novaPort 8775");
  });
  test("a port another program holds fails with the netstat line on Windows", () => {
    const f = goodFacts();
    f.ports[5000] = "busy";
    const r = checkPorts(f, s).find((x) => x.id === "port-5000")!;
    expect(explained(r).status).toBe("fail");
    expect(r.fix).toContain("netstat -ano | findstr :5000");
    expect(r.fix).toContain("config set keystonePort 5001");
  });
  test("a port this lab's NAT Network forwards is fine; another NAT Network's forward fails", () => {
    const f = goodFacts();
    f.ports[2222] = "busy";
    f.labBuilt = true;
    const fwd = { name: "ssh", protocol: "tcp" as const, hostIp: "127.0.0.1", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 };
    f.natNetworks = [{ name: "LabNatNetwork", cidr: "10.0.2.0/24", dhcp: false, ipv6: false, enabled: true, portForwards: [fwd] }];
    expect(checkPorts(f, s).every((r) => r.status === "ok")).toBe(true);
    f.natNetworks = [{ name: "OtherLab", cidr: "10.0.5.0/24", dhcp: true, ipv6: false, enabled: true, portForwards: [fwd] }];
    expect(explained(checkPorts(f, s).find((x) => x.id === "port-2222")!).what).toContain("OtherLab");
  });
});

describe("the ISO", () => {
  const withLabel = (label: string | null) => checkIso({ ...goodFacts(), iso: { path: s.installerIso!, exists: true, label } }, s);
  test("CentOS Stream 9 passes; 7, 8 and 10 are refused, 10 naming x86_64-v3", () => {
    expect(withLabel("CentOS-Stream-9-BaseOS-x86_64").status).toBe("ok");
    expect(explained(withLabel("CentOS 7 x86_64")).status).toBe("fail");
    expect(explained(withLabel("CentOS-Stream-8-x86_64-dvd")).status).toBe("fail");
    const ten = explained(withLabel("CentOS-Stream-10-BaseOS-x86_64"));
    expect(ten.status).toBe("fail");
    expect(ten.why).toContain("x86_64-v3");
    expect(explained(withLabel("Ubuntu-Server 24.04 LTS amd64")).status).toBe("fail");
  });
  test("not an ISO9660 image, missing, unreadable, or not set", () => {
    expect(explained(withLabel(null)).what).toContain("not an ISO9660 image");
    expect(explained(checkIso({ ...goodFacts(), iso: { path: "x.iso", exists: false } }, s)).status).toBe("fail");
    expect(explained(checkIso({ ...goodFacts(), iso: { path: "x.iso", exists: true, readError: "EACCES" } }, s)).status).toBe("fail");
    const unset = explained(checkIso({ ...goodFacts(), iso: null }, { ...s, installerIso: undefined }));
    expect(unset.fix).toContain("$env:LAB_ISO");
  });
  test("a checksum that does not match fails; a matching one passes", () => {
    const f = { ...goodFacts(), iso: { path: "x.iso", exists: true, label: "CentOS-Stream-9-BaseOS-x86_64", sha256: "ab".repeat(32) } };
    expect(explained(checkIso(f, { ...s, isoSha256: "cd".repeat(32) })).status).toBe("fail");
    expect(checkIso(f, { ...s, isoSha256: "AB".repeat(32) }).status).toBe("ok");
  });
  test("once the lab is built a missing ISO only warns", () => {
    expect(explained(checkIso({ ...goodFacts(), labBuilt: true, iso: { path: "x.iso", exists: false } }, s)).status).toBe("warn");
  });
});

describe("no other NAT Network with the same name or cidr", () => {
  const net = (name: string, cidr: string) => ({ name, cidr, dhcp: true, ipv6: false, enabled: true, portForwards: [] });
  test("same name not made by this lab fails; same cidr under another name fails; ours passes", () => {
    expect(explained(checkNatNetwork({ ...goodFacts(), natNetworks: [net("LabNatNetwork", "10.0.2.0/24")] }, s)).status).toBe("fail");
    const clash = explained(checkNatNetwork({ ...goodFacts(), natNetworks: [net("NatNetwork", "10.0.2.0/24")] }, s));
    expect(clash.what).toContain("NatNetwork");
    expect(checkNatNetwork({ ...goodFacts(), labBuilt: true, natNetworks: [net("LabNatNetwork", "10.0.2.0/24"), net("NatNetwork", "10.0.9.0/24")] }, s).status).toBe("ok");
  });
});

test("LAB_DOCTOR_SKIP=ports turns the port checks into skips, nothing else", () => {
  const f = goodFacts();
  f.ports[5000] = "busy";
  f.totalMemoryMb = 16000;
  const r = applySkips(runChecks(f, s), "ports");
  expect(r.filter((x) => x.id.startsWith("port-")).map((x) => x.status)).toEqual(Array(8).fill("skip"));
  expect(r.find((x) => x.id === "memory")!.status).toBe("fail");
  expect(formatResults(r).join("\n")).toMatch(/\[FAIL\] RAM for the VM[^\n]*\n {7}why: [^\n]+\n {7}fix: npm run lab -- config set memoryMb/);
});
