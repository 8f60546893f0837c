/**
 * doctor on a built lab: PackstackInstall's health problems (made by the provider's own `diagnose`, from a broken
 * host) mapped to checks that say what, why and the fix; a healthy lab is one ok line.
 */
import { healthResults } from "../../cli/doctor/health";
import { diagnose } from "../../provider/lab/packstack/health";

const inputs = { hostIp: "10.0.2.15", externalInterface: "enp0s3", bridge: "br-ex", prefixLength: 24, gateway: "10.0.2.1" };
const goodIface = "DEVICE=enp0s3\nNAME=enp0s3\nDEVICETYPE=ovs\nTYPE=OVSPort\nOVS_BRIDGE=br-ex\nONBOOT=yes\nBOOTPROTO=none\n";
const goodBridge = "DEVICE=br-ex\nNAME=br-ex\nDEVICETYPE=ovs\nTYPE=OVSBridge\nBOOTPROTO=static\nIPADDR=10.0.2.15\nPREFIX=24\nGATEWAY=10.0.2.1\nONBOOT=yes\n";
const answer = "CONFIG_NOVA_DB_PW=nova-db-pw-1\n";
const keystonerc = { authUrl: "http://10.0.2.15:5000/v3", username: "admin", password: "x", projectName: "admin", userDomainName: "Default", projectDomainName: "Default", regionName: "RegionOne" };
const novaConf = "[database]\nconnection=mysql+pymysql://nova:nova-db-pw-1@10.0.2.15/nova\n[libvirt]\nvirt_type=qemu\n";
const nova = { kvm: false, computeServices: { rc: 0, lines: ["openstack.lab up"] }, hypervisors: { rc: 0, lines: ["openstack.lab up"] } };

test("a healthy lab is one ok line", () => {
  const d = diagnose({ services: [{ name: "httpd", active: true }], horizonStatus: "200", keystonerc, novaConf, novaDistConf: null, ifcfgInterface: goodIface, ifcfgBridge: goodBridge, ...nova }, answer, "http://127.0.0.1:8080/dashboard", inputs);
  expect(healthResults(d)).toEqual([expect.objectContaining({ status: "ok", id: "health" })]);
});

test("a broken lab: each problem mapped to services / Horizon / nova's DB credentials / br-ex and the gateway, with why and fix", () => {
  const d = diagnose(
    {
      services: [{ name: "neutron-server", active: false }],
      horizonStatus: "000",
      keystonerc,
      novaConf,
      novaDistConf: "[database]\nconnection=mysql://nova:nova@localhost/nova\n",
      ifcfgInterface: "DEVICE=enp0s3\nBOOTPROTO=none\nIPADDR=10.0.2.15\n",
      ifcfgBridge: "DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nIPADDR=10.0.2.15\nPREFIX=24\n",
      ...nova,
    },
    answer,
    "http://127.0.0.1:8080/dashboard",
    inputs,
  );
  const results = healthResults(d);
  expect(results.map((r) => r.id).sort()).toEqual(["health-bridge", "health-bridge", "health-horizon", "health-nova-db", "health-service"]);
  for (const r of results) {
    expect(r.status).toBe("fail");
    expect(r.why).toBeTruthy();
    expect(r.fix).toMatch(/npm run lab|re-run Packstack/);
  }
  expect(results.find((r) => r.id === "health-service")!.what).toContain("neutron-server");
  expect(results.filter((r) => r.id === "health-bridge").map((r) => r.what).join("\n")).toContain("no gateway");
  expect(results.find((r) => r.id === "health-nova-db")!.why).toContain("Access denied");
});

test("Nova's virt_type against /dev/kvm and Nova's own view (nova-compute, hypervisors) map to their checks", () => {
  const d = diagnose(
    { services: [{ name: "openstack-nova-compute", active: true }], horizonStatus: "200", keystonerc, novaConf: novaConf.replace("qemu", "kvm"), novaDistConf: null, ifcfgInterface: goodIface, ifcfgBridge: goodBridge, ...nova, hypervisors: { rc: 0, lines: [] } },
    answer,
    "http://127.0.0.1:8080/dashboard",
    inputs,
  );
  const results = healthResults(d);
  expect(results.map((r) => r.id)).toEqual(["health-virt-type", "health-compute"]);
  expect(results[0].fix).toBe("`npm run lab` sets it to qemu and restarts openstack-nova-compute");
  expect(results[1].what).toContain("no hypervisor is registered");
});
