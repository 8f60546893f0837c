/** The pure pieces of lab.PackstackInstall: answer file edits, log lines, ifcfg, health parsing. */
import { answerSecrets, keysChangedByInputs, parseAnswers, setAnswers } from "../../../provider/lab/packstack/answerFile";
import { bridgeIfcfg, bridgeProblems, carriedDns, pickDns, portIfcfg } from "../../../provider/lab/packstack/bridge";
import { diagnose, expectedUnits, iniValue, parseDbUrl, parseHealth } from "../../../provider/lab/packstack/health";
import { cleanLine, isProgressLine } from "../../../provider/lab/packstack/run";
import { checked } from "./helpers";

const FILE = "[general]\n\n# Help\nCONFIG_NOVA_DB_PW=0123456789abcdef\n\n# more help\nCONFIG_NEUTRON_L2_AGENT=ovn\nCONFIG_SSH_KEY=/root/.ssh/id_rsa.pub\n";
const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
/** The network inputs' defaults. */
const NET = { hostIp: "10.0.2.15", externalInterface: "enp0s3", bridge: "br-ex", prefixLength: 24, gateway: "10.0.2.1" };
const BRIDGE = bridgeIfcfg(NET as any, ["8.8.8.8"]);
const PORT = portIfcfg(NET as any);
/** ifcfg-enp0s3 as lab.HostPrep writes it (before Packstack). */
const HOSTPREP_IFCFG = "# Written by pulumi-openstack-lab (lab.HostPrep)\nTYPE=Ethernet\nDEVICE=enp0s3\nBOOTPROTO=none\nONBOOT=yes\nIPADDR=10.0.2.15\nPREFIX=24\nGATEWAY=10.0.2.1\nDNS1=9.9.9.9\nDNS2=1.1.1.1\nDNS3=8.8.8.8\n";

describe("answer file", () => {
  it("sets keys in place, keeps comments, appends unknown keys once", () => {
    const out = setAnswers(FILE, { CONFIG_NEUTRON_L2_AGENT: "openvswitch", CONFIG_NEW: "1" });
    expect(out).toContain("# more help\nCONFIG_NEUTRON_L2_AGENT=openvswitch\n");
    expect(parseAnswers(out)).toEqual({ CONFIG_NOVA_DB_PW: "0123456789abcdef", CONFIG_NEUTRON_L2_AGENT: "openvswitch", CONFIG_SSH_KEY: "/root/.ssh/id_rsa.pub", CONFIG_NEW: "1" });
    expect(setAnswers(out, { CONFIG_NEW: "2" }).match(/CONFIG_NEW=/g)).toHaveLength(1);
  });

  it("knows its secrets (not paths or flags)", () => {
    expect(answerSecrets(FILE)).toEqual(["0123456789abcdef"]);
  });

  it("an update rewrites only the keys an input changed", async () => {
    const base = { connection: { privateKey: KEY }, adminPassword: "secret1" };
    const a = (await checked(base)) as any;
    const b = (await checked({ ...base, physnet: "public", extraAnswers: { CONFIG_DEBUG_MODE: "y" } })) as any;
    expect(keysChangedByInputs(a, b).sort()).toEqual(["CONFIG_DEBUG_MODE", "CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS", "CONFIG_NEUTRON_OVS_EXTERNAL_PHYSNET"]);
    expect(keysChangedByInputs(a, { ...a, timeoutMinutes: 200, gateway: "10.0.2.2" })).toEqual([]);
  });
});

describe("log lines", () => {
  it("strips colours and spinner overwrites; keeps step lines only", () => {
    expect(cleanLine("Testing if puppet apply is finished: 10.0.2.15_controller.pp  [ | ]\r10.0.2.15_controller.pp:   \x1b[0;32m[ DONE ]\x1b[0m")).toBe("10.0.2.15_controller.pp:   [ DONE ]");
    expect(isProgressLine("Preparing Nova API entries                 [ DONE ]")).toBe(true);
    expect(isProgressLine("Applying 10.0.2.15_network.pp")).toBe(true);
    expect(isProgressLine("Welcome to the Packstack setup utility")).toBe(false);
  });
});

describe("health parsing", () => {
  it("reads nova's DB URLs and finds the stale nova-dist.conf without printing a password", () => {
    const units = expectedUnits("openvswitch");
    const out = [
      "==oslab:units", ...units.map((u) => (u === "httpd" ? "inactive" : "active")),
      "==oslab:horizon", "000",
      "==oslab:file /etc/nova/nova.conf", "[database]", "connection=mysql+pymysql://nova:0123456789abcdef@10.0.2.15/nova",
      "==oslab:file /usr/share/nova/nova-dist.conf", "[database]", "connection = mysql://nova:nova@localhost/nova",
      "==oslab:ifcfg-interface", PORT,
      "==oslab:ifcfg-bridge", BRIDGE,
      "==oslab:end", "",
    ].join("\n");
    const h = parseHealth(out, units);
    expect(parseDbUrl(iniValue(h.novaConf, "database", "connection"))).toEqual({ user: "nova", password: "0123456789abcdef", host: "10.0.2.15", database: "nova" });
    const d = diagnose(h, FILE, "http://10.0.2.15/dashboard", NET);
    expect(d.inactive).toEqual(["httpd"]);
    expect(d.staleNovaDist).toBe(true);
    expect(d.problems.map((p) => p.split(":")[0])).toEqual([
      "service httpd is not active",
      "Horizon at http",
      "/root/keystonerc_admin is missing or incomplete",
      "/usr/share/nova/nova-dist.conf has a stale [database] connection (nova@localhost/nova) that differs from /etc/nova/nova.conf's, so nova may fail with \"Access denied\"",
    ]);
    expect(d.problems.join("\n")).not.toContain("0123456789abcdef");
  });

  it("takes the host's resolvers, not loopback stubs", () => {
    expect(pickDns("nameserver 127.0.0.53\nnameserver 10.0.2.3\n", "10.0.2.1")).toEqual(["10.0.2.3"]);
    expect(pickDns("", "10.0.2.1")).toEqual(["10.0.2.1"]);
  });
});

describe("bridge files", () => {
  it("br-ex carries over HostPrep's DNS1..3 from ifcfg-enp0s3, then the bridge's own, the kept original, resolv.conf", () => {
    const resolvConf = "nameserver 10.0.2.3\n";
    expect(carriedDns({ iface: HOSTPREP_IFCFG, bridge: BRIDGE, resolvConf }, "10.0.2.1")).toEqual(["9.9.9.9", "1.1.1.1", "8.8.8.8"]);
    expect(bridgeIfcfg(NET as any, ["9.9.9.9", "1.1.1.1", "8.8.8.8"])).toContain("DNS1=9.9.9.9\nDNS2=1.1.1.1\nDNS3=8.8.8.8\n");
    expect(carriedDns({ iface: PORT, bridge: BRIDGE, resolvConf }, "10.0.2.1")).toEqual(["8.8.8.8"]);
    expect(carriedDns({ iface: PORT, bridge: null, before: HOSTPREP_IFCFG, resolvConf }, "10.0.2.1")).toEqual(["9.9.9.9", "1.1.1.1", "8.8.8.8"]);
    expect(carriedDns({ iface: PORT, bridge: null, resolvConf }, "10.0.2.1")).toEqual(["10.0.2.3"]);
  });

  it("the files PackstackInstall writes, and a learner's hand-written equivalent, are healthy", () => {
    expect(bridgeProblems(NET, PORT, BRIDGE)).toEqual([]);
    const hand = "DEVICE=br-ex\nDEVICETYPE=ovs\nTYPE=OVSBridge\nBOOTPROTO=static\nIPADDR=10.0.2.15\nNETMASK=255.255.255.0\nGATEWAY=10.0.2.1\nONBOOT=yes\n";
    expect(bridgeProblems(NET, "DEVICE=enp0s3\nDEVICETYPE=ovs\nTYPE=OVSPort\nOVS_BRIDGE=\"br-ex\"\nONBOOT=yes\n", hand)).toEqual([]);
  });

  it("names what is wrong with each file, and the fix", () => {
    const fix = "`pulumi up` rewrites ifcfg-br-ex and ifcfg-enp0s3 and restarts the network (Packstack is not re-run)";
    expect(bridgeProblems(NET, HOSTPREP_IFCFG, BRIDGE)).toEqual([
      `/etc/sysconfig/network-scripts/ifcfg-enp0s3 is a plain interface with IPADDR=10.0.2.15, not an OVS port of br-ex (the external network and the host's address depend on it): ${fix}`,
    ]);
    expect(bridgeProblems(NET, PORT, BRIDGE.replace("IPADDR=10.0.2.15", "IPADDR=10.0.2.20"))).toEqual([
      `/etc/sysconfig/network-scripts/ifcfg-br-ex has 10.0.2.20/24 via 10.0.2.1, not an OVS bridge holding 10.0.2.15/24 via 10.0.2.1: ${fix}`,
    ]);
    expect(bridgeProblems(NET, null, null)).toEqual([
      `/etc/sysconfig/network-scripts/ifcfg-enp0s3 is missing, so enp0s3 is not a port of br-ex at boot: ${fix}`,
      `/etc/sysconfig/network-scripts/ifcfg-br-ex is missing, so br-ex has no address at boot (it should hold 10.0.2.15/24 via 10.0.2.1): ${fix}`,
    ]);
  });
});
