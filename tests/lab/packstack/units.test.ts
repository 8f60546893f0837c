/** The pure pieces of lab.PackstackInstall: answer file edits, log lines, ifcfg, health parsing. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { answerSecrets, keysChangedByInputs, parseAnswers, setAnswers } from "../../../provider/lab/packstack/answerFile";
import { bridgeIfcfg, bridgeProblems, carriedDns, pickDns, portIfcfg } from "../../../provider/lab/packstack/bridge";
import { diagnose, expectedUnits, iniValue, parseDbUrl, parseHealth } from "../../../provider/lab/packstack/health";
import { SET_VIRT_TYPE } from "../../../provider/lab/packstack/repair";
import { cleanLine, isProgressLine } from "../../../provider/lab/packstack/follow";
import { checked } from "./helpers";

const FILE = "[general]\n\n# Help\nCONFIG_NOVA_DB_PW=0123456789abcdef\n\n# more help\nCONFIG_NEUTRON_L2_AGENT=ovn\nCONFIG_SSH_KEY=/root/.ssh/id_rsa.pub\n";
const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
/** The network inputs' defaults. */
const NET: { hostIp: string; externalInterface: string; bridge: string; prefixLength: number; gateway: string; virtType?: "auto" | "kvm" | "qemu" } = {
  hostIp: "10.0.2.15", externalInterface: "enp0s3", bridge: "br-ex", prefixLength: 24, gateway: "10.0.2.1",
};
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
      "==oslab:file /etc/nova/nova.conf", "[database]", "connection=mysql+pymysql://nova:0123456789abcdef@10.0.2.15/nova", "[libvirt]", "virt_type=qemu",
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

  const healthOut = (o: { kvm?: boolean; virtType?: string | null; compute?: string[]; computeRc?: number; hypervisors?: string[]; stopped?: string[] }) => {
    const units = expectedUnits("openvswitch");
    return parseHealth([
      "==oslab:units", ...units.map((u) => (o.stopped?.includes(u) ? "inactive" : "active")),
      "==oslab:horizon", "200",
      "==oslab:file /root/keystonerc_admin", "export OS_USERNAME=admin", "export OS_PASSWORD=pw", "export OS_AUTH_URL=http://10.0.2.15:5000/v3",
      "export OS_PROJECT_NAME=admin", "export OS_USER_DOMAIN_NAME=Default", "export OS_PROJECT_DOMAIN_NAME=Default", "export OS_REGION_NAME=RegionOne",
      "==oslab:file /etc/nova/nova.conf", "[DEFAULT]", "my_ip=10.0.2.15", ...(o.virtType === null ? [] : ["[libvirt]", `virt_type = ${o.virtType ?? "qemu"}`]), "[vnc]", "enabled=True",
      ...(o.kvm ? ["==oslab:kvm"] : []),
      `==oslab:compute-services ${o.computeRc ?? 0}`, ...(o.compute ?? ["openstack.lab up"]),
      "==oslab:hypervisors 0", ...(o.hypervisors ?? ["openstack.lab up"]),
      "==oslab:ifcfg-interface", PORT,
      "==oslab:ifcfg-bridge", BRIDGE,
      "==oslab:end", "",
    ].join("\n"), units);
  };

  it("virt_type follows /dev/kvm (auto) or the input; a wrong or missing one is a problem that names the fix", () => {
    expect(diagnose(healthOut({}), FILE, "u", NET)).toMatchObject({ healthy: true, virtType: "qemu", setVirtType: null });
    expect(diagnose(healthOut({ kvm: true, virtType: "kvm" }), FILE, "u", NET)).toMatchObject({ healthy: true, setVirtType: null });
    const wrong = diagnose(healthOut({ kvm: false, virtType: "kvm" }), FILE, "u", NET);
    expect(wrong).toMatchObject({ healthy: false, virtType: "kvm", setVirtType: "qemu" });
    expect(wrong.problems).toEqual([expect.stringMatching(/^\/etc\/nova\/nova.conf \[libvirt\] virt_type is kvm, but the VM has no \/dev\/kvm .*sets it to qemu and restarts openstack-nova-compute$/)]);
    expect(diagnose(healthOut({ kvm: true, virtType: null }), FILE, "u", NET)).toMatchObject({ setVirtType: "kvm", problems: [expect.stringContaining("virt_type is not set, but the VM has /dev/kvm")] });
    expect(diagnose(healthOut({ kvm: true, virtType: "kvm" }), FILE, "u", { ...NET, virtType: "qemu" })).toMatchObject({ setVirtType: "qemu", problems: [expect.stringContaining('virtType is "qemu"')] });
  });

  it("Nova's view: nova-compute down or no hypervisor registered is a problem (restart nova-compute); a stopped unit is said once", () => {
    const down = diagnose(healthOut({ compute: ["openstack.lab down"] }), FILE, "u", NET);
    expect(down).toMatchObject({ healthy: false, restartCompute: true, problems: [expect.stringContaining("Nova reports nova-compute down")] });
    const none = diagnose(healthOut({ hypervisors: [] }), FILE, "u", NET);
    expect(none).toMatchObject({ healthy: false, restartCompute: true, problems: [expect.stringContaining("no hypervisor is registered (`openstack hypervisor list` is empty)")] });
    const api = diagnose(healthOut({ computeRc: 1, compute: ["Service Unavailable (HTTP 503)"] }), FILE, "u", NET);
    expect(api.problems).toEqual([expect.stringContaining("Nova did not answer `openstack compute service list` (exit 1: Service Unavailable (HTTP 503))")]);
    const stopped = diagnose(healthOut({ stopped: ["openstack-nova-compute"], compute: ["openstack.lab down"] }), FILE, "u", NET);
    expect(stopped.problems).toEqual([expect.stringMatching(/^service openstack-nova-compute is not active/)]);
  });

  it("the virt_type setter replaces the key in [libvirt], adds it to the section, or adds the section (real awk)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-virt-"));
    const run = (text: string, v: string) => {
      const f = path.join(dir, "nova.conf");
      fs.writeFileSync(f, text);
      execFileSync("bash", ["-c", SET_VIRT_TYPE, "set-virt-type", f, v]);
      return fs.readFileSync(f, "utf8");
    };
    try {
      expect(run("[DEFAULT]\nx=1\n[libvirt]\nvirt_type=kvm\ncpu_mode=none\n[vnc]\nenabled=True\n", "qemu")).toBe("[DEFAULT]\nx=1\n[libvirt]\nvirt_type=qemu\ncpu_mode=none\n[vnc]\nenabled=True\n");
      expect(run("[libvirt]\ncpu_mode=none\n[vnc]\nenabled=True\n", "kvm")).toBe("[libvirt]\ncpu_mode=none\nvirt_type=kvm\n[vnc]\nenabled=True\n");
      expect(run("[DEFAULT]\nx=1\n", "kvm")).toBe("[DEFAULT]\nx=1\n[libvirt]\nvirt_type=kvm\n");
      expect(iniValue(run("[libvirt]\n virt_type = kvm\n", "qemu"), "libvirt", "virt_type")).toBe("qemu");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
