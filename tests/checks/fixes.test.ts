/**
 * One test per kind of defect fixed in check()/diff() that the corpus does not already show: secret keys, strict
 * schemas, non-object inputs, preview judgement of cross-field checks, replace-instead-of-refused updates, a
 * change of vboxManagePath alone, secret outputs of the OpenStack controllers, the keys Packstack's inputs own.
 */
import * as z from "zod";
import { collectSecrets } from "../../provider/core/controller";
import { isSecretWire } from "../../provider/core/secrets";
import { looseObjects } from "../../provider/core/schemaShape";
import { UNKNOWN } from "../../provider/core/unknowns";
import { desiredAnswers } from "../../provider/lab/packstack/answerFile";
import { MANAGED_KEYS } from "../../provider/lab/packstack/types";
import { UUID } from "./cases/corpus";
import { MODULES } from "./controllers";

const KEYS = Object.keys(MODULES);
const provider = (key: string) => MODULES[key].provider;

test("the secret-key pattern catches Packstack's *_PW and *_KEY answer names", () => {
  const found = collectSecrets({ extraAnswers: {}, x: { CONFIG_MARIADB_PW: "m-pw", CONFIG_NOVA_SSH_KEY: "k-key", CONFIG_DEBUG_MODE: "n" } });
  expect(found.sort()).toEqual(["k-key", "m-pw"]);
});

test("PackstackInstall returns extraAnswers from check() as a secret and declares it a secret output", async () => {
  const { controller } = MODULES["lab.PackstackInstall"];
  expect(controller.secretOutputs).toContain("extraAnswers");
  const r = await provider("lab.PackstackInstall").check({}, {
    connection: { host: "127.0.0.1", port: 1, password: "x" }, adminPassword: "Adm1n-pass", extraAnswers: { CONFIG_MARIADB_PW: "Mariadb-pw1" },
  });
  expect(r.failures).toBeUndefined();
  expect(isSecretWire(r.inputs.extraAnswers)).toBe(true);
});

test.each(KEYS)("%s: every object of the schema refuses unknown keys", (key) => {
  expect(looseObjects(MODULES[key].controller.schema(z) as never)).toEqual([]);
});

test.each(KEYS)("%s: check() of null, an array, a string or a number fails instead of throwing", async (key) => {
  for (const bad of [null, undefined, [], "inputs", 42]) {
    const r = await provider(key).check({}, bad as never);
    expect(r.failures).toEqual([{ property: "(inputs)", reason: expect.stringMatching(/^inputs: must be an object of .* fields/) }]);
  }
});

test.each(KEYS)("%s: diff() of non-object or odd-shaped states does not throw", async (key) => {
  for (const [olds, news] of [[null, {}], [{}, null], [{ tags: "x", rules: 5, disk: "d", nics: 1 }, { tags: ["a"], rules: [], disk: { sizeMb: 1 }, nics: [] }]]) {
    await expect(provider(key).diff("id", olds as never, news as never)).resolves.toHaveProperty("changes");
  }
});

describe("preview: a cross-field check is judged on the fields it reads, whatever else is unknown", () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["openstack.SecurityGroupRule", { cloud: UNKNOWN, securityGroup: UNKNOWN, protocol: "tcp", portRangeMin: 443, portRangeMax: 80 }, "portRangeMax", /443 > 80/],
    ["openstack.SecurityGroupRule", { securityGroup: "default", protocol: "tcp", portRangeMin: 443, portRangeMax: 80, remoteGroupId: UNKNOWN }, "portRangeMax", /443 > 80/],
    ["openstack.SecurityGroupRuleSet", { cloud: UNKNOWN, securityGroup: UNKNOWN, rules: [{ protocol: "tcp", portRangeMin: 443, portRangeMax: 80 }] }, "rules[0].portRangeMax", /443 > 80/],
    ["openstack.Network", { cloud: UNKNOWN, name: UNKNOWN, providerNetworkType: "flat" }, "providerPhysicalNetwork", /needs a physical network/],
    ["openstack.Router", { cloud: UNKNOWN, name: UNKNOWN, enableSnat: true }, "enableSnat", /needs externalNetworkId/],
    ["openstack.FloatingIp", { cloud: UNKNOWN, networkId: UNKNOWN, fixedIpAddress: "10.0.0.5" }, "fixedIpAddress", /needs portId/],
    ["openstack.Subnet", { cloud: UNKNOWN, networkId: UNKNOWN, cidr: "10.0.2.0/24", gatewayIp: "10.0.2.50", allocationPools: [{ start: "10.0.2.10", end: "10.0.2.100" }] }, "gatewayIp", /inside allocationPools/],
    ["virtualbox.VirtualMachine", { name: "lab", installerIso: UNKNOWN, readiness: { port: 2222 }, memoryMb: 1024, unattended: { rootPassword: UNKNOWN, sshPublicKey: UNKNOWN } }, "memoryMb", /at least 2048/],
    ["lab.PackstackInstall", { connection: UNKNOWN, adminPassword: UNKNOWN, gateway: "10.0.2.15" }, "gateway", /must differ from hostIp/],
    ["lab.HostPrep", { connection: UNKNOWN, staticIp: "10.0.2.15/24", gateway: "192.168.1.1" }, "gateway", /outside/],
  ];
  test.each(cases)("%s %j", async (key, inputs, property, reason) => {
    const r = await provider(key).check({}, inputs);
    expect(r.failures?.find((f: { property: string }) => f.property === property)?.reason).toMatch(reason);
  });

  test.each([
    ["openstack.Subnet", { networkId: UNKNOWN, cidr: "10.0.2.0/24", allocationPools: UNKNOWN, dnsNameservers: UNKNOWN, hostRoutes: UNKNOWN }],
    ["openstack.SecurityGroupRuleSet", { securityGroup: UNKNOWN, rules: UNKNOWN }],
    ["openstack.SecurityGroup", { name: "sg", rules: UNKNOWN }],
    ["virtualbox.NatNetwork", { name: "n", cidr: UNKNOWN, portForwards: UNKNOWN }],
    ["lab.PackstackInstall", { connection: UNKNOWN, adminPassword: UNKNOWN, extraAnswers: UNKNOWN, typeDrivers: UNKNOWN, tenantNetworkTypes: UNKNOWN }],
  ])("%s: a list unknown as a whole passes the preview", async (key, inputs) => {
    const r = await provider(key).check({}, inputs);
    expect(r.failures).toBeUndefined();
  });

  test("nothing is reported about the unknown values themselves", async () => {
    const r = await provider("openstack.SecurityGroupRule").check({}, { cloud: UNKNOWN, securityGroup: UNKNOWN, protocol: UNKNOWN, portRangeMin: UNKNOWN });
    expect(r.failures).toBeUndefined();
  });
});

describe("diff() does not promise in-place updates update() refuses", () => {
  const vm = (disk: Record<string, unknown>) => ({ name: "lab", disk: { keepOnDelete: false, ...disk } });
  const diff = (olds: object, news: object) => provider("virtualbox.VirtualMachine").diff(UUID.vm, olds, news);

  test("a smaller disk replaces the VM", async () => {
    expect((await diff(vm({ sizeMb: 40960, path: "/vms/lab.vdi" }), vm({ sizeMb: 20480 }))).replaces).toEqual(["disk"]);
  });
  test("a new disk path replaces the VM", async () => {
    expect((await diff(vm({ sizeMb: 40960, path: "/vms/lab.vdi" }), vm({ sizeMb: 40960, path: "/other/lab.vdi" }))).replaces).toEqual(["disk"]);
  });
  test("a bigger disk still grows in place", async () => {
    const d = await diff(vm({ sizeMb: 40960, path: "/vms/lab.vdi" }), vm({ sizeMb: 81920 }));
    expect(d).toMatchObject({ changes: true, replaces: [] });
  });
  test.each(["virtualbox.VirtualMachine", "virtualbox.Snapshot", "virtualbox.NatNetwork"])("%s: a change of vboxManagePath alone is no change", async (key) => {
    const d = await provider(key).diff("id", { name: "x", vboxManagePath: "/usr/bin/VBoxManage" }, { name: "x", vboxManagePath: "/opt/vbox/VBoxManage" });
    expect(d.changes).toBe(false);
  });
});

test.each(KEYS.filter((k) => k.startsWith("openstack.")))("%s declares cloud a secret output and a secret input", (key) => {
  expect(MODULES[key].controller.secretOutputs).toContain("cloud");
  expect(MODULES[key].controller.secretInputs).toContain("cloud");
});

test("the OpenStack providers return cloud from check() as a secret", async () => {
  const cloud = { authUrl: "http://127.0.0.1:5000/v3", username: "u", password: "pw-in-clear", projectName: "p" };
  const r = await provider("openstack.Network").check({}, { cloud, name: "n" });
  expect(r.failures).toBeUndefined();
  expect(isSecretWire(r.inputs.cloud)).toBe(true);
});

test("endpointOverrides takes the service types the library calls (the whole lab's five) and names any other key", async () => {
  const cloud = { authUrl: "http://127.0.0.1:5000/v3", username: "u", password: "pw", projectName: "p" };
  const five = { identity: "http://127.0.0.1:5000", network: "http://127.0.0.1:9696", compute: "http://127.0.0.1:8774/v2.1", image: "http://127.0.0.1:9292", placement: "http://127.0.0.1:8778" };
  expect((await provider("openstack.Network").check({}, { cloud: { ...cloud, endpointOverrides: five }, name: "n" })).failures).toBeUndefined();
  const r = await provider("openstack.Network").check({}, { cloud: { ...cloud, endpointOverrides: { netwrok: "http://127.0.0.1:9696" } }, name: "n" });
  expect(r.failures).toEqual([expect.objectContaining({ property: "cloud.endpointOverrides.netwrok", reason: expect.stringContaining("identity, network, compute, image, placement") })]);
});

test("extraAnswers may not set any key the library writes itself (both l2 agents)", () => {
  const inputs = { adminPassword: "x", hostIp: "10.0.2.15", bridge: "br-ex", externalInterface: "enp0s3", physnet: "extnet", typeDrivers: ["vxlan"], tenantNetworkTypes: ["vxlan"], provisionDemo: false, extraAnswers: {} };
  for (const l2Agent of ["openvswitch", "ovn"]) {
    const written = Object.keys(desiredAnswers({ ...inputs, l2Agent } as never));
    expect(written.filter((k) => !(k in MANAGED_KEYS))).toEqual([]);
  }
});
