/**
 * Many rules created in parallel in one group by one process (as Pulumi does with independent resources): none is
 * lost and none is duplicated, including when several resources ask for the same rule at once.
 */
import { provider } from "../../../provider/openstack/securitygrouprule/controller";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.SecurityGroupRule in parallel", () => {
  test("20 different rules created at once: exactly those 20 exist", async () => {
    const g = await openstack(["security", "group", "create", uniqueName("par-sg")]);
    cleanup.add(() => openstackQuiet(["security", "group", "delete", g.id]));
    const inputs = await Promise.all(Array.from({ length: 20 }, (_, i) => checked({ securityGroup: g.id, protocol: "tcp", portRangeMin: 7000 + i })));
    const created = await Promise.all(inputs.map((i) => provider.create(i)));
    expect(new Set(created.map((c) => c.id)).size).toBe(20);
    const rules: any[] = await openstack(["security", "group", "rule", "list", g.id, "--ingress", "--long"]);
    expect(rules).toHaveLength(20);
    const ports = rules.map((r) => r["Port Range"]).sort();
    expect(ports).toEqual(Array.from({ length: 20 }, (_, i) => `${7000 + i}:${7000 + i}`).sort());
  });

  test("6 resources asking for the same rule at once share one rule", async () => {
    const g = await openstack(["security", "group", "create", uniqueName("same-sg")]);
    cleanup.add(() => openstackQuiet(["security", "group", "delete", g.id]));
    const inputs = await checked({ securityGroup: g.id, protocol: "udp", portRangeMin: 53 });
    const created = await Promise.all(Array.from({ length: 6 }, () => provider.create(inputs)));
    expect(new Set(created.map((c) => c.id)).size).toBe(1);
    const rules: any[] = await openstack(["security", "group", "rule", "list", g.id, "--ingress"]);
    expect(rules).toHaveLength(1);
  });
});
