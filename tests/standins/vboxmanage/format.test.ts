/** The stand-in's output has the shapes of the real 7.x captures and reads back through the product's parsers. */
import * as fs from "fs";
import * as path from "path";
import {
  classifyError,
  parseCreatedUuid,
  parseListVms,
  parseMachineReadableEntries,
  parseNatNetworks,
  parseSnapshotList,
  parseVersion,
  parseVmInfo,
} from "../../../provider/virtualbox/vboxmanage/parse";
import { standin } from "./run";

const SAMPLES = path.resolve(__dirname, "../../../../shared/vbox-samples");
const sample = (f: string) => fs.readFileSync(path.join(SAMPLES, f), "utf8");

/** A line's shape: the key and how its value is written (quoted, number, bare), values dropped. */
const shape = (line: string) =>
  line.replace(/^("?[^"=]+"?)=("?).*$/, (_, k, quote) => `${k.replace(/\d+/g, "N")}=${quote ? "Q" : "U"}`);

describe("VBoxManage stand-in output formats", () => {
  let s: ReturnType<typeof standin>;
  beforeEach(() => (s = standin()));
  afterEach(() => s.cleanup());

  it("prints showvminfo --machinereadable with the 7.2.20 keys, order and quoting", () => {
    s.ok(["createvm", "--name", "pleiades-probe", "--ostype", "Other_64", "--register"]);
    const ours = s.ok(["showvminfo", "pleiades-probe", "--machinereadable"]).split("\n").filter(Boolean);
    const real = sample("the-pleiades__vbox7.2.20-win11__showvminfo-machinereadable-poweroff.stdout").split("\r\n").filter(Boolean);
    expect(ours.map(shape)).toEqual(real.map(shape));
    const vm = parseVmInfo(ours.join("\n"));
    expect(vm).toMatchObject({ name: "pleiades-probe", osType: "Other/Unknown (64-bit)", state: "poweroff", cpus: 1, memoryMb: 128 });
  });

  it("prints storage slots like the 7.0 capture (IDE DVD emptydrive, SATA disk)", () => {
    const disk = path.join(s.dir, "d.vdi");
    s.ok(["createvm", "--name", "m", "--register"]);
    s.ok(["storagectl", "m", "--name", "IDE", "--add", "ide"]);
    s.ok(["storagectl", "m", "--name", "SATA", "--add", "sata", "--portcount", "1"]);
    s.ok(["createmedium", "disk", "--filename", disk, "--size", "1024"]);
    s.ok(["storageattach", "m", "--storagectl", "IDE", "--port", "1", "--device", "0", "--type", "dvddrive", "--medium", "emptydrive"]);
    s.ok(["storageattach", "m", "--storagectl", "SATA", "--port", "0", "--device", "0", "--type", "hdd", "--medium", disk]);
    const slotKeys = (text: string) => parseMachineReadableEntries(text).map((e) => e.key).filter((k) => /^(storagecontroller|IDE-|SATA-)/.test(k));
    const real = sample("vedv-bats-fixture__vbox7.0-linux__showvminfo-machinereadable-manjaro.txt");
    const ours = s.ok(["showvminfo", "m", "--machinereadable"]);
    expect(slotKeys(ours)).toEqual(slotKeys(real));
    expect(parseVmInfo(ours).storage.filter((x) => x.medium !== "none")).toEqual([
      { controller: "IDE", port: 1, device: 0, medium: "emptydrive" },
      { controller: "SATA", port: 0, device: 0, medium: disk, uuid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
  });

  it("prints a running VM's extra lines (SessionName, VideoMode, VRDEClients==0)", () => {
    s.ok(["createvm", "--name", "r", "--register"]);
    s.ok(["startvm", "r", "--type", "headless"]);
    const text = s.ok(["showvminfo", "r", "--machinereadable"]);
    expect(text).toContain('SessionName="headless"\nVideoMode="720,400,0"@0,0 1\n');
    expect(text).toContain("VRDEClients==0\n");
    expect(parseVmInfo(text).state).toBe("running");
  });

  it("prints natnetwork list in the 7.x layout of the real capture", () => {
    s.ok(["natnetwork", "add", "--netname", "vm-net", "--network", "192.168.10.0/24", "--enable", "--dhcp", "off"]);
    s.ok(["natnetwork", "modify", "--netname", "vm-net", "--port-forward-4", "ssh-to-storage-1:tcp:[]:3323:[192.168.10.23]:22"]);
    const ours = s.ok(["natnetwork", "list"]);
    const real = sample("gh-file-id46476246623_rafay-vm-scripts-doc__linux-vbox7.x__natnetwork-list-vms-runningvms.txt");
    const realBlock = real.slice(real.indexOf("NAT Networks:"), real.indexOf("1 network found") + "1 network found\n".length);
    const realWithOneRule = realBlock.replace(/ {8}ssh-to-workers-\d:.*\n/g, "");
    expect(ours).toBe(realWithOneRule);
    expect(parseNatNetworks(ours)[0].portForwards).toEqual([
      { name: "ssh-to-storage-1", protocol: "tcp", hostIp: "", hostPort: 3323, guestIp: "192.168.10.23", guestPort: 22 },
    ]);
    expect(s.ok(["natnetwork", "list", "nothing*"])).toBe("NAT Networks:\n\n0 networks found\n");
    expect(parseNatNetworks(s.ok(["list", "natnets"]))).toEqual([
      { name: "vm-net", cidr: "192.168.10.0/24", gateway: "192.168.10.1", dhcp: false, ipv6: false, enabled: true, portForwards: [] },
    ]);
  });

  it("prints list vms, --version, createvm and snapshot output like the captures", () => {
    const created = s.ok(["createvm", "--name", "pleiades-probe", "--register"]);
    const uuid = parseCreatedUuid(created)!;
    expect(created).toMatch(/^Virtual machine 'pleiades-probe' is created and registered\.\nUUID: [0-9a-f-]{36}\nSettings file: '.*\/pleiades-probe\/pleiades-probe\.vbox'\n$/);
    expect(s.ok(["list", "vms"])).toBe(`"pleiades-probe" {${uuid}}\n`);
    expect(parseListVms(s.ok(["list", "vms"]))).toEqual([{ name: "pleiades-probe", uuid }]);
    expect(parseVersion(s.ok(["--version"]))).toEqual({ major: 7, minor: 1, patch: 4, raw: "7.1.4r165100" });

    const take = s.run(["snapshot", "pleiades-probe", "take", "fixture-snap", "--description", "fixture"]);
    const snapUuid = parseCreatedUuid(take.stdout)!;
    expect(take.stdout).toBe(`Snapshot taken. UUID: ${snapUuid}\n`);
    const list = s.ok(["snapshot", "pleiades-probe", "list", "--machinereadable"]);
    const real = sample("the-pleiades__vbox7.2.20-win11__snapshot-list-machinereadable-one.stdout");
    expect(list).toBe(real.replace(/\r\n/g, "\n").replace(/5732a952-0b85-4e3a-820a-1a568f31166b/g, snapUuid));
    expect(parseSnapshotList(list)).toEqual([{ name: "fixture-snap", uuid: snapUuid, description: "fixture", current: true }]);
    const del = s.run(["snapshot", "pleiades-probe", "delete", "fixture-snap"]);
    expect(del.stdout).toBe(`Deleting snapshot 'fixture-snap' (${snapUuid})\n`);
    expect(del.stderr).toBe(sample("the-pleiades__vbox7.2.20-win11__snapshot-delete.stderr").replace(/\r\n/g, "\n"));
  });

  it("in Windows mode writes CRLF, the VBoxManage.exe prefix and callee IUnknown, byte for byte as 7.2.20", () => {
    const win = { VBOX_STANDIN_OS: "windows" };
    const missing = s.run(["showvminfo", "no-such-vm", "--machinereadable"], win);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(sample("the-pleiades__vbox7.2.20-win11__showvminfo-missing.stderr"));
    s.ok(["createvm", "--name", "pleiades-probe", "--register"], win);
    const notRunning = s.run(["controlvm", "pleiades-probe", "poweroff"], win);
    expect(notRunning.stderr).toBe(sample("the-pleiades__vbox7.2.20-win11__controlvm-poweroff-not-running.stderr"));
    const info = s.ok(["showvminfo", "pleiades-probe", "--machinereadable"], win);
    expect(info.split("\r\n").length).toBe(info.split("\n").length);
    expect(info).toMatch(/^CfgFile="C:\\\\Users\\\\[^"]+\\\\VirtualBox VMs\\\\pleiades-probe\\\\pleiades-probe\.vbox"\r$/m);
    expect(parseVmInfo(info).raw.CfgFile).toMatch(/^C:\\Users\\.*\\pleiades-probe\.vbox$/);
    // The VBoxManage.exe entry point behaves the same without the variable.
    const exe = s.run(["showvminfo", "no-such-vm"], {}, path.join(__dirname, "VBoxManage.exe"));
    expect(exe.stderr).toBe(sample("the-pleiades__vbox7.2.20-win11__showvminfo-missing.stderr"));
  });

  it("reports errors that classifyError reads as the right kind", () => {
    s.ok(["createvm", "--name", "a", "--register"]);
    s.ok(["startvm", "a", "--type", "headless"]);
    const kind = (args: string[]) => {
      const r = s.run(args);
      return [r.code, classifyError(r.stderr, r.code)?.kind];
    };
    expect(kind(["modifyvm", "a", "--memory", "512"])).toEqual([1, "locked"]);
    expect(kind(["startvm", "a"])).toEqual([1, "locked"]);
    expect(kind(["unregistervm", "a"])).toEqual([1, "locked"]);
    expect(kind(["modifyvm", "zz", "--memory", "512"])).toEqual([1, "not-found"]);
    expect(kind(["natnetwork", "modify", "--netname", "zz", "--dhcp", "on"])).toEqual([2, "not-found"]);
    s.ok(["controlvm", "a", "poweroff"]);
    expect(kind(["modifyvm", "a", "--frobnicate", "on"])).toEqual([2, "syntax"]);
    expect(kind(["controlvm", "a", "poweroff"])).toEqual([1, "not-running"]);
    expect(kind(["modifyvm", "a", "--boot1", "usb"])).toEqual([2, "syntax"]);
  });
});
