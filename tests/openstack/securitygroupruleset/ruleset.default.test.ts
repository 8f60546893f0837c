/**
 * A rule set on a project's `default` group (in the demo project, so other suites' admin default group is not
 * touched): the group's own ingress-from-itself rules are Neutron's and left alone; rules seeded by hand exactly
 * like the lab's seed script are adopted without a single write.
 */
import { provider } from "../../../provider/openstack/securitygroupruleset/controller";
import { demoCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, openstack } from "../common/helpers";

const checked = checker(provider, demoCloud);

describe("openstack.SecurityGroupRuleSet on the default group", () => {
  let group: string;
  const live = async (): Promise<any[]> => openstack(["security", "group", "rule", "list", group, "--long"], { cloud: demoCloud() });

  beforeAll(async () => {
    const groups: any[] = await openstack(["security", "group", "list"], { cloud: demoCloud() });
    group = groups.find((g) => g.Name === "default").ID;
    // Start from Neutron's four rules only.
    const set = await checked({ securityGroup: "default", rules: [] });
    await provider.update(group, { ...set, rules: [] }, set);
  });

  test("seeded like the lab (icmp, tcp 22) and adopted by name: no writes, no diff", async () => {
    await openstack(["security", "group", "rule", "create", "--proto", "icmp", group], { cloud: demoCloud() });
    await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "22", group], { cloud: demoCloud() });
    const inputs = await checked({ securityGroup: "default", rules: [{ protocol: "icmp" }, { protocol: "tcp", portRangeMin: 22, portRangeMax: 22 }], adopt: { name: "default" } });
    const trace = startTrace();
    let res;
    try {
      res = await provider.create(inputs);
      expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
    expect(res.id).toBe(group);
    expect(res.outs.rules).toHaveLength(2);
    expect(await provider.diff(res.id, res.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("the group's ingress-from-itself rules are neither drift nor deleted; out-of-band icmp on default is drift", async () => {
    const inputs = await checked({ securityGroup: "default", rules: [{ protocol: "tcp", portRangeMin: 22 }] });
    const { id, outs } = await provider.create(inputs);
    const rules = await live();
    expect(rules.filter((r) => r.Direction === "ingress" && r["Remote Security Group"] === group)).toHaveLength(2);
    expect(rules).toHaveLength(5);

    await openstack(["security", "group", "rule", "create", "--proto", "icmp", "default"], { cloud: demoCloud() });
    const read = await provider.read(id, outs);
    expect(read.props!.rules).toContainEqual(expect.objectContaining({ protocol: "icmp" }));
    expect((await provider.diff(id, read.props!, inputs)).changes).toBe(true);

    await provider.delete(id, read.props!);
    expect(await live()).toHaveLength(4);
  });
});
