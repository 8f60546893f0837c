/**
 * openstack.SecurityGroup with inline, authoritative `rules` against the real test cloud: 100 rules = ONE group POST
 * + ONE bulk POST, read = ONE GET, rules added/deleted with the `openstack` CLI show as drift in `rules` and update
 * reconciles them, includeDefaultRules, delete = ONE DELETE (the rules go with the group), bad rules rejected by
 * check with the field named and no request sent.
 */
import { clientFor } from "../../../provider/openstack/client";
import { provider } from "../../../provider/openstack/securitygroup/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

// Neutron's default quota (100 rules per project) is too small for a 100-rule group beside the other suites.
beforeAll(async () => {
  const client = await clientFor(adminCloud());
  const { quota } = await client.get("network", `/v2.0/quotas/${client.projectId}`);
  if (quota.security_group_rule !== -1 && quota.security_group_rule < 2000) {
    await client.put("network", `/v2.0/quotas/${client.projectId}`, { quota: { security_group_rule: 2000, security_group: Math.max(quota.security_group, 200) } });
  }
});

const checked = checker(provider);
const GROUPS = /^\/v2\.0\/security-groups(\/|$)/;
const RULES = "/v2.0/security-group-rules";

const hundred = () => Array.from({ length: 100 }, (_, i) => ({ protocol: "tcp", portRangeMin: 8000 + i, remoteIpPrefix: "10.0.0.0/8", description: `r${i}` }));

/** The group's rules as Neutron lists them (none once the group is gone). */
async function rulesOf(groupId: string): Promise<any[]> {
  const client = await clientFor(adminCloud());
  return (await client.get("network", RULES, { security_group_id: groupId })).security_group_rules;
}

async function createGroup(news: Record<string, unknown>) {
  const inputs = await checked({ name: uniqueName("inline-sg"), ...news });
  const res = await provider.create(inputs);
  cleanup.add(() => openstackQuiet(["security", "group", "delete", res.id]));
  return { inputs, ...res };
}

describe("openstack.SecurityGroup inline rules", () => {
  test("100 rules: 1 group POST + 1 bulk POST, read = 1 GET, no diff, delete = 1 DELETE and the rules are gone", async () => {
    const inputs = await checked({ name: uniqueName("inline-sg"), rules: hundred(), tags: ["bench"] });
    const trace = startTrace();
    try {
      const { id, outs } = await provider.create(inputs);
      cleanup.add(() => openstackQuiet(["security", "group", "delete", id]));
      const network = trace.lines().filter((l) => l.service === "network");
      expect(network.filter((l) => l.method === "POST").map((l) => l.path)).toEqual(["/v2.0/security-groups", RULES]);
      // Besides the two POSTs only the tags PUT: no GET before the bulk POST, no rule deleted.
      expect(network.map((l) => l.method).sort()).toEqual(["POST", "POST", "PUT"]);
      expect(outs.rules).toHaveLength(100);
      expect(outs.rules[0]).toEqual({ direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 8000, portRangeMax: 8000, remoteIpPrefix: "10.0.0.0/8", remoteGroupId: null, description: "r0" });
      // ruleIds: every rule of the group, the 100 and Neutron's two egress rules (left alone by default).
      expect(outs.ruleIds).toHaveLength(102);
      expect(await rulesOf(id)).toHaveLength(102);

      trace.clear();
      const read = await provider.read(id, outs);
      expect(trace.lines().filter((l) => l.service === "network")).toEqual([expect.objectContaining({ method: "GET", path: `/v2.0/security-groups/${id}` })]);
      expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

      trace.clear();
      await provider.delete(id, read.props!);
      expect(trace.lines().filter((l) => l.service === "network")).toEqual([expect.objectContaining({ method: "DELETE", path: `/v2.0/security-groups/${id}` })]);
    } finally {
      trace.stop();
    }
  });

  test("drift: a rule added and a rule deleted with the CLI show in rules; update deletes one and bulk-creates one", async () => {
    const rules = [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22 }, { protocol: "tcp", portRangeMin: 443, description: "https" }];
    const { id, inputs, outs } = await createGroup({ rules });
    const ssh = (await rulesOf(id)).find((r) => r.port_range_min === 22).id;

    const extra = await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "3306", id]);
    await openstack(["security", "group", "rule", "delete", ssh], { json: false });

    const read = await provider.read(id, outs);
    const live = read.props!.rules;
    expect(live).toContainEqual(expect.objectContaining({ protocol: "tcp", portRangeMin: 3306, portRangeMax: 3306 }));
    expect(live).not.toContainEqual(expect.objectContaining({ protocol: "tcp", portRangeMin: 22 }));
    expect(live).toContainEqual(expect.objectContaining({ protocol: "tcp", portRangeMin: 443, description: "https" }));
    expect(read.props!.ruleIds).toContain(extra.id);
    expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });

    const trace = startTrace();
    let updated;
    try {
      updated = await provider.update(id, read.props!, inputs);
      const network = trace.lines().filter((l) => l.service === "network");
      expect(network.filter((l) => l.method === "DELETE").map((l) => l.path)).toEqual([`${RULES}/${extra.id}`]);
      expect(network.filter((l) => l.method === "POST").map((l) => l.path)).toEqual([RULES]);
    } finally {
      trace.stop();
    }
    const ports = (await rulesOf(id)).filter((r) => r.direction === "ingress").map((r) => `${r.protocol}:${r.port_range_min}`).sort();
    expect(ports).toEqual(["icmp:null", "tcp:22", "tcp:443"]);
    expect(await provider.diff(id, updated.outs, inputs)).toMatchObject({ changes: false });
    const reread = await provider.read(id, updated.outs);
    expect(await provider.diff(id, reread.props!, inputs)).toMatchObject({ changes: false });
  });

  test("changing the rules in place: the removed rule is deleted, the new one created, nothing else touched", async () => {
    const { id, outs } = await createGroup({ rules: [{ protocol: "tcp", portRangeMin: 80 }, { protocol: "tcp", portRangeMin: 8080 }] });
    const kept = (await rulesOf(id)).find((r) => r.port_range_min === 80).id;
    const news = await checked({ name: outs.name, rules: [{ protocol: "tcp", portRangeMin: 80 }, { protocol: "udp", portRangeMin: 53 }] });
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const upd = await provider.update(id, outs, news);
    const live = await rulesOf(id);
    expect(live.map((r) => r.id)).toContain(kept);
    expect(live.filter((r) => r.direction === "ingress").map((r) => `${r.protocol}:${r.port_range_min}`).sort()).toEqual(["tcp:80", "udp:53"]);
    expect(upd.outs.rules).toHaveLength(2);
  });

  test("includeDefaultRules: Neutron's IPv6 egress rule goes, the listed IPv4 one stays", async () => {
    const { id, outs } = await createGroup({ rules: [{ direction: "egress", ethertype: "IPv4" }], includeDefaultRules: true });
    const live = await rulesOf(id);
    expect(live.map((r) => `${r.direction}:${r.ethertype}`)).toEqual(["egress:IPv4"]);
    expect(outs.rules).toEqual([expect.objectContaining({ direction: "egress", ethertype: "IPv4", protocol: "any" })]);
  });

  test("without rules the group's rules are not managed: a rule added by hand is no drift", async () => {
    const { id, inputs, outs } = await createGroup({});
    expect(outs.rules).toBeUndefined();
    await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "25", id]);
    const read = await provider.read(id, outs);
    expect(read.props!.rules).toBeUndefined();
    expect(await provider.diff(id, read.props!, inputs)).toMatchObject({ changes: false });
  });
});

describe("openstack.SecurityGroup inline rules check", () => {
  const rules = [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22 }, { protocol: "udp", portRangeMin: 53 }];
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["a bad port range", { rules: [...rules, { protocol: "tcp", portRangeMin: 100, portRangeMax: 70000 }] }, "rules[3].portRangeMax", /./],
    ["two rules Neutron takes as the same", { rules: [...rules, { protocol: "tcp", portRangeMin: 22, description: "again" }] }, "rules[3]", /same rule as rules\[1\]/],
    ["deleteDefaultRules with rules", { rules, deleteDefaultRules: true }, "deleteDefaultRules", /includeDefaultRules/],
    ["includeDefaultRules without rules", { includeDefaultRules: true }, "includeDefaultRules", /only .*with inline rules/],
  ];
  test.each(cases)("%s", async (_w, bad, property, reason) => {
    const trace = startTrace();
    try {
      const res = await provider.check({}, { cloud: adminCloud(), name: "a", ...bad });
      const f = (res.failures ?? []).find((x: { property: string }) => x.property === property);
      expect(f?.reason).toMatch(reason);
      expect(f?.reason.startsWith(`${property}: `)).toBe(true);
      expect(trace.lines()).toEqual([]);
    } finally {
      trace.stop();
    }
  });
});
