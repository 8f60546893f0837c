/**
 * Bad rule inputs (one rule, and a rule set's rules[]) are rejected by check() with the field named and no HTTP
 * request sent (the trace of the real client stays empty).
 */
import { provider as ruleProvider } from "../../../provider/openstack/securitygrouprule/controller";
import { provider as setProvider } from "../../../provider/openstack/securitygroupruleset/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";

const G = "0b5b2c1e-1111-4222-8333-444455556666";

const ruleCases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["port 0", { protocol: "tcp", portRangeMin: 0 }, "portRangeMin", /not a port \(1-65535\)/],
  ["port 65536", { protocol: "udp", portRangeMin: 1, portRangeMax: 65536 }, "portRangeMax", /not a port/],
  ["min above max", { protocol: "tcp", portRangeMin: 90, portRangeMax: 80 }, "portRangeMax", /must be >= portRangeMin \(90 > 80\)/],
  ["max without min", { protocol: "tcp", portRangeMax: 80 }, "portRangeMin", /required when portRangeMax/],
  ["ports on gre", { protocol: "gre", portRangeMin: 1 }, "portRangeMin", /port ranges apply only to tcp/],
  ["ports on any protocol", { portRangeMin: 22 }, "portRangeMin", /not to protocol any/],
  ["ICMP type above 255", { protocol: "icmp", portRangeMin: 256 }, "portRangeMin", /not an ICMP type/],
  ["ICMP code without type", { protocol: "icmp", portRangeMax: 0 }, "portRangeMin", /ICMP type is required/],
  ["unknown protocol name", { protocol: "tpc" }, "protocol", /"tpc" is not a protocol/],
  ["protocol number 256", { protocol: 256 }, "protocol", /is not a protocol/],
  ["icmpv6 in an IPv4 rule", { protocol: "icmpv6", ethertype: "IPv4" }, "protocol", /icmpv6 needs ethertype IPv6/],
  ["prefix not a CIDR", { remoteIpPrefix: "10.0.0.300/8" }, "remoteIpPrefix", /is not a CIDR/],
  ["bare address as prefix", { remoteIpPrefix: "10.0.0.1" }, "remoteIpPrefix", /is not a CIDR/],
  ["ethertype against the prefix family", { ethertype: "IPv4", remoteIpPrefix: "2001:db8::/32" }, "ethertype", /IPv4 does not match remoteIpPrefix/],
  ["prefix and group together", { remoteIpPrefix: "10.0.0.0/8", remoteGroupId: G }, "remoteGroupId", /not both/],
  ["unknown direction", { direction: "inbound" }, "direction", /ingress|egress/],
  ["port not whole", { protocol: "tcp", portRangeMin: 22.5 }, "portRangeMin", /integer/],
  ["unknown field", { port: 22 }, "port", /"port" is not a field/],
];

describe("security group rule check rejects bad input without any request", () => {
  let trace: ReturnType<typeof startTrace>;
  beforeAll(() => (trace = startTrace()));
  afterAll(() => trace.stop());

  test.each(ruleCases)("SecurityGroupRule: %s", async (_what, bad, property, reason) => {
    const res = await ruleProvider.check({}, { cloud: adminCloud(), securityGroup: G, ...bad });
    const failure = (res.failures ?? []).find((f: { property: string }) => f.property === property || (property === "inputs" && f.property === "(inputs)"));
    expect(failure).toBeDefined();
    expect(failure!.reason).toMatch(reason);
    expect(trace.lines()).toEqual([]);
  });

  test.each(ruleCases.filter(([, , p]) => p !== "inputs"))("SecurityGroupRuleSet rules[3]: %s", async (_what, bad, property, reason) => {
    const good = [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22 }, { protocol: "udp", portRangeMin: 53 }];
    const res = await setProvider.check({}, { cloud: adminCloud(), securityGroup: G, rules: [...good, bad] });
    const failure = (res.failures ?? []).find((f: { property: string }) => f.property === `rules[3].${property}`);
    expect(failure).toBeDefined();
    expect(failure!.reason.startsWith(`rules[3].${property}: `)).toBe(true);
    expect(failure!.reason).toMatch(reason);
    expect(trace.lines()).toEqual([]);
  });

  test("SecurityGroupRuleSet: the same rule twice (even with another description) is refused", async () => {
    const res = await setProvider.check({}, {
      securityGroup: G,
      rules: [{ protocol: "tcp", portRangeMin: 22 }, { protocol: "icmp" }, { protocol: "6", portRangeMin: 22, portRangeMax: 22, description: "ssh" }],
    });
    expect(res.failures).toEqual([{ property: "rules[2]", reason: "rules[2]: is the same rule as rules[0] (Neutron ignores descriptions when comparing rules)" }]);
    expect(trace.lines()).toEqual([]);
  });

  test("good rules pass, canonicalized (defaults filled, names for numbers, 0.0.0.0/0 = any)", async () => {
    const res = await ruleProvider.check({}, { securityGroup: "default", protocol: 6, portRangeMin: 22, remoteIpPrefix: "0.0.0.0/0" });
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({ direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: null, remoteGroupId: null, description: "" });
    const v6 = await ruleProvider.check({}, { securityGroup: "default", protocol: "icmp", remoteIpPrefix: "2001:DB8::/32" });
    expect(v6.inputs).toMatchObject({ ethertype: "IPv6", protocol: "icmpv6", remoteIpPrefix: "2001:db8::/32" });
    expect(trace.lines()).toEqual([]);
  });
});
