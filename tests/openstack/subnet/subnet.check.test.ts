/**
 * Bad subnet inputs are rejected by check() with the field named, before anything is sent. The cloud is the
 * real (reachable) test cloud, so any request check made would succeed and show up in the client's trace, which
 * must stay empty; the last test proves the trace does see requests.
 */
import { UNKNOWN } from "../../../provider/core/unknowns";
import { checkSubnet } from "../../../provider/openstack/subnet/checks";
import { provider } from "../../../provider/openstack/subnet/controller";
import { adminCloud } from "../../support/cloud";
import { traceRequests } from "../common/helpers";

const base = { networkId: "6a0b3c2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d", cidr: "10.0.2.0/24" };
const pool = (start: string, end: string) => ({ start, end });

const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["cidr missing", { cidr: undefined }, "cidr", /required/],
  ["cidr not a CIDR", { cidr: "10.0.2.0" }, "cidr", /not a CIDR/],
  ["cidr prefix too long", { cidr: "10.0.2.0/33" }, "cidr", /not a CIDR/],
  ["cidr octet out of range", { cidr: "10.0.256.0/24" }, "cidr", /not a CIDR/],
  ["cidr with host bits", { cidr: "10.0.2.5/24" }, "cidr", /host bits set/],
  ["networkId missing", { networkId: undefined }, "networkId", /required/],
  ["ipVersion 5", { ipVersion: 5 }, "ipVersion", /4 or 6/],
  ["ipVersion does not match the CIDR", { ipVersion: 6 }, "ipVersion", /is 6 but cidr 10\.0\.2\.0\/24 is IPv4/],
  ["pool start outside the CIDR", { allocationPools: [pool("10.0.3.10", "10.0.2.20")] }, "allocationPools[0].start", /outside the usable addresses/],
  ["pool end is the broadcast address", { allocationPools: [pool("10.0.2.10", "10.0.2.255")] }, "allocationPools[0].end", /outside the usable addresses/],
  ["pool start after end", { allocationPools: [pool("10.0.2.200", "10.0.2.100")] }, "allocationPools[0]", /start 10\.0\.2\.200 is after end 10\.0\.2\.100/],
  ["pools overlap", { allocationPools: [pool("10.0.2.100", "10.0.2.200"), pool("10.0.2.150", "10.0.2.250")] }, "allocationPools[1]", /overlaps allocationPools\[0\]/],
  ["pool address not an IP", { allocationPools: [pool("10.0.2.x", "10.0.2.20")] }, "allocationPools[0].start", /not an IP address/],
  ["pool of the wrong family", { allocationPools: [pool("fd00::10", "fd00::20")] }, "allocationPools[0].start", /IPv6 but the subnet is IPv4/],
  ["pool with an unknown key", { allocationPools: [{ start: "10.0.2.10", end: "10.0.2.20", stop: "x" }] }, "allocationPools[0].stop", /stop/],
  ["gateway outside the CIDR", { gatewayIp: "10.0.3.1" }, "gatewayIp", /outside 10\.0\.2\.0\/24/],
  ["gateway is the network address", { gatewayIp: "10.0.2.0" }, "gatewayIp", /network or broadcast/],
  ["gateway inside a pool", { gatewayIp: "10.0.2.150", allocationPools: [pool("10.0.2.100", "10.0.2.200")] }, "gatewayIp", /inside allocationPools\[0\]/],
  ["gateway and noGateway", { gatewayIp: "10.0.2.1", noGateway: true }, "gatewayIp", /noGateway/],
  ["gateway not an IP", { gatewayIp: "router" }, "gatewayIp", /not an IP address/],
  ["DNS server not an IP", { dnsNameservers: ["8.8.8.8", "dns.google"] }, "dnsNameservers[1]", /not an IP address/],
  ["DNS server of the wrong family", { dnsNameservers: ["2001:4860:4860::8888"] }, "dnsNameservers[0]", /IPv6 but the subnet is IPv4/],
  ["DNS server listed twice", { dnsNameservers: ["8.8.8.8", "8.8.8.8"] }, "dnsNameservers[1]", /listed twice/],
  ["route destination not a CIDR", { hostRoutes: [{ destination: "192.168.1.1", nextHop: "10.0.2.254" }] }, "hostRoutes[0].destination", /not a CIDR/],
  ["route next hop of the wrong family", { hostRoutes: [{ destination: "192.168.1.0/24", nextHop: "fd00::1" }] }, "hostRoutes[0].nextHop", /IPv6 but the subnet is IPv4/],
  ["route without nextHop", { hostRoutes: [{ destination: "192.168.1.0/24" }] }, "hostRoutes[0].nextHop", /IP address string/],
  ["IPv6 mode on an IPv4 subnet", { ipv6AddressMode: "slaac" }, "ipv6AddressMode", /IPv6 subnets only/],
  ["SLAAC on a /80", { cidr: "fd00:1::/80", ipv6AddressMode: "slaac" }, "ipv6AddressMode", /needs a \/64/],
  ["enableDhcp not a boolean", { enableDhcp: "no" }, "enableDhcp", /boolean/i],
  ["name too long", { name: "s".repeat(256) }, "name", /at most 255/],
  ["tag not a string", { tags: [1] }, "tags[0]", /string/],
];

describe("openstack.Subnet check rejects bad input without any request", () => {
  let trace: ReturnType<typeof traceRequests>;
  beforeAll(() => (trace = traceRequests()));
  afterAll(() => trace.stop());

  test.each(cases)("%s", async (_what, bad, property, reason) => {
    const res = await provider.check({}, { cloud: adminCloud(), ...base, ...bad });
    const failure = (res.failures ?? []).find((f: { property: string }) => f.property === property);
    expect({ failures: res.failures, failure }).toMatchObject({ failure: { reason: expect.stringMatching(reason) } });
    expect(failure!.reason.startsWith(`${property}:`)).toBe(true);
    expect(trace.entries()).toEqual([]);
  });

  test("the lab's public subnet passes, IPv4 and IPv6 alike, still without any request", async () => {
    const v4 = await provider.check({}, {
      cloud: adminCloud(),
      ...base,
      gatewayIp: "10.0.2.1",
      enableDhcp: false,
      allocationPools: [pool("10.0.2.100", "10.0.2.200")],
      dnsNameservers: ["8.8.8.8"],
      hostRoutes: [{ destination: "192.168.0.0/16", nextHop: "10.0.2.254" }],
    });
    expect(v4.failures).toBeUndefined();
    const v6 = await provider.check({}, {
      cloud: adminCloud(),
      networkId: "6a0b3c2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d",
      cidr: "fd00:2::/64",
      ipVersion: 6,
      gatewayIp: "fd00:2::1",
      allocationPools: [pool("fd00:2::100", "fd00:2::200")],
      ipv6AddressMode: "slaac",
      ipv6RaMode: "slaac",
    });
    expect(v6.failures).toBeUndefined();
    expect(trace.entries()).toEqual([]);
  });

  test("(sanity) the trace does record requests the provider sends", async () => {
    expect(await provider.read("00000000-0000-0000-0000-000000000000", { cloud: adminCloud() })).toEqual({});
    expect(trace.entries().map((e) => `${e.method} ${e.path}`)).toContain("GET /v2.0/subnets/00000000-0000-0000-0000-000000000000");
  });
});

describe("subnet address checks while some inputs are still unknown (preview)", () => {
  test("what is known is still judged; what is unknown is not guessed at", () => {
    const issues = checkSubnet({
      networkId: UNKNOWN,
      cidr: "10.0.2.0/24",
      gatewayIp: UNKNOWN,
      allocationPools: [pool("10.0.2.100", "10.0.2.200"), pool("10.0.2.150", "10.0.2.250"), pool(UNKNOWN, "10.0.2.9")],
      dnsNameservers: [UNKNOWN, "not-an-ip"],
    });
    expect(issues.map((i) => i.path.join("."))).toEqual(["allocationPools.1", "dnsNameservers.1"]);
  });

  test("an unknown cidr skips every address check", () => {
    expect(checkSubnet({ cidr: UNKNOWN, gatewayIp: "1.2.3.4", allocationPools: [pool("9.9.9.9", "1.1.1.1")] })).toEqual([]);
  });
});

describe("preview: a subnet whose network is not created yet", () => {
  test("check still reports overlapping pools while networkId is unknown", async () => {
    const r: any = await provider.check({}, {
      networkId: UNKNOWN,
      cidr: "10.0.2.0/24",
      allocationPools: [pool("10.0.2.100", "10.0.2.200"), pool("10.0.2.150", "10.0.2.250")],
    });
    expect(r.failures.map((f: any) => f.property)).toEqual(["allocationPools[1]"]);
  });
});
