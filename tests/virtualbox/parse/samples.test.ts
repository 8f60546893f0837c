/**
 * Every real VBoxManage capture in ../shared/vbox-samples goes through the parser its name calls for. The expected
 * values were written by reading the files (see SOURCES.md for where each comes from), not from parser output.
 * A new sample without an entry here fails the suite.
 */
import * as fs from "fs";
import * as path from "path";
import {
  classifyError,
  parseCreatedUuid,
  parseListVms,
  parseMachineReadable,
  parseNatNetworks,
  parsePortForwardRule,
  parseSnapshotList,
  parseVersion,
  parseVmInfo,
  VBoxErrorKind,
} from "../../../provider/virtualbox/vboxmanage/parse";

const SAMPLES = path.resolve(__dirname, "../../../../shared/vbox-samples");
const read = (file: string) => fs.readFileSync(path.join(SAMPLES, file), "utf8");
const DOCS = new Set(["FACTS.md", "SOURCES.md"]);

type Check = (text: string) => void;

const error = (kind: VBoxErrorKind, message: string, code?: string): Check => (text) => {
  // FACTS §0: these failures exit 1; an `error:` line is a failure even with exit 0.
  for (const exit of [1, 0]) {
    const e = classifyError(text, exit);
    expect(e).not.toBeNull();
    expect(e!.kind).toBe(kind);
    expect(e!.message).toBe(message);
    if (code) expect(e!.code).toBe(code);
  }
};

/** Output the product does not read: the parsers must not mistake it for something they read. */
const notRead = (why: string): Check => (text) => {
  expect(why).not.toBe("");
  expect(parseListVms(text)).toEqual([]);
  expect(parseNatNetworks(text)).toEqual([]);
  expect(classifyError(text, 0)).toBeNull();
};

const vms = (expected: Array<[string, string]>): Check => (text) =>
  expect(parseListVms(text)).toEqual(expected.map(([name, uuid]) => ({ name, uuid })));

const GO_VBOX_VMS: Array<[string, string]> = [
  ["Ubuntu", "2e16b1fc-675d-4a7a-a9a1-e89a8bde7874"],
  ["go-virtualbox", "def44546-e3da-4902-8d15-b91c99c80cbc"],
];

const goVirtualboxShowvminfo = (uuid: string): Check => (text) => {
  const vm = parseVmInfo(text);
  expect(vm).toMatchObject({ name: "go-virtualbox", uuid, osType: "Ubuntu (64-bit)", cpus: 1, memoryMb: 1024, state: "saved", firmware: "BIOS" });
  expect(vm.stateChangeTime).toBe("2018-04-23T09:29:53.476000000");
  expect(vm.bootOrder).toEqual(["disk", "dvd"]);
  expect(vm.nics[0]).toEqual({
    index: 1, type: "nat", macAddress: "080027EE1DF7", cableConnected: true,
    forwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "", guestPort: 22 }],
  });
  expect(vm.nics.slice(1).map((n) => [n.index, n.type])).toEqual([2, 3, 4, 5, 6, 7, 8].map((i) => [i, "none"]));
  expect(vm.storage).toEqual([
    { controller: "IDE Controller", port: 0, device: 0, medium: "none" },
    { controller: "IDE Controller", port: 0, device: 1, medium: "none" },
    { controller: "IDE Controller", port: 1, device: 0, medium: "none" },
    { controller: "IDE Controller", port: 1, device: 1, medium: "none" },
    {
      controller: "SATA Controller", port: 0, device: 0,
      medium: "/Users/fix/VirtualBox VMs/go-virtualbox/ubuntu-16.04-amd64-disk001.vmdk",
      uuid: "32583b48-693e-45d4-882f-e9196d4f43c6",
    },
  ]);
  expect(vm.raw["vrdeproperty[TCP/Ports]"]).toBe("5914");
  expect(vm.raw["vrdeproperty[Security/Method]"]).toBe("<not set>");
  expect(vm.snapshots).toEqual([]);
  expect(vm.currentSnapshot).toBeUndefined();
};

const pleiades = (changeTime: string, withSnapshot: boolean): Check => (text) => {
  expect(text).toContain("\r\n");
  const vm = parseVmInfo(text);
  expect(vm).toMatchObject({
    name: "pleiades-probe", uuid: "9883f6c3-b17d-4077-aa52-d9c49a6912a5", osType: "Other/Unknown (64-bit)",
    cpus: 1, memoryMb: 64, state: "poweroff", stateChangeTime: changeTime, firmware: "BIOS",
    graphicsController: "vboxvga", nestedVirtualization: false, bootOrder: [], storage: [],
  });
  expect(vm.nics[0]).toEqual({ index: 1, type: "nat", macAddress: "080027101678", cableConnected: true, forwards: [] });
  expect(vm.nics).toHaveLength(8);
  // Escaped backslashes become single ones; no CR survives in a value.
  expect(vm.raw.CfgFile).toBe("G:\\PleiadesLab\\pleiades-probe\\pleiades-probe.vbox");
  expect(vm.raw.GuestMemoryBalloon).toBe("0");
  expect(Object.values(vm.raw).some((v) => v.includes("\r"))).toBe(false);
  if (withSnapshot) {
    expect(vm.snapshots).toEqual([{ name: "fixture-snap", uuid: "5732a952-0b85-4e3a-820a-1a568f31166b" }]);
    expect(vm.currentSnapshot).toEqual({ name: "fixture-snap", uuid: "5732a952-0b85-4e3a-820a-1a568f31166b" });
  } else {
    expect(vm.snapshots).toEqual([]);
    expect(vm.currentSnapshot).toBeUndefined();
  }
};

const CHECKS: Record<string, Check> = {
  "AD-Lab__vbox7.2.18-windows__list-dhcpservers-EXCERPT.txt": notRead("DHCP servers are not managed"),
  "AD-Lab__vbox7.2.18-windows__list-vms.txt": vms([
    ["DC01", "8039859b-d3f6-40c4-9b47-ab8c68e3108d"],
    ["SRV01", "f4a382d7-c045-48c7-a430-7cabfebe96e9"],
    ["PC01", "db3d48ae-009a-4555-b9a8-aaeec2960c8f"],
    ["PC02", "0e44e7db-80ba-43b9-9374-1f1f0fcb9858"],
  ]),
  "AD-Lab__vbox7.2.18-windows__showvminfo-machinereadable-EXCERPT-DC01.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm).toMatchObject({ name: "DC01", osType: "Windows Server 2025 (64-bit)", memoryMb: 3072, cpus: 2 });
    expect(vm.nics).toEqual([{ index: 1, type: "natnetwork", natNetwork: "AD-LAB-NET" }]);
  },
  "AD-Lab__vbox7.2.18-windows__version.txt": (text) =>
    expect(parseVersion(text)).toEqual({ major: 7, minor: 2, patch: 18, raw: "7.2.18r175117" }),
  "cuckoo-test-fixture__showvminfo-vm-not-found.stderr.txt": error(
    "not-found", "Could not find a registered machine named 'vmname'", "VBOX_E_OBJECT_NOT_FOUND"),
  "gh-file-id10980432202_lab-doc__macos-darwin19.6__natnetwork-list-ENABLED-LAST.txt": (text) =>
    expect(parseNatNetworks(text)).toEqual([
      { name: "NatNetwork", cidr: "10.0.2.0/24", gateway: "10.0.2.1", dhcp: true, ipv6: false, enabled: true, portForwards: [] },
    ]),
  "gh-file-id14151419727_ru-notes__linux__vagrant-natpf-duplicate-error.stderr.txt": error(
    "already-exists", "A NAT rule of this name already exists", "NS_ERROR_INVALID_ARG"),
  "gh-file-id37030471485__windows-vbox6.1-likely__natnetwork-list-ENABLED-LAST.txt": (text) =>
    expect(parseNatNetworks(text)).toEqual([
      { name: "linux-nat", cidr: "192.168.122.0/24", gateway: "192.168.122.1", dhcp: false, ipv6: false, enabled: true, portForwards: [] },
    ]),
  "gh-file-id39544233990_batman-vagrant-notes__linux-vbox5.x__showvminfo-machinereadable-running-FULL-from-vagrant-debug-log.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm).toMatchObject({
      name: "batman_default_1550612196654_90183", uuid: "7a6fec6f-ace1-4d51-95ea-f3b20eacc5c7",
      osType: "Red Hat (64-bit)", cpus: 4, memoryMb: 4096, state: "running",
      stateChangeTime: "2019-02-20T05:37:26.672000000", firmware: "BIOS",
    });
    expect(vm.graphicsController).toBeUndefined(); // 5.x has no graphicscontroller key
    expect(vm.bootOrder).toEqual(["floppy", "dvd", "disk"]);
    expect(vm.nics[0]).toEqual({
      index: 1, type: "nat", macAddress: "080027465C5B", cableConnected: true,
      forwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "", guestPort: 22 }],
    });
    expect(vm.nics.filter((n) => n.type === "none").map((n) => n.index)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(vm.storage.filter((s) => s.medium !== "none")).toEqual([
      {
        controller: "SATA", port: 0, device: 0, uuid: "7cb28ffd-8fb9-4440-8d50-627f0b3262e7",
        medium: "/root/VirtualBox VMs/batman_default_1550612196654_90183/box-disk001.vmdk",
      },
      { controller: "IDE", port: 1, device: 0, medium: "emptydrive" },
    ]);
    // Multi-line description with \" escapes, value after the closing quote, unquoted key with spaces.
    expect(vm.raw.description).toContain('# yum groupinstall "GNOME Desktop" "Graphical Administration Tools"\n');
    expect(vm.raw.description.startsWith("installed with:\nCentOS-7.0-1406-x86_64-NetInstall.iso\n")).toBe(true);
    expect(vm.raw.description.endsWith("centos / reverse\n")).toBe(true);
    expect(vm.raw.GuestMemoryBalloon).toBe("0");
    expect(vm.raw.VideoMode).toBe("720,400,0@0,0 1");
    expect(vm.raw.videocapopts).toBe("");
    expect(vm.raw.videocapres).toBe("1024x768");
    expect(vm.raw["GuestAdditionsFacility_VirtualBox Base Driver"]).toBe("50,1550641065785");
    expect(vm.raw.GuestAdditionsVersion).toBe("5.1.18 r114002");
  },
  "gh-file-id46476246623_rafay-vm-scripts-doc__linux-vbox7.x__natnetwork-list-vms-runningvms.txt": (text) => {
    expect(parseNatNetworks(text)).toEqual([
      {
        name: "vm-net", cidr: "192.168.10.0/24", gateway: "192.168.10.1", dhcp: false, ipv6: false, enabled: true,
        portForwards: [
          { name: "ssh-to-storage-1", protocol: "tcp", hostIp: "", hostPort: 3323, guestIp: "192.168.10.23", guestPort: 22 },
          { name: "ssh-to-workers-1", protocol: "tcp", hostIp: "", hostPort: 3389, guestIp: "192.168.10.89", guestPort: 22 },
          { name: "ssh-to-workers-2", protocol: "tcp", hostIp: "", hostPort: 3221, guestIp: "192.168.10.221", guestPort: 22 },
        ],
      },
    ]);
    // The file holds `list vms` then `list runningvms` (the same three VMs).
    const three: Array<[string, string]> = [
      ["workers-1", "a3c5e4bb-c5df-42f6-a961-c74f482244a7"],
      ["workers-2", "1b33d16d-8973-46dc-8d2e-59f18a3ea8f3"],
      ["storage-1", "83339257-981f-4bfb-a938-4ff61d095e80"],
    ];
    vms([...three, ...three])(text);
  },
  "gh-file-id49794354127_cn-doc__windows__startvm-already-running.stderr-EXCERPT.txt": error(
    "locked", "The machine 'win10-64-defender' is already locked by a session (or being locked or unlocked)",
    "VBOX_E_INVALID_OBJECT_STATE"),
  "gh-file-id5683477954_fr-install-doc__linux__startvm-already-running.stderr.txt": error(
    "locked", "The machine 'odooT' is already locked by a session (or being locked or unlocked)", "VBOX_E_INVALID_OBJECT_STATE"),
  "gh-file-id71096071924_lab-doc__windows-vbox7.2.12__commands-used.txt": (text) => {
    // Command lines (input). The rule string the author passed to --port-forward-4 must parse.
    const rule = /--port-forward-4 "([^"]+)"/.exec(text);
    expect(parsePortForwardRule(rule![1])).toEqual({
      name: "ssh-file", protocol: "tcp", hostIp: "", hostPort: 2223, guestIp: "10.0.99.8", guestPort: 22,
    });
    notRead("command lines, replayed against the stand-in in tests/standins/vboxmanage")(text);
  },
  "gh-file-id71096071924_lab-doc__windows-vbox7.2.12__natnetwork-portforward-duplicate-error-EXCERPT.txt": error(
    "already-exists", "A NAT rule of this name already exists", "E_INVALIDARG"),
  "gh-issue_docker-machine-742__windows-vbox5__showvminfo-machinereadable-EXCERPT-storage-nics.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm.nics.slice(0, 2)).toEqual([
      {
        index: 1, type: "nat", macAddress: "0800275EF4E8", cableConnected: true,
        forwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 49698, guestIp: "", guestPort: 22 }],
      },
      { index: 2, type: "hostonly", hostOnlyAdapter: "VirtualBox Host-Only Ethernet Adapter #2", macAddress: "080027BA8865", cableConnected: true },
    ]);
    // The excerpt starts after "SATA-1-0": 28 empty SATA ports 2..29, no storagecontroller* keys.
    expect(vm.storage).toHaveLength(28);
    expect(vm.storage.every((s) => s.controller === "SATA" && s.medium === "none" && s.device === 0)).toBe(true);
    expect(vm.storage.map((s) => s.port)).toEqual(Array.from({ length: 28 }, (_, i) => i + 2));
    expect(vm.state).toBe("");
  },
  "gh-issue_hashicorp-packer-10777__linux-vbox6.1__modifyvm-vm-not-found.packer-log-EXCERPT.txt": error(
    "not-found", "Could not find a registered machine named 'packer-deb-1615997195'", "VBOX_E_OBJECT_NOT_FOUND"),
  "gh-issue_hashicorp-vagrant-5440__macos-vbox4.3__showvminfo-machinereadable-EXCERPT-nics-forwarding-bridged.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm.nics[0]).toEqual({
      index: 1, type: "nat", macAddress: "080027E422A5", cableConnected: true,
      forwards: [
        { name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "", guestPort: 22 },
        { name: "tcp5432", protocol: "tcp", hostIp: "", hostPort: 5432, guestIp: "", guestPort: 5432 },
        { name: "tcp8000", protocol: "tcp", hostIp: "", hostPort: 8000, guestIp: "", guestPort: 8000 },
        { name: "tcp8080", protocol: "tcp", hostIp: "", hostPort: 8080, guestIp: "", guestPort: 80 },
      ],
    });
    expect(vm.nics[1]).toEqual({ index: 2, type: "bridged", bridgeAdapter: "en0: Wi-Fi (AirPort)", macAddress: "080027278746", cableConnected: true });
    expect(vm.storage).toEqual([
      {
        controller: "SATAController", port: 0, device: 0, medium: "/Volumes/StorEDGE/VMs/drm-erp/box-disk1.vmdk",
        uuid: "24da370e-3f77-476e-a8f5-b3552bec305f",
      },
    ]);
    expect(vm.raw.VideoMode).toBe("640,480,32@0,0");
  },
  "gh-issue_hfiref0x-VBoxHardenedLoader-103__windows__modifyvm-vm-not-found.stderr.txt": error(
    "not-found", "Could not find a registered machine named ''", "VBOX_E_OBJECT_NOT_FOUND"),
  "gh-issue_myspaghetti-macos-virtualbox-9__windows__startvm-vm-not-found.stderr.txt": error(
    "not-found", "Could not find a registered machine named 'Mojave'", "VBOX_E_OBJECT_NOT_FOUND"),
  "gh-pr_hashicorp-vagrant-12950__vbox7.0.2-prerelease__showvminfo-grep-forward.txt": (text) => {
    // Filtered with grep: the Forwarding lines only (the prompt line has no `=`).
    expect(parseMachineReadable(text)).toEqual({
      "Forwarding(0)": "ssh,tcp,127.0.0.1,2222,,22",
      "Forwarding(1)": "tcp8080,tcp,,8080,,80",
    });
    expect(parseVmInfo(text).nics).toEqual([]);
  },
  "go-virtualbox-fork-comment_file-id2309014812__list-natnets-6.x-vs-7.0.txt": (text) => {
    // A Go comment quoting both formats: drop the `\t// ` comment prefix first.
    const output = text.split("\n").map((l) => l.replace(/^\t\/\/ ?/, "")).join("\n");
    const sayanat = { name: "sayanat", cidr: "10.12.0.0/24", gateway: "10.12.0.1", dhcp: true, ipv6: true, enabled: true, portForwards: [] };
    expect(parseNatNetworks(output)).toEqual([sayanat, sayanat]);
  },
  "go-virtualbox__list_vms.out": vms(GO_VBOX_VMS),
  "go-virtualbox__showvminfo_go-virtualbox_--machinereadable.out": goVirtualboxShowvminfo("37f5d336-bf08-48dd-947c-37e6a56420a7"),
  "go-virtualbox__vboxmanage-guestproperty-wait-1.out": notRead("guestproperty wait is not used"),
  "go-virtualbox__vboxmanage-guestproperty-wait-2.out": notRead("guestproperty wait is not used"),
  "go-virtualbox__vboxmanage-list-dhcpservers-1.out": notRead("DHCP servers are not managed"),
  "go-virtualbox__vboxmanage-list-hostonlyifs-1.out": notRead("host-only interfaces are not managed"),
  "go-virtualbox__vboxmanage-list-natnets-1.out": (text) =>
    expect(parseNatNetworks(text)).toEqual([
      { name: "NatNetwork", cidr: "10.0.2.0/24", gateway: "10.0.2.1", dhcp: true, ipv6: false, enabled: true, portForwards: [] },
    ]),
  "go-virtualbox__vboxmanage-list-vms-1.out": vms(GO_VBOX_VMS),
  "go-virtualbox__vboxmanage-showvminfo-1.out": goVirtualboxShowvminfo("37f5d336-bf07-48dd-947c-37e6a56420a7"),
  "go-virtualbox__vboxmanage-showvminfo-2.out": goVirtualboxShowvminfo("37f5d336-bf07-48dd-947c-37e6a56420a7"),
  "packer-plugin-virtualbox-test-fixture__snapshot-list-machinereadable.txt": (text) => {
    const list = parseSnapshotList(text);
    expect(list.map((s) => s.name)).toEqual([
      "Imported", "Snapshot 1", "Snapshot 2", "Snapshot 3", "Snapshot 4", "Snapshot-Export",
      "Snapshot 5", "Snapshot 2", "Snapshot 7", "Snapshot 8", "Snapshot 9",
    ]);
    expect(list.filter((s) => s.current)).toEqual([
      { name: "Snapshot-Export", uuid: "c857d1b8-4fd6-4044-9d2c-c6e465b3cdd4", current: true, parentUuid: "5fc461ec-da7a-40a8-a168-03134d7cdf5c" },
    ]);
    expect(list[0]).toEqual({ name: "Imported", uuid: "7e5b4165-91ec-4091-a74c-a5709d584530", current: false });
    // SnapshotName-1-1-2 = "Snapshot 4", child of SnapshotName-1-1 = "Snapshot 2" (8e12833b)
    expect(list.find((s) => s.uuid === "17df1668-e79a-4ed6-a86b-713913699846")!.parentUuid).toBe("8e12833b-c6b5-4cbd-b42b-09eff8ffc173");
    // SnapshotName-3-2 = "Snapshot 9", child of SnapshotName-3 = "Snapshot 7"
    expect(list.find((s) => s.name === "Snapshot 9")!.parentUuid).toBe("0d977a1f-c9ef-412c-a08d-7c0707b3b18f");
  },
  "packman__vbox7.0.6-windows__list-bridgedifs.txt": notRead("bridged interfaces are named by the user, not listed"),
  "packman__vbox7.0.6-windows__modifyvm-locked-error.stderr.txt": error(
    "locked", "The machine 'debian_vm' is already locked for a session (or being unlocked)", "VBOX_E_INVALID_OBJECT_STATE"),
  "the-pleiades__vbox7.2.20-win11__controlvm-poweroff-not-running.stderr": error(
    "not-running", "Machine 'pleiades-probe' is not currently running."),
  "the-pleiades__vbox7.2.20-win11__list-vms.stdout": vms([["pleiades-probe", "9883f6c3-b17d-4077-aa52-d9c49a6912a5"]]),
  "the-pleiades__vbox7.2.20-win11__showvminfo-machinereadable-poweroff.stdout": pleiades("2026-09-26T00:13:36.000000000", false),
  "the-pleiades__vbox7.2.20-win11__showvminfo-machinereadable-with-snapshot.stdout": pleiades("2026-09-26T00:32:26.750000000", true),
  "the-pleiades__vbox7.2.20-win11__showvminfo-missing.stderr": error(
    "not-found", "Could not find a registered machine named 'no-such-vm'", "VBOX_E_OBJECT_NOT_FOUND"),
  "the-pleiades__vbox7.2.20-win11__snapshot-delete.stderr": notRead("a progress bar on stderr: not an error"),
  "the-pleiades__vbox7.2.20-win11__snapshot-delete.stdout": (text) => {
    expect(parseCreatedUuid(text)).toBeNull();
    notRead("`Deleting snapshot ...` is informational")(text);
  },
  "the-pleiades__vbox7.2.20-win11__snapshot-list-machinereadable-one.stdout": (text) =>
    expect(parseSnapshotList(text)).toEqual([
      { name: "fixture-snap", uuid: "5732a952-0b85-4e3a-820a-1a568f31166b", description: "fixture", current: true },
    ]),
  "the-pleiades__vbox7.2.20-win11__snapshot-take.stdout": (text) =>
    expect(parseCreatedUuid(text)).toBe("5732a952-0b85-4e3a-820a-1a568f31166b"),
  "unknown-repo-rst-notes__vbox-macos-old__modifyvm-locked-error.stderr.txt": error(
    "locked", "The machine 'Ubuntu' is already locked for a session (or being unlocked)", "VBOX_E_INVALID_OBJECT_STATE"),
  "vagrant-test-fixture__vbox5.x__import-dry-run.txt": notRead("OVF import is not used"),
  "vagrant-test-fixture__vbox7.0.0__showvminfo-machinereadable-EXCERPT.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm).toMatchObject({ name: "vagrant-test_default_1665781960041_56631", osType: "Ubuntu (64-bit)", memoryMb: 1024 });
    expect(vm.uuid).toBe("#{uuid}"); // Ruby interpolation left in Vagrant's fixture
    expect(vm.raw.SnapFldr).toBe("/VirtualBox VMs/vagrant-test_default_1665781960041_56631/Snapshots");
    // The 7.0 raw line `Encryption:     disabled` has no `=`: skipped.
    expect(Object.keys(vm.raw).some((k) => k.startsWith("Encryption"))).toBe(false);
  },
  "vagrant-test-fixture__vbox7.x__list-bridgedifs-macos.txt": notRead("bridged interfaces are named by the user, not listed"),
  "vagrant-test-fixture__vbox7.x__list-hostonlynets-macos.txt": notRead("host-only networks are not managed"),
  "vagrant-test-fixture__vbox7.x__list-hostonlynets-range-macos.txt": notRead("host-only networks are not managed"),
  "vagrant-test-fixture__vbox7.x__list-systemproperties.txt": notRead("system properties are not read"),
  "vagrant-test-fixture__vbox7.x__showvminfo-machinereadable-EXCERPT-hostonlynet.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm.nics.slice(0, 2)).toEqual([
      {
        index: 1, type: "nat", macAddress: "080027BB1475", cableConnected: true,
        forwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "", guestPort: 22 }],
      },
      { index: 2, type: "hostonlynet", hostOnlyAdapter: "vagrantnet-vbox1", macAddress: "080027FBC15B", cableConnected: true },
    ]);
  },
  "vagrant-test-fixture__vbox7.x__vbox-config-xml.txt": notRead("the .vbox XML is not read"),
  "vedv-bats-fixture__vbox7.0-linux__showvminfo-machinereadable-manjaro.txt": (text) => {
    const vm = parseVmInfo(text);
    expect(vm).toMatchObject({
      name: "manjaro-gnome-x64-full-clean", uuid: "19e117b3-06f4-4a1e-851d-47336ad6a142", osType: "Arch Linux (64-bit)",
      cpus: 4, memoryMb: 4096, state: "poweroff", stateChangeTime: "2023-02-06T02:18:47.191000000",
      graphicsController: "vmsvga", nestedVirtualization: false, firmware: "BIOS", bootOrder: ["dvd", "disk"],
    });
    expect(vm.storage.filter((s) => s.medium !== "none")).toEqual([
      { controller: "IDE", port: 1, device: 0, medium: "emptydrive" },
      {
        controller: "SATA", port: 0, device: 0, uuid: "37a0bb6b-4292-464e-b766-1e8b7101ec94",
        medium: "/home/user/VirtualBox VMs/manjaro-gnome-x64-full-clean/manjaro-gnome-x64-full-clean-disk001.vdi",
      },
    ]);
    expect(vm.nics[0]).toEqual({ index: 1, type: "nat", macAddress: "08002744D7F6", cableConnected: true, forwards: [] });
    // A multi-line description whose lines look like key=value.
    expect(vm.raw.description).toBe("name1=value1\nname2=value2");
    expect(vm.raw.name2).toBeUndefined();
    expect(vm.raw["BIOS NVRAM File"]).toBe("/home/user/VirtualBox VMs/manjaro-gnome-x64-full-clean/manjaro-gnome-x64-full-clean.nvram");
    expect(vm.raw["IDE-IsEjected-1-0"]).toBe("off");
    expect(vm.raw.GuestMemoryBalloon).toBe("0");
  },
};

const files = fs.readdirSync(SAMPLES).filter((f) => !DOCS.has(f)).sort();

describe("real VBoxManage captures", () => {
  it("finds the samples and has a check for each", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => !(f in CHECKS))).toEqual([]);
    expect(Object.keys(CHECKS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)("%s", (file) => {
    const check = CHECKS[file];
    if (!check) throw new Error(`no parser routed for sample ${file}: add an entry to CHECKS`);
    check(read(file));
  });
});
