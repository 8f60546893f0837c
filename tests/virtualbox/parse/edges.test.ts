/** Edge cases of the VBoxManage grammar that the captured samples show only once or not at all (FACTS.md §2). */
import {
  classifyError,
  formatPortForwardRule,
  parseCreatedUuid,
  parseListVms,
  parseMachineReadable,
  parseMachineReadableEntries,
  parseNatNetworks,
  parsePortForwardRule,
  parseSnapshotList,
  parseVersion,
  parseVmInfo,
} from "../../../provider/virtualbox/vboxmanage/parse";

describe("parseMachineReadable", () => {
  it("reads CRLF output without leaving CR in keys or values", () => {
    const text = 'name="web"\r\nmemory=2048\r\n"SATA-0-0"="C:\\\\VMs\\\\web.vdi"\r\n';
    expect(parseMachineReadable(text)).toEqual({ name: "web", memory: "2048", "SATA-0-0": "C:\\VMs\\web.vdi" });
  });

  it("unescapes \\\\ and \\\" inside quoted values and keys", () => {
    const text = 'description="say \\"hi\\" to C:\\\\dir"\n"My \\"Ctl\\"-0-0"="none"\n';
    expect(parseMachineReadable(text)).toEqual({ description: 'say "hi" to C:\\dir', 'My "Ctl"-0-0': "none" });
  });

  it("keeps a lone backslash that is not an escape (raw Windows paths)", () => {
    const text = 'uartmode1="file,G:\\PleiadesLab\\ubuntu-lab\\console.log"\nbridgeadapter1="Adapter \\ with slash\\"\nnext="x"\n';
    expect(parseMachineReadable(text)).toEqual({
      uartmode1: "file,G:\\PleiadesLab\\ubuntu-lab\\console.log",
      bridgeadapter1: "Adapter \\ with slash\\",
      next: "x",
    });
  });

  it("reads quoted keys with spaces and dashes, and unquoted keys with spaces", () => {
    const text = [
      '"SATA Controller-0-0"="/vm/disk.vdi"',
      '"SATA Controller-ImageUUID-0-0"="3a6f0e34-0000-4000-8000-000000000001"',
      'BIOS NVRAM File="/vm/x.nvram"',
      "GuestAdditionsFacility_VirtualBox Base Driver=50,1790521531922",
    ].join("\n");
    expect(parseMachineReadable(text)).toEqual({
      "SATA Controller-0-0": "/vm/disk.vdi",
      "SATA Controller-ImageUUID-0-0": "3a6f0e34-0000-4000-8000-000000000001",
      "BIOS NVRAM File": "/vm/x.nvram",
      "GuestAdditionsFacility_VirtualBox Base Driver": "50,1790521531922",
    });
  });

  it("reads unquoted numbers, empty values, VRDEClients==0 and text after the closing quote", () => {
    const entries = parseMachineReadableEntries('cpus=2\nvideocapopts=\nVRDEClients==0\nVideoMode="720,400,0"@0,0 1\n');
    expect(entries).toEqual([
      { key: "cpus", value: "2", quoted: false },
      { key: "videocapopts", value: "", quoted: false },
      { key: "VRDEClients", value: "0", quoted: false },
      { key: "VideoMode", value: "720,400,0@0,0 1", quoted: true },
    ]);
  });

  it("skips lines without = and keeps duplicate keys in order", () => {
    const text = 'Encryption:     disabled\n rec_screen0\nrec_screen_id=0\n rec_screen1\nrec_screen_id=1\n\n';
    expect(parseMachineReadableEntries(text).map((e) => [e.key, e.value])).toEqual([["rec_screen_id", "0"], ["rec_screen_id", "1"]]);
    expect(parseMachineReadable(text)).toEqual({ rec_screen_id: "1" });
  });

  it("joins a multi-line value with LF even from CRLF output", () => {
    const text = 'description="a=1\r\n\r\nb \\"2\\""\r\nGuestMemoryBalloon=0\r\n';
    expect(parseMachineReadable(text)).toEqual({ description: 'a=1\n\nb "2"', GuestMemoryBalloon: "0" });
  });
});

describe("parseVmInfo", () => {
  it("reads every NIC type and its network, and attaches Forwarding lines to the NAT adapter before them", () => {
    const text = [
      'name="lab"', 'UUID="11111111-2222-4333-8444-555555555555"', 'ostype="Red Hat (64-bit)"', "memory=8192", "cpus=4",
      'nested-hw-virt="on"', 'boot1="disk"', 'boot2="dvd"', 'boot3="none"', 'boot4="net"', 'VMState="running"',
      'nat-network1="lab-net"', 'macaddress1="080027000001"', 'cableconnected1="on"', 'nic1="natnetwork"',
      'natnet2="nat"', 'macaddress2="080027000002"', 'cableconnected2="off"', 'nic2="nat"', 'mtu="0"',
      'Forwarding(0)="web,udp,,8080,10.0.2.15,80"',
      'bridgeadapter3="eth0"', 'nic3="bridged"', 'hostonlyadapter4="vboxnet0"', 'nic4="hostonly"',
      'intnet5="inner"', 'nic5="intnet"', 'nic6="generic"', 'nic7="null"', 'nic8="none"',
    ].join("\n");
    const vm = parseVmInfo(text);
    expect(vm.nestedVirtualization).toBe(true);
    expect(vm.bootOrder).toEqual(["disk", "dvd", "net"]);
    expect(vm.nics.map((n) => n.type)).toEqual(["natnetwork", "nat", "bridged", "hostonly", "intnet", "generic", "none", "none"]);
    expect(vm.nics[0]).toEqual({ index: 1, type: "natnetwork", natNetwork: "lab-net", macAddress: "080027000001", cableConnected: true });
    expect(vm.nics[1].cableConnected).toBe(false);
    expect(vm.nics[1].forwards).toEqual([{ name: "web", protocol: "udp", hostIp: "", hostPort: 8080, guestIp: "10.0.2.15", guestPort: 80 }]);
    expect(vm.nics[2].bridgeAdapter).toBe("eth0");
    expect(vm.nics[3].hostOnlyAdapter).toBe("vboxnet0");
    expect(vm.nics[4].internalNetwork).toBe("inner");
  });

  it("tells controllers apart when one name is a prefix of another", () => {
    const text = [
      'storagecontrollername0="SATA"', 'storagecontrollername1="SATA-2"',
      '"SATA-0-0"="/a.vdi"', '"SATA-2-0-0"="/b.vdi"', '"SATA-2-ImageUUID-0-0"="b-uuid"',
    ].join("\n");
    expect(parseVmInfo(text).storage).toEqual([
      { controller: "SATA", port: 0, device: 0, medium: "/a.vdi" },
      { controller: "SATA-2", port: 0, device: 0, medium: "/b.vdi", uuid: "b-uuid" },
    ]);
  });
});

describe("parseNatNetworks", () => {
  it("reads a 7.x `natnetwork list` with two networks, a disabled one, a UDP rule with a host IP, and IPv6 rules", () => {
    const text = [
      "NAT Networks:", "",
      "Name:         a", "Enabled:      No", "Network:      10.0.0.0/24", "Gateway:      10.0.0.1", "DHCP Server:  Yes",
      "IPv6:         Yes", "IPv6 Prefix:  fd17:625c:f037:2::/64", "IPv6 Default: No",
      "Port-forwarding (ipv4)", "        dns:udp:[127.0.0.1]:5353:[10.0.0.5]:53",
      "Port-forwarding (ipv6)", "        v6:tcp:[::1]:8080:[fd17::5]:80", "",
      "Name:         b", "Enabled:      Yes", "Network:      10.1.0.0/16", "Gateway:      10.1.0.1", "DHCP Server:  No",
      "IPv6:         No", "IPv6 Prefix:  ", "IPv6 Default: No", "", "2 networks found", "",
    ].join("\r\n");
    expect(parseNatNetworks(text)).toEqual([
      {
        name: "a", cidr: "10.0.0.0/24", gateway: "10.0.0.1", dhcp: true, ipv6: true, enabled: false,
        portForwards: [{ name: "dns", protocol: "udp", hostIp: "127.0.0.1", hostPort: 5353, guestIp: "10.0.0.5", guestPort: 53 }],
      },
      { name: "b", cidr: "10.1.0.0/16", gateway: "10.1.0.1", dhcp: false, ipv6: false, enabled: true, portForwards: [] },
    ]);
  });

  it("returns [] for `natnetwork list` with no networks", () => {
    expect(parseNatNetworks("NAT Networks:\n\n0 networks found\n")).toEqual([]);
  });

  it("round-trips a port-forward rule", () => {
    const rule = "ssh:tcp:[]:2222:[10.0.2.15]:22";
    expect(formatPortForwardRule(parsePortForwardRule(rule)!)).toBe(rule);
    expect(parsePortForwardRule("ssh,tcp,,2222,,22")).toBeNull();
  });
});

describe("small outputs", () => {
  it("lists inaccessible VMs and names with quotes", () => {
    expect(parseListVms('"<inaccessible>" {aaaaaaaa-0000-4000-8000-000000000000}\r\n"a "b"" {bbbbbbbb-0000-4000-8000-000000000000}\r\n')).toEqual([
      { name: "<inaccessible>", uuid: "aaaaaaaa-0000-4000-8000-000000000000" },
      { name: 'a "b"', uuid: "bbbbbbbb-0000-4000-8000-000000000000" },
    ]);
  });

  it("finds the version after a kernel-module warning, and refuses output without one", () => {
    const text = "WARNING: The vboxdrv kernel module is not loaded.\n         Please run /sbin/vboxconfig\n6.1.50_Ubuntur161033\n";
    expect(parseVersion(text)).toEqual({ major: 6, minor: 1, patch: 50, raw: "6.1.50_Ubuntur161033" });
    expect(() => parseVersion("VBoxManage: error: something\n")).toThrow(/no version/);
  });

  it("reads the uuid createvm and createmedium print", () => {
    const createvm = "Virtual machine 'lab' is created and registered.\nUUID: 0c2a3c38-7a0e-4e4b-9d54-4f1c1b6a9f00\nSettings file: '/home/u/VirtualBox VMs/lab/lab.vbox'\n";
    expect(parseCreatedUuid(createvm)).toBe("0c2a3c38-7a0e-4e4b-9d54-4f1c1b6a9f00");
    expect(parseCreatedUuid("Medium created. UUID: 9b8f8c1e-1d7e-4a51-9d34-0b8c1b6a9f01\r\n")).toBe("9b8f8c1e-1d7e-4a51-9d34-0b8c1b6a9f01");
  });

  it("reads `This machine does not have any snapshots` as none", () => {
    expect(parseSnapshotList("This machine does not have any snapshots\r\n")).toEqual([]);
  });
});

describe("classifyError", () => {
  it("is null for success, even with progress on stderr", () => {
    expect(classifyError("", 0)).toBeNull();
    expect(classifyError("0%...10%...20%...100%\n", 0)).toBeNull();
  });

  it("treats an error: line as a failure even with exit 0", () => {
    expect(classifyError("VBoxManage: error: Something broke\n", 0)).toEqual({ kind: "other", message: "Something broke" });
  });

  it("reads exit 2 as syntax, unless the message is more specific", () => {
    expect(classifyError("VBoxManage: error: Unknown option: --frob\nUsage:\n...", 2)).toEqual({ kind: "syntax", message: "Unknown option: --frob" });
    expect(classifyError("VBoxManage: error: NATNetwork server already exists\n", 2)!.kind).toBe("already-exists");
    expect(classifyError("VBoxManage.exe: error: NATNetwork server does not exist\r\n", 2)!.kind).toBe("not-found");
  });

  it("knows locks, states and access errors", () => {
    expect(classifyError("VBoxManage: error: Cannot unregister the machine 'x' while it is locked\n", 1)!.kind).toBe("locked");
    expect(classifyError("VBoxManage: error: Machine 'x' is currently running\n", 1)!.kind).toBe("invalid-state");
    expect(
      classifyError("VBoxManage: error: Details: code VBOX_E_INVALID_VM_STATE (0x80bb0002), component SessionMachine, interface IMachine\n", 1),
    ).toEqual({ kind: "invalid-state", message: "Details: code VBOX_E_INVALID_VM_STATE (0x80bb0002), component SessionMachine, interface IMachine", code: "VBOX_E_INVALID_VM_STATE" });
    expect(classifyError("VBoxManage: error: Access denied (E_ACCESSDENIED)\n", 1)!.kind).toBe("access-denied");
    expect(classifyError("VBoxManage: error: Could not find a snapshot named 'base'\n", 1)!.kind).toBe("not-found");
  });

  it("reports a non-zero exit without an error: line as other, with the first stderr line", () => {
    expect(classifyError("Segmentation fault\n", 139)).toEqual({ kind: "other", message: "Segmentation fault" });
    expect(classifyError("", 1)).toEqual({ kind: "other", message: "VBoxManage exited with code 1" });
  });
});
