/**
 * openstack.SecurityGroupRuleSet against the real test cloud: 100 rules created with ONE bulk POST, read = ONE GET,
 * out-of-band changes (a rule added, a rule deleted with the `openstack` CLI) show as drift and are reconciled,
 * Neutron's default egress rules left alone unless includeDefaultRules, delete, and a gone group read as gone.
 */
import { clientFor } from "../../../provider/openstack/client";
import { provider } from "../../../provider/openstack/securitygroupruleset/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

// Neutron's default quota (100 rules per project) is too small for a 100-rule set beside the other suites.
beforeAll(async () => {
  const client = await clientFor(adminCloud());
  const { quota } = await client.get("network", `/v2.0/quotas/${client.projectId}`);
  if (quota.security_group_rule !== -1 && quota.security_group_rule < 2000) {
    await client.put("network", `/v2.0/quotas/${client.projectId}`, { quota: { security_group_rule: 2000, security_group: Math.max(quota.security_group, 200) } });
  }
});

const checked = checker(provider);

async function freshGroup(): Promise<string> {
  const g = await openstack(["security", "group", "create", uniqueName("set-sg")]);
  cleanup.add(() => openstackQuiet(["security", "group", "delete", g.id]));
  return g.id;
}

const liveRules = async (group: string): Promise<any[]> => openstack(["security", "group", "rule", "list", group, "--long"]);

const hundred = () =>
  Array.from({ length: 100 }, (_, i) => (i < 50 ? { protocol: "tcp", portRangeMin: 10000 + i, description: `t${i}` } : { protocol: "udp", portRangeMin: 20000 + i, remoteIpPrefix: "10.20.0.0/16" }));

describe("openstack.SecurityGroupRuleSet", () => {
  test("100 rules: one bulk POST to create, one GET to read, no diff after", async () => {
    const group = await freshGroup();
    const inputs = await checked({ securityGroup: group, rules: hundred() });
    const trace = startTrace();
    try {
      const { id, outs } = await provider.create(inputs);
      expect(id).toBe(group);
      expect(trace.count({ service: "network", method: "POST", path: "/v2.0/security-group-rules" })).toBe(1);
      expect(trace.count({ service: "network", method: "DELETE" })).toBe(0);
      expect(outs.rules).toHaveLength(100);
      expect(outs.ruleIds).toHaveLength(100);

      trace.clear();
      const read = await provider.read(id, outs);
      expect(trace.lines().filter((l) => l.service === "network")).toHaveLength(1);
      expect(trace.lines().filter((l) => l.service === "network")[0]).toMatchObject({ method: "GET" });
      expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    } finally {
      trace.stop();
    }
    // 100 + Neutron's two default egress rules, which the set leaves alone.
    expect(await liveRules(group)).toHaveLength(102);
  });

  test("drift: a rule added with the CLI shows in read, and update removes it; a rule deleted with the CLI comes back", async () => {
    const group = await freshGroup();
    const inputs = await checked({ securityGroup: group, rules: [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22 }] });
    const { id, outs } = await provider.create(inputs);

    const extra = await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "3306", group]);
    const read = await provider.read(id, outs);
    expect(read.props!.rules).toContainEqual(expect.objectContaining({ protocol: "tcp", portRangeMin: 3306, portRangeMax: 3306 }));
    expect(read.props!.ruleIds).toContain(extra.id);
    const diff = await provider.diff(id, read.props!, inputs);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });

    const trace = startTrace();
    let updated;
    try {
      updated = await provider.update(id, read.props!, inputs);
      expect(trace.count({ service: "network", method: "DELETE" })).toBe(1);
      expect(trace.count({ service: "network", method: "POST" })).toBe(0);
    } finally {
      trace.stop();
    }
    expect((await liveRules(group)).map((r) => r.ID)).not.toContain(extra.id);

    const sshId = updated.outs.ruleIds[updated.outs.rules.findIndex((r: any) => r.portRangeMin === 22)];
    await openstack(["security", "group", "rule", "delete", sshId], { json: false });
    const read2 = await provider.read(id, updated.outs);
    expect(read2.props!.rules).toEqual([expect.objectContaining({ protocol: "icmp" })]);
    expect((await provider.diff(id, read2.props!, inputs)).changes).toBe(true);
    const fixed = await provider.update(id, read2.props!, inputs);
    expect(fixed.outs.rules).toHaveLength(2);
    const ssh = (await liveRules(group)).filter((r) => r["Port Range"] === "22:22");
    expect(ssh).toHaveLength(1);
  });

  test("update: rules added and removed in one go (deletes, then one bulk POST)", async () => {
    const group = await freshGroup();
    const before = await checked({ securityGroup: group, rules: [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 80 }, { protocol: "tcp", portRangeMin: 443 }] });
    const { id, outs } = await provider.create(before);
    const after = await checked({ securityGroup: group, rules: [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 443, description: "https" }, { protocol: "udp", portRangeMin: 123 }, { protocol: "tcp", portRangeMin: 8443 }] });
    const trace = startTrace();
    try {
      const res = await provider.update(id, outs, after);
      // 80 goes; 443 is replaced (its description changed: rules cannot be updated); udp 123 and 8443 are new.
      expect(trace.count({ service: "network", method: "DELETE" })).toBe(2);
      expect(trace.count({ service: "network", method: "POST" })).toBe(1);
      expect(await provider.diff(id, res.outs, after)).toMatchObject({ changes: false });
    } finally {
      trace.stop();
    }
    const live = await liveRules(group);
    expect(live.filter((r) => r.Direction === "ingress").map((r) => `${r["IP Protocol"]} ${r["Port Range"]}`).sort()).toEqual(["icmp ", "tcp 443:443", "tcp 8443:8443", "udp 123:123"].sort());
  });

  test("includeDefaultRules: false leaves Neutron's egress rules alone; true removes them unless listed", async () => {
    const group = await freshGroup();
    const egress = async () => (await liveRules(group)).filter((r) => r.Direction === "egress");
    const loose = await checked({ securityGroup: group, rules: [{ protocol: "icmp" }] });
    const { id, outs } = await provider.create(loose);
    expect(await egress()).toHaveLength(2);
    expect(outs.rules).toHaveLength(1);
    const read = await provider.read(id, outs);
    expect((await provider.diff(id, read.props!, loose)).changes).toBe(false);

    const strict = await checked({ securityGroup: group, includeDefaultRules: true, rules: [{ protocol: "icmp" }, { direction: "egress", ethertype: "IPv4" }] });
    expect((await provider.diff(id, read.props!, strict)).changes).toBe(true);
    const res = await provider.update(id, read.props!, strict);
    const left = await egress();
    expect(left.map((r) => r.Ethertype)).toEqual(["IPv4"]);
    const read2 = await provider.read(id, res.outs);
    expect((await provider.diff(id, read2.props!, strict)).changes).toBe(false);
  });

  test("delete removes the set's rules (not Neutron's defaults); a gone group reads as gone", async () => {
    const group = await freshGroup();
    const inputs = await checked({ securityGroup: group, rules: [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22 }] });
    const { id, outs } = await provider.create(inputs);
    await provider.delete(id, outs);
    expect((await liveRules(group)).map((r) => r.Direction)).toEqual(["egress", "egress"]);
    await openstack(["security", "group", "delete", group], { json: false });
    expect(await provider.read(id, outs)).toEqual({});
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });
});
