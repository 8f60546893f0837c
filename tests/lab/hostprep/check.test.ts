/**
 * Bad HostPrep inputs are rejected by check() with the field named, before any side effect: the connection points
 * at a listening TCP server that counts connections, and the count must stay zero.
 */
import * as net from "net";
import { provider } from "../../../provider/lab/hostprep/controller";
import { isSecretWire, unwrapSecrets } from "../../../provider/core/secrets";

const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";

const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["static IP without a prefix", { staticIp: "10.0.2.15" }, "staticIp", /IPv4 address with its prefix length/],
  ["static IP not an address", { staticIp: "10.0.2.300/24" }, "staticIp", /IPv4 address with its prefix length/],
  ["static IP with an IPv6 CIDR", { staticIp: "fd00::15/64" }, "staticIp", /IPv4 address/],
  ["static IP prefix /31", { staticIp: "10.0.2.15/31" }, "staticIp", /between \/8 and \/30/],
  ["static IP is the network address", { staticIp: "10.0.2.0/24" }, "staticIp", /network or broadcast address/],
  ["static IP is the broadcast address", { staticIp: "10.0.2.255/24" }, "staticIp", /network or broadcast address/],
  ["gateway outside the subnet", { gateway: "192.168.1.1" }, "gateway", /192\.168\.1\.1 is outside 10\.0\.2\.15\/24's subnet/],
  ["gateway equal to the static IP", { gateway: "10.0.2.15" }, "gateway", /must differ from the static IP/],
  ["gateway not an address", { gateway: "router" }, "gateway", /IPv4 address/],
  ["hostname with an underscore", { hostname: "open_stack.lab" }, "hostname", /must be a host name/],
  ["hostname starting with a dash", { hostname: "-lab" }, "hostname", /must be a host name/],
  ["hostname too long", { hostname: "a".repeat(40) + "." + "b".repeat(30) }, "hostname", /at most 64/],
  ["unknown selinux mode", { selinux: "off" }, "selinux", /one of disabled, permissive, enforcing/],
  ["interface with shell metacharacters", { interface: "enp0s3;reboot" }, "interface", /must be an interface name/],
  ["interface with a command substitution", { interface: "$(reboot)" }, "interface", /must be an interface name/],
  ["interface name too long for Linux", { interface: "enp0s3abcdefghij" }, "interface", /at most 15 characters/],
  ["neither privateKey nor password", { connection: { host: "127.0.0.1", port: 2222 } }, "connection.privateKey", /give privateKey \(preferred\) or password/],
  ["privateKey not a key", { connection: { privateKey: "ssh-ed25519 AAAA public-key" } }, "connection.privateKey", /PEM\/OpenSSH private key/],
  ["port out of range", { connection: { privateKey: KEY, port: 70000 } }, "connection.port", /between 1 and 65535/],
  ["port 0", { connection: { privateKey: KEY, port: 0 } }, "connection.port", /between 1 and 65535/],
  ["host with a space", { connection: { privateKey: KEY, host: "lab vm" } }, "connection.host", /host name or an IP address/],
  ["user with a shell character", { connection: { privateKey: KEY, user: "root;id" } }, "connection.user", /user name/],
  ["host key pin not a SHA256 fingerprint", { connection: { privateKey: KEY, hostKeyFingerprint: "MD5:aa:bb" } }, "connection.hostKeyFingerprint", /SHA256:/],
  ["empty packages", { packages: [] }, "packages", /at least one package/],
  ["package with a shell character", { packages: ["vim; rm -rf /"] }, "packages[0]", /package name/],
  ["duplicate package", { packages: ["vim", "vim"] }, "packages[1]", /duplicate package "vim"/],
  ["no DNS server", { dns: [] }, "dns", /at least one DNS server/],
  ["four DNS servers", { dns: ["1.1.1.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"] }, "dns", /at most 3/],
  ["DNS server not an address", { dns: ["8.8.8"] }, "dns[0]", /IPv4 address/],
  ["locale with a space", { locale: "en US" }, "locale", /locale such as/],
  ["openstack release not a name", { openstackRelease: "Zed!" }, "openstackRelease", /release name/],
  ["disableFirewalld not a boolean", { disableFirewalld: "yes" }, "disableFirewalld", /boolean/],
  ["customTimeouts not a duration", { customTimeouts: { create: "soon" } }, "customTimeouts.create", /duration/],
];

describe("lab.HostPrep check rejects bad input without any SSH connection", () => {
  let server: net.Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => new Promise((r) => server.close(r)));

  const base = () => ({ connection: { host: "127.0.0.1", port, privateKey: KEY } });

  test.each(cases)("%s", async (_what, bad, property, reason) => {
    const news: Record<string, unknown> = { ...base(), ...bad };
    if (bad.connection) news.connection = { host: "127.0.0.1", port, ...(bad.connection as object) };
    const res = await provider.check({}, news);
    const failure = (res.failures ?? []).find((f: { property: string }) => f.property === property);
    expect(failure).toBeDefined();
    expect(failure!.reason).toMatch(reason);
    expect(failure!.reason.startsWith(`${property}:`)).toBe(true);
    expect(connections).toBe(0);
  });

  test("good input passes with the documented defaults, still without a connection", async () => {
    const res = await provider.check({}, base());
    expect(res.failures).toBeUndefined();
    expect(isSecretWire(res.inputs.connection)).toBe(true); // its key: a secret in state however the provider is called
    expect(unwrapSecrets(res.inputs)).toEqual({
      connection: { host: "127.0.0.1", port, user: "root", privateKey: KEY },
      interface: "enp0s3",
      staticIp: "10.0.2.15/24",
      gateway: "10.0.2.1",
      dns: ["8.8.8.8", "8.8.4.4"],
      hostname: "openstack.lab",
      locale: "en_US.utf-8",
      disableFirewalld: true,
      networkScripts: true,
      selinux: "disabled",
      openstackRelease: "zed",
      packages: ["openstack-packstack"],
      rootSshForPackstack: true,
    });
    expect(connections).toBe(0);
  });

  test("the password and the private key never appear in a failure", async () => {
    const password = "hunter2-very-secret";
    const res = await provider.check({}, { connection: { host: "127.0.0.1", port: 99999, password, privateKey: "not a key " + password }, staticIp: "x" });
    expect(res.failures!.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(res.failures)).not.toContain(password);
    expect(connections).toBe(0);
  });
});
