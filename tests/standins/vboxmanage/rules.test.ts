/** VirtualBox's rules as the stand-in enforces them: state across calls, locks, uniqueness, ACPI, hooks, concurrency. */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { classifyError, parseNatNetworks, parseSnapshotList, parseVmInfo } from "../../../provider/virtualbox/vboxmanage/parse";
import { standin, STANDIN } from "./run";

describe("VBoxManage stand-in rules", () => {
  let s: ReturnType<typeof standin>;
  beforeEach(() => (s = standin()));
  afterEach(() => s.cleanup());
  const info = (vm: string) => parseVmInfo(s.ok(["showvminfo", vm, "--machinereadable"]));

  it("keeps modifyvm settings in both option spellings, and --opt=value", () => {
    s.ok(["createvm", "--name", "lab", "--ostype", "RedHat_64", "--register"]);
    s.ok(["modifyvm", "lab", "--memory", "8192", "--cpus=4", "--nic1", "natnetwork", "--nat-network1", "labnet", "--mac-address1", "080027AABBCC"]);
    s.ok(["modifyvm", "lab", "--nic2", "bridged", "--bridgeadapter2", "eth0", "--nic3=intnet", "--intnet3=inner",
      "--nic4", "hostonly", "--host-only-adapter4", "vboxnet0", "--cableconnected4", "off", "--boot1", "dvd", "--boot2", "disk",
      "--boot3", "none", "--boot4", "none", "--nested-hw-virt", "on", "--graphicscontroller", "vmsvga", "--firmware", "efi"]);
    const vm = info("lab");
    expect(vm).toMatchObject({ osType: "Red Hat (64-bit)", memoryMb: 8192, cpus: 4, bootOrder: ["dvd", "disk"],
      nestedVirtualization: true, graphicsController: "vmsvga", firmware: "EFI" });
    expect(vm.nics.slice(0, 4)).toEqual([
      { index: 1, type: "natnetwork", natNetwork: "labnet", macAddress: "080027AABBCC", cableConnected: true },
      { index: 2, type: "bridged", bridgeAdapter: "eth0", macAddress: expect.any(String), cableConnected: true },
      { index: 3, type: "intnet", internalNetwork: "inner", macAddress: expect.any(String), cableConnected: true },
      { index: 4, type: "hostonly", hostOnlyAdapter: "vboxnet0", macAddress: expect.any(String), cableConnected: false },
    ]);
    // The promiscuous policy is not in --machinereadable; the human form has it.
    s.ok(["modifyvm", "lab", "--nic-promisc1", "allow-all"]);
    expect(s.ok(["showvminfo", "lab"])).toMatch(/^NIC 1: +MAC: 080027AABBCC, Attachment: NAT Network 'labnet',.* Promisc Policy: allow-all,/m);
    expect(s.run(["modifyvm", "lab", "--nicpromisc1", "sometimes"]).code).toBe(2);
  });

  it("manages NAT forwarding rules on a NAT adapter (modifyvm --natpf) with name uniqueness", () => {
    s.ok(["createvm", "--name", "n", "--register"]);
    s.ok(["modifyvm", "n", "--natpf1", "ssh,tcp,127.0.0.1,2222,,22"]);
    const dup = s.run(["modifyvm", "n", "--natpf1", "ssh,tcp,,2200,,22"]);
    expect([dup.code, classifyError(dup.stderr, dup.code)?.kind]).toEqual([1, "already-exists"]);
    s.ok(["modifyvm", "n", "--natpf1", "delete", "ssh"]);
    expect(info("n").nics[0].forwards).toEqual([]);
  });

  it("enforces NAT network name and rule uniqueness, and edits rules", () => {
    s.ok(["natnetwork", "add", "--netname", "labnet", "--network", "10.0.50.0/24", "--dhcp", "off"]);
    const again = s.run(["natnetwork", "add", "--netname", "labnet", "--network", "10.0.60.0/24"]);
    expect([again.code, again.stderr]).toEqual([2, "VBoxManage: error: NATNetwork server already exists\n"]);
    expect(s.run(["natnetwork", "add", "--netname", "other"]).code).toBe(2);
    s.ok(["natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "ssh:tcp:[]:2222:[10.0.50.10]:22"]);
    const dupName = s.run(["natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "ssh:tcp:[]:2223:[10.0.50.10]:22"]);
    expect(dupName.code).toBe(1);
    expect(dupName.stderr.split("\n")[0]).toBe("VBoxManage: error: A NAT rule of this name already exists");
    const dupPort = s.run(["natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "web:tcp:[]:2222:[10.0.50.11]:80"]);
    expect(dupPort.stderr.split("\n")[0]).toBe("VBoxManage: error: A NAT rule for this host port and this host IP already exists");
    s.ok(["natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "delete", "ssh", "--dhcp", "on", "--disable"]);
    expect(parseNatNetworks(s.ok(["natnetwork", "list"]))).toEqual([
      { name: "labnet", cidr: "10.0.50.0/24", gateway: "10.0.50.1", dhcp: true, ipv6: false, enabled: false, portForwards: [] },
    ]);
    s.ok(["natnetwork", "remove", "--netname", "labnet"]);
    expect(s.run(["natnetwork", "stop", "--netname", "labnet"]).code).toBe(2);
  });

  it("goes through the VM lifecycle: start, ACPI shutdown after K calls, hard power-off fallback, unregister --delete", () => {
    const disk = path.join(s.dir, "lab.vdi");
    s.ok(["createvm", "--name", "lab", "--register"]);
    s.ok(["createmedium", "disk", "--filename", disk, "--size", "1024"]);
    s.ok(["storagectl", "lab", "--name", "SATA", "--add", "sata"]);
    s.ok(["storageattach", "lab", "--storagectl", "SATA", "--port", "0", "--device", "0", "--type", "hdd", "--medium", disk]);
    s.ok(["startvm", "lab", "--type", "headless"]);
    expect(s.ok(["list", "runningvms"])).toContain('"lab"');
    s.ok(["controlvm", "lab", "acpipowerbutton"], { VBOX_STANDIN_ACPI_DELAY: "2" });
    expect(info("lab").state).toBe("running");
    expect(info("lab").state).toBe("poweroff");
    expect(s.ok(["list", "runningvms"])).toBe("");

    s.ok(["startvm", "lab", "--type", "headless"]);
    s.ok(["controlvm", "lab", "acpipowerbutton"], { VBOX_STANDIN_ACPI: "ignore" });
    expect([info("lab").state, info("lab").state, info("lab").state]).toEqual(["running", "running", "running"]);
    const off = s.run(["controlvm", "lab", "poweroff"]);
    expect([off.code, off.stderr]).toEqual([0, "0%...10%...20%...30%...40%...50%...60%...70%...80%...90%...100%\n"]);
    expect(info("lab").state).toBe("poweroff");

    expect(fs.existsSync(disk)).toBe(true);
    s.ok(["unregistervm", "lab", "--delete"]);
    expect(fs.existsSync(disk)).toBe(false);
    expect(s.ok(["list", "vms"])).toBe("");
    expect(classifyError(s.run(["showvminfo", "lab"]).stderr, 1)?.kind).toBe("not-found");
  });

  it("allows a DVD change on a running VM but not a disk change (write lock)", () => {
    const iso = path.join(s.dir, "a.iso");
    fs.writeFileSync(iso, "iso");
    s.ok(["createvm", "--name", "d", "--register"]);
    s.ok(["storagectl", "d", "--name", "IDE", "--add", "ide"]);
    s.ok(["storageattach", "d", "--storagectl", "IDE", "--port", "1", "--device", "0", "--type", "dvddrive", "--medium", iso]);
    s.ok(["startvm", "d", "--type", "headless"]);
    s.ok(["storageattach", "d", "--storagectl", "IDE", "--port", "1", "--device", "0", "--type", "dvddrive", "--medium", "emptydrive"]);
    expect(info("d").storage.find((x) => x.port === 1 && x.device === 0)?.medium).toBe("emptydrive");
    const hdd = s.run(["storageattach", "d", "--storagectl", "IDE", "--port", "0", "--device", "0", "--type", "hdd", "--medium", "none"]);
    expect(classifyError(hdd.stderr, hdd.code)?.kind).toBe("locked");
    const ctl = s.run(["storagectl", "d", "--name", "SATA", "--add", "sata"]);
    expect(classifyError(ctl.stderr, ctl.code)?.kind).toBe("locked");
    const missing = s.run(["storageattach", "d", "--storagectl", "IDE", "--port", "1", "--device", "0", "--type", "dvddrive", "--medium", "/nope.iso"]);
    expect(classifyError(missing.stderr, missing.code)?.kind).toBe("not-found");
  });

  it("takes, lists, restores and deletes snapshots; restore needs a stopped VM", () => {
    s.ok(["createvm", "--name", "snap", "--register"]);
    const none = s.run(["snapshot", "snap", "list", "--machinereadable"]);
    expect([none.code, none.stdout]).toEqual([1, "This machine does not have any snapshots\n"]);
    s.ok(["modifyvm", "snap", "--memory", "1024"]);
    s.ok(["snapshot", "snap", "take", "base"]);
    s.ok(["modifyvm", "snap", "--memory", "4096"]);
    s.ok(["snapshot", "snap", "take", "packstack", "--description", "after packstack"]);
    const list = parseSnapshotList(s.ok(["snapshot", "snap", "list", "--machinereadable"]));
    expect(list.map((x) => [x.name, x.current, x.parentUuid === list[0].uuid])).toEqual([["base", false, false], ["packstack", true, true]]);
    s.ok(["startvm", "snap", "--type", "headless"]);
    const running = s.run(["snapshot", "snap", "restore", "base"]);
    expect(classifyError(running.stderr, running.code)?.kind).toBe("invalid-state");
    s.ok(["controlvm", "snap", "poweroff"]);
    expect(s.ok(["snapshot", "snap", "restore", "base"])).toMatch(/^Restoring snapshot 'base' \([0-9a-f-]{36}\)\n$/);
    expect(info("snap")).toMatchObject({ memoryMb: 1024, currentSnapshot: { name: "base" } });
    s.ok(["snapshot", "snap", "delete", "packstack"]);
    expect(info("snap").snapshots.map((x) => x.name)).toEqual(["base"]);
    expect(classifyError(s.run(["snapshot", "snap", "delete", "nope"]).stderr, 1)?.kind).toBe("not-found");
  });

  it("edits a snapshot's name and description in place (by name, uuid or --current), silently", () => {
    s.ok(["createvm", "--name", "ed", "--register"]);
    s.ok(["snapshot", "ed", "take", "base", "--description", "first"]);
    s.ok(["snapshot", "ed", "take", "top"]);
    const [base, top] = parseSnapshotList(s.ok(["snapshot", "ed", "list", "--machinereadable"]));
    const list = () => parseSnapshotList(s.ok(["snapshot", "ed", "list", "--machinereadable"])).map((x) => [x.uuid, x.name, x.description ?? ""]);

    expect(s.run(["snapshot", "ed", "edit", "base", "--name", "renamed"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(list()).toEqual([[base.uuid, "renamed", "first"], [top.uuid, "top", ""]]);
    s.ok(["snapshot", "ed", "edit", base.uuid, "--description", "now described", "--name", "base-2"]);
    s.ok(["snapshot", "ed", "edit", "--current", "--description", "the current one"]);
    expect(list()).toEqual([[base.uuid, "base-2", "now described"], [top.uuid, "top", "the current one"]]);
    // the VM may be running: edit only touches the snapshot's metadata
    s.ok(["startvm", "ed", "--type", "headless"]);
    s.ok(["snapshot", "ed", "edit", "top", "--name", "top-running"]);
    expect(list().map((x) => x[1])).toEqual(["base-2", "top-running"]);

    const unknown = s.run(["snapshot", "ed", "edit", "nope", "--name", "x"]);
    expect([unknown.code, classifyError(unknown.stderr, unknown.code)?.kind]).toEqual([1, "not-found"]);
    expect(unknown.stderr).toContain("Could not find a snapshot named 'nope'");
    // options are matched whole, each takes the next argument; nothing changes when they are wrong
    expect(s.run(["snapshot", "ed", "edit", "top-running", "--name=x"])).toMatchObject({ code: 1, stderr: "VBoxManage: error: Invalid parameter '--name=x'\n" });
    expect(s.run(["snapshot", "ed", "edit", "top-running", "--description"])).toMatchObject({ code: 1, stderr: "VBoxManage: error: Missing argument to '--description'\n" });
    expect(s.run(["snapshot", "ed", "edit"])).toMatchObject({ code: 2, stderr: "VBoxManage: error: Missing snapshot name.\n" });
    expect(list().map((x) => x[1])).toEqual(["base-2", "top-running"]);
  });

  it("records unattended install options, prints the password as the real one does, and installs on start", () => {
    const iso = path.join(s.dir, "CentOS-Stream-9.iso");
    fs.writeFileSync(iso, "iso");
    s.ok(["createvm", "--name", "c9", "--ostype", "RedHat_64", "--register"]);
    s.ok(["storagectl", "c9", "--name", "IDE", "--add", "ide"]);
    s.ok(["modifyvm", "c9", "--nic1", "natnetwork", "--nat-network1", "labnet"]);
    s.ok(["natnetwork", "add", "--netname", "labnet", "--network", "10.0.50.0/24"]);
    const out = s.ok(["unattended", "install", "c9", `--iso=${iso}`, "--user=lab", "--password=s3cret!", "--install-additions",
      "--script-template=/tmp/c9-ks.cfg", "--extra-install-kernel-parameters=inst.ks=cdrom:/ks.cfg console=ttyS0", "--hostname=c9.lab.local"]);
    expect(out).toMatch(/^VBoxManage: info: Preparing unattended installation of RedHat_64 in machine 'c9' \(/);
    expect(out).toContain("\n                          password = s3cret!\n");
    expect(out).toContain("\n                scriptTemplatePath = /tmp/c9-ks.cfg\n");
    expect(out).toMatch(/VBoxManage: info: VM 'c9' \([0-9a-f-]{36}\) is ready to be started \(e\.g\. VBoxManage startvm\)\.\n$/);
    const vm = info("c9");
    expect(vm.bootOrder[0]).toBe("dvd");
    expect(vm.storage.find((x) => x.medium === iso)).toBeDefined();
    const state = JSON.parse(fs.readFileSync(path.join(s.dir, "state.json"), "utf8"));
    expect(state.vms[0].unattended.options).toMatchObject({ "--script-template": "/tmp/c9-ks.cfg", "--extra-install-kernel-parameters": "inst.ks=cdrom:/ks.cfg console=ttyS0" });
    expect(s.ok(["guestproperty", "get", "c9", "/VirtualBox/GuestInfo/Net/0/V4/IP"])).toBe("No value set!\n");
    s.ok(["startvm", "c9", "--type", "headless"]);
    expect(s.ok(["guestproperty", "get", "c9", "/VirtualBox/GuestInfo/Net/0/V4/IP"])).toBe("Value: 10.0.50.4\n");
    const again = s.run(["unattended", "install", "c9", `--iso=${iso}`]);
    expect([again.code, again.stderr]).toEqual([1, "VBoxManage: error: Machine 'c9' is currently running\n"]);
  });

  it("fails the next N locking calls with 'already locked' when asked (retry tests)", () => {
    s.ok(["createvm", "--name", "r", "--register"]);
    fs.writeFileSync(path.join(s.dir, "fail-next-locked"), "2");
    expect(s.ok(["showvminfo", "r", "--machinereadable"])).toContain('name="r"'); // not a locking verb
    for (let i = 0; i < 2; i++) {
      const r = s.run(["modifyvm", "r", "--memory", "256"]);
      expect([r.code, r.stderr.split("\n")[0]]).toEqual([1, "VBoxManage: error: The machine 'r' is already locked for a session (or being unlocked)"]);
    }
    s.ok(["modifyvm", "r", "--memory", "256"]);
    expect(info("r").memoryMb).toBe(256);
  });

  it("holds a call beginning with the words in `hold` while the file exists; other calls run", async () => {
    const env = { ...process.env, VBOX_STANDIN_STATE: s.dir, VBOX_STANDIN_HOME: s.dir };
    fs.writeFileSync(path.join(s.dir, "hold"), "natnetwork add\n");
    const held = new Promise<number>((resolve) => spawn(STANDIN, ["natnetwork", "add", "--netname", "h", "--network", "10.9.0.0/24"], { env, stdio: "ignore" }).on("exit", (c) => resolve(c ?? -1)));
    const log = path.join(s.dir, "held.log");
    while (!fs.existsSync(log)) await new Promise((r) => setTimeout(r, 50));
    expect(s.ok(["natnetwork", "list"])).not.toContain("Name:        h"); // not run yet; list is not held
    expect(JSON.parse(fs.readFileSync(log, "utf8").trim())).toEqual(["natnetwork", "add", "--netname", "h", "--network", "10.9.0.0/24"]);
    fs.rmSync(path.join(s.dir, "hold"));
    expect(await held).toBe(0);
    expect(s.ok(["natnetwork", "list", "h"])).toMatch(/^Name:\s+h$/m);
  });

  it("logs one line per invocation and serializes concurrent invocations", async () => {
    const env = { ...process.env, VBOX_STANDIN_STATE: s.dir, VBOX_STANDIN_HOME: s.dir };
    const runAsync = (args: string[]) =>
      new Promise<number>((resolve) => spawn(STANDIN, args, { env, stdio: "ignore" }).on("exit", (c) => resolve(c ?? -1)));
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => runAsync(["createvm", "--name", `vm${i}`, "--register"])));
    expect(codes).toEqual(Array(8).fill(0));
    expect(s.ok(["list", "vms"]).trim().split("\n")).toHaveLength(8);
    const calls = s.calls();
    expect(calls).toHaveLength(9);
    expect(calls[8]).toEqual(["list", "vms"]);
  });
});
