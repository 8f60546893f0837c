/**
 * Rules made by hand exactly like the lab's seed script (`openstack security group rule create --proto icmp G`,
 * `--proto tcp --dst-port 22 G`) are taken over: by adopt {id} with matching inputs nothing is written, and a plain
 * create of the same rule adopts it through Neutron's 409 SecurityGroupRuleExists instead of failing.
 */
import { provider } from "../../../provider/openstack/securitygrouprule/controller";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.SecurityGroupRule adopt", () => {
  let group: string;
  let icmp: any;
  let ssh: any;

  beforeAll(async () => {
    const g = await openstack(["security", "group", "create", uniqueName("seed-sg")]);
    group = g.id;
    cleanup.add(() => openstackQuiet(["security", "group", "delete", group]));
    icmp = await openstack(["security", "group", "rule", "create", "--proto", "icmp", group]);
    ssh = await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "22", group]);
  });

  test("adopt {id} with the seed's arguments: taken over, nothing written, no diff", async () => {
    for (const [seeded, args] of [
      [icmp, { protocol: "icmp" }],
      [ssh, { protocol: "tcp", portRangeMin: 22, portRangeMax: 22 }],
    ] as const) {
      const inputs = await checked({ securityGroup: group, ...args, adopt: { id: seeded.id } });
      const trace = startTrace();
      let res;
      try {
        res = await provider.create(inputs);
        expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
      } finally {
        trace.stop();
      }
      expect(res.id).toBe(seeded.id);
      expect(await provider.diff(res.id, res.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    }
  });

  test("adopt {id} with differing arguments is refused, and the rule is left alone", async () => {
    const inputs = await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 2222, adopt: { id: ssh.id } });
    await expect(provider.create(inputs)).rejects.toThrow(/differs in portRangeMin, portRangeMax, which cannot change in place/);
    expect((await openstack(["security", "group", "rule", "show", ssh.id])).port_range_min).toBe(22);
  });

  test("adopt {id} of a rule of another group is refused", async () => {
    const other = await openstack(["security", "group", "create", uniqueName("other-sg")]);
    cleanup.add(() => openstackQuiet(["security", "group", "delete", other.id]));
    await expect(provider.create(await checked({ securityGroup: other.id, protocol: "icmp", adopt: { id: icmp.id } }))).rejects.toThrow(/belongs to group/);
  });

  test("a plain create of an existing rule adopts it (409 SecurityGroupRuleExists), no duplicate", async () => {
    const trace = startTrace();
    let res;
    try {
      res = await provider.create(await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 22 }));
      expect(trace.count({ service: "network", method: "POST", path: "/v2.0/security-group-rules", status: 409 })).toBe(1);
    } finally {
      trace.stop();
    }
    expect(res.id).toBe(ssh.id);
    const rules: any[] = await openstack(["security", "group", "rule", "list", group, "--protocol", "tcp"]);
    expect(rules).toHaveLength(1);
  });
});
