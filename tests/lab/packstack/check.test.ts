/** check() rejects bad lab.PackstackInstall inputs, naming the field, before any SSH connection is attempted. */
import * as net from "net";
import { provider } from "./helpers";
import { isSecretWire, unwrapSecrets } from "../../../provider/core/secrets";

const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";

describe("lab.PackstackInstall check", () => {
  let server: net.Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const base = () => ({ connection: { host: "127.0.0.1", port, privateKey: KEY }, adminPassword: "Adm1n-pass" });

  it("fills the defaults of the learner's lab", async () => {
    const r = await provider.check({}, base());
    expect(r.failures).toBeUndefined();
    for (const k of ["adminPassword", "connection", "extraAnswers"]) expect(isSecretWire(r.inputs[k])).toBe(true);
    expect(unwrapSecrets(r.inputs)).toMatchObject({
      hostIp: "10.0.2.15", externalInterface: "enp0s3", bridge: "br-ex", physnet: "extnet", tenantNetworkTypes: ["vxlan"],
      typeDrivers: ["vxlan", "flat"], l2Agent: "openvswitch", provisionDemo: false, extraAnswers: {}, timeoutMinutes: 120,
      gateway: "10.0.2.1", prefixLength: 24, healthy: true, connection: { user: "root", port },
    });
  });

  // Packstack's own option rules (extraAnswers keys, values, linuxbridge) are cases of the corpus
  // (tests/checks/cases/lab.ts, run by corpus.lab.test.ts); these are the lab's own fields.
  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["extraAnswers key not CONFIG_*", { extraAnswers: { "nova-db-pw": "x" } }, "extraAnswers.nova-db-pw", /not a Packstack Zed answer key/],
    ["extraAnswers lower-case key", { extraAnswers: { CONFIG_nova: "x" } }, "extraAnswers.CONFIG_nova", /CONFIG_/],
    ["extraAnswers value with a newline", { extraAnswers: { CONFIG_DEBUG_MODE: "y\nCONFIG_KEYSTONE_ADMIN_PW=x" } }, "extraAnswers.CONFIG_DEBUG_MODE", /one line/],
    ["extraAnswers overriding an input-owned key", { extraAnswers: { CONFIG_KEYSTONE_ADMIN_PW: "other" } }, "extraAnswers.CONFIG_KEYSTONE_ADMIN_PW", /adminPassword input/],
    ["hostIp not an address", { hostIp: "10.0.2" }, "hostIp", /IPv4/],
    ["gateway outside the host's subnet", { gateway: "10.0.3.1" }, "gateway", /not in 10\.0\.2\.15\/24/],
    ["gateway equal to hostIp", { gateway: "10.0.2.15" }, "gateway", /differ/],
    ["tenant type not among the type drivers", { tenantNetworkTypes: ["vlan"] }, "tenantNetworkTypes", /not in typeDrivers/],
    ["geneve without OVN", { typeDrivers: ["geneve", "flat"], tenantNetworkTypes: ["geneve"] }, "typeDrivers", /needs l2Agent "ovn"/],
    ["unknown l2Agent", { l2Agent: "ovs" }, "l2Agent", /openvswitch, ovn/],
    ["interface name with a shell character", { externalInterface: "enp0s3;reboot" }, "externalInterface", /interface name/],
    ["bridge name too long", { bridge: "br-external-network" }, "bridge", /bridge name/],
    ["prefixLength out of range", { prefixLength: 33 }, "prefixLength", /between 8 and 30/],
    ["timeoutMinutes not whole", { timeoutMinutes: 1.5 }, "timeoutMinutes", /whole/],
    ["adminPassword too short", { adminPassword: "abc" }, "adminPassword", /at least 6/],
    ["adminPassword with a quote", { adminPassword: "it's-a-pass" }, "adminPassword", /quotes/],
    ["adopt with an id", { adopt: { id: "x" } }, "adopt.id", /"id" is not a field/],
    ["healthy set by hand", { healthy: false }, "healthy", /output/],
    ["connection without credentials", { connection: { host: "127.0.0.1", port } }, "connection.privateKey", /privateKey/],
  ];

  it.each(bad)("rejects %s", async (_what, change, field, reason) => {
    const r = await provider.check({}, { ...base(), ...change });
    const f = r.failures?.find((x) => x.property === field);
    expect(f).toBeDefined();
    expect(f!.reason).toMatch(reason);
    expect(f!.reason.startsWith(field)).toBe(true);
  });

  it("never leaks the admin password into a failure", async () => {
    const r = await provider.check({}, { ...base(), adminPassword: "Adm1n pass" });
    expect(JSON.stringify(r.failures)).not.toContain("Adm1n pass");
  });

  it("no check made an SSH connection", () => {
    expect(connections).toBe(0);
  });
});
