/** The PC's tools as they really print (recorded captures, SOURCES.md), LF and CRLF alike. */
import { cpuVirtFlag, kvmModules, parseCimSystemInfo, parseHostInfo, parseHypervisorLaunchType, parseSystemInfo } from "../../cli/doctor/hostParsers";
import { crlf, readSample } from "./support/samples";

const both = (name: string) => [readSample(name), crlf(readSample(name))];

test("VBoxManage list hostinfo (VirtualBox 7.x capture): HW virtualization, nested, memory, OS", () => {
  for (const text of both("list-hostinfo.macos-intel-7.x.stdout")) {
    expect(parseHostInfo(text)).toEqual({ hwVirtualization: true, nestedHwVirtualization: false, memoryMb: 16384, memoryAvailableMb: 6435, os: "Darwin", osVersion: "24.6.0", cpuCount: 8 });
  }
});

test("systeminfo, Windows 11 with VBS running: hypervisor detected, VBS running, 15,869 MB, no firmware line", () => {
  for (const text of both("systeminfo.win11-vbs-running.txt")) {
    expect(parseSystemInfo(text)).toEqual({
      osName: "Microsoft Windows 11 Home Single Language",
      osVersion: "10.0.26200 N/A Build 26200",
      totalMemoryMb: 15869,
      hypervisorDetected: true,
      firmwareVirtualization: null,
      vmMonitorModeExtensions: null,
      vbsRunning: true,
      source: "systeminfo",
    });
  }
});

test("systeminfo, VT-x enabled / disabled in firmware", () => {
  for (const text of both("systeminfo.win10-vtx-enabled-EXCERPT.txt")) {
    expect(parseSystemInfo(text)).toMatchObject({ totalMemoryMb: 16265, hypervisorDetected: false, firmwareVirtualization: true, vmMonitorModeExtensions: true, vbsRunning: false });
  }
  for (const text of both("systeminfo.vtx-disabled-EXCERPT.txt")) {
    expect(parseSystemInfo(text)).toMatchObject({ totalMemoryMb: 2048, firmwareVirtualization: false, vmMonitorModeExtensions: false });
  }
});

test("bcdedit: hypervisorlaunchtype Auto, or absent (= off)", () => {
  for (const text of both("bcdedit-enum-findstr-hypervisor.win.txt")) expect(parseHypervisorLaunchType(text)).toBe("Auto");
  expect(parseHypervisorLaunchType("Windows Boot Loader\r\n-------------------\r\nidentifier              {current}\r\n")).toBeNull();
});

test("Linux: vmx/svm flags and KVM modules", () => {
  expect(cpuVirtFlag("processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx rdtscp lm constant_tsc vmx est\n")).toBe("vmx");
  expect(cpuVirtFlag("flags\t\t: fpu vme de pse tsc msr pae\n")).toBeNull();
  expect(kvmModules("kvm_intel 368640 0 - Live 0x0000000000000000\nkvm 1085440 1 kvm_intel, Live 0x0\n")).toEqual(["kvm_intel"]);
});

describe("Windows in another display language (samples written from Microsoft's docs, marked .DOCS.)", () => {
  const sample = readSample;
  test("German systeminfo: the English parser finds nothing (why the doctor asks CIM first)", () => {
    expect(parseSystemInfo(sample("systeminfo.de-DE.hypervisor-EXCERPT.DOCS.txt")).hypervisorDetected).toBe(false);
  });
  test("CIM's JSON on a German Windows 11 with VBS running: hypervisor present, VBS running, memory in MB", () => {
    expect(parseCimSystemInfo(sample("cim-systeminfo.de-DE.vbs-running.DOCS.json"))).toEqual({
      osName: "Microsoft Windows 11 Pro", osVersion: "10.0.22631", totalMemoryMb: 16256, hypervisorDetected: true,
      firmwareVirtualization: null, vmMonitorModeExtensions: null, vbsRunning: true, source: "CIM",
    });
  });
  test("CIM's JSON on a French Windows 10 with VT-x off in the firmware", () => {
    expect(parseCimSystemInfo(sample("cim-systeminfo.fr-FR.vtx-disabled.DOCS.json"))).toMatchObject({ osName: "Microsoft Windows 10 Professionnel", hypervisorDetected: false, firmwareVirtualization: false, vmMonitorModeExtensions: true, vbsRunning: false });
    expect(parseCimSystemInfo("Get-CimInstance : Zugriff verweigert")).toBeNull();
  });
  test("German bcdedit: hypervisorlaunchtype read by its element name, whatever the headings", () => {
    expect(parseHypervisorLaunchType(sample("bcdedit-enum-current.de-DE.DOCS.txt"))).toBe("Auto");
  });
});
