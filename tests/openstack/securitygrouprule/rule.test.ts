/**
 * openstack.SecurityGroupRule against the real test cloud: create/read/delete, 404 as gone, every field
 * replacing (delete first), "default" resolving to the caller's project's default group, and out-of-band
 * deletion seen as drift.
 */
import { provider } from "../../../provider/openstack/securitygrouprule/controller";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

async function freshGroup(): Promise<string> {
  const g = await openstack(["security", "group", "create", uniqueName("rule-sg")]);
  cleanup.add(() => openstackQuiet(["security", "group", "delete", g.id]));
  return g.id;
}

describe("openstack.SecurityGroupRule", () => {
  let group: string;
  beforeAll(async () => (group = await freshGroup()));

  test("create, read, 404 as gone, delete twice", async () => {
    const inputs = await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 22, remoteIpPrefix: "192.0.2.0/24", description: "ssh" });
    const { id, outs } = await provider.create(inputs);
    const shown = await openstack(["security", "group", "rule", "show", id]);
    expect(shown).toMatchObject({ security_group_id: group, direction: "ingress", ether_type: "IPv4", protocol: "tcp", port_range_min: 22, port_range_max: 22, remote_ip_prefix: "192.0.2.0/24", description: "ssh" });
    expect(outs).toMatchObject({ securityGroupId: group, protocol: "tcp", portRangeMin: 22, portRangeMax: 22 });

    const read = await provider.read(id, outs);
    expect(read.props!).toMatchObject({ protocol: "tcp", portRangeMax: 22, remoteIpPrefix: "192.0.2.0/24" });
    expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    await provider.delete(id, outs);
    expect(await provider.read(id, outs)).toEqual({});
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });

  test("a protocol number and its name are the same rule: no spurious diff", async () => {
    const inputs = await checked({ securityGroup: group, protocol: 17, portRangeMin: 53, portRangeMax: 53, ethertype: "IPv6" });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => provider.delete(id, outs));
    expect(outs.protocol).toBe("udp");
    const read = await provider.read(id, outs);
    expect(await provider.diff(id, read.props!, await checked({ securityGroup: group, protocol: "udp", portRangeMin: 53, ethertype: "IPv6" }))).toMatchObject({ changes: false });
  });

  test("every rule field (even the description) replaces, old rule deleted first", async () => {
    const inputs = await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 8080 });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => provider.delete(id, outs));
    for (const change of [{ portRangeMax: 8081 }, { description: "web" }, { direction: "egress" }, { remoteIpPrefix: "10.0.0.0/8" }]) {
      const diff = await provider.diff(id, outs, await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 8080, ...change }));
      expect(diff.changes).toBe(true);
      expect(diff.replaces).toEqual(Object.keys(change));
      expect(diff.deleteBeforeReplace).toBe(true);
    }
  });

  test("out-of-band deletion is seen: read reports the rule gone", async () => {
    const { id, outs } = await provider.create(await checked({ securityGroup: group, protocol: "icmp", portRangeMin: 8, portRangeMax: 0 }));
    expect(outs).toMatchObject({ protocol: "icmp", portRangeMin: 8, portRangeMax: 0 });
    await openstack(["security", "group", "rule", "delete", id], { json: false });
    expect(await provider.read(id, outs)).toEqual({});
  });

  test('"default" is the default group of the credentials\' project (not another project\'s)', async () => {
    const project = await openstack(["project", "show", "admin"]);
    const groups: any[] = await openstack(["security", "group", "list", "--project", project.id]);
    const def = groups.find((g) => g.Name === "default");
    const port = 40000 + Math.floor(Math.random() * 20000);
    const trace = startTrace();
    try {
      const { id, outs } = await provider.create(await checked({ securityGroup: "default", protocol: "tcp", portRangeMin: port }));
      cleanup.add(() => provider.delete(id, outs));
      expect(outs.securityGroupId).toBe(def.ID);
      expect(outs.securityGroup).toBe("default");
      const lookups = trace.lines().filter((l) => l.service === "network" && l.method === "GET" && l.path === "/v2.0/security-groups");
      expect(lookups).toHaveLength(1);
    } finally {
      trace.stop();
    }
  });

  test('remoteGroupId "self" means the rule\'s own group, and reads back as "self"', async () => {
    const inputs = await checked({ securityGroup: group, protocol: "tcp", portRangeMin: 5000, remoteGroupId: "self" });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => provider.delete(id, outs));
    const shown = await openstack(["security", "group", "rule", "show", id]);
    expect(shown.remote_group_id).toBe(group);
    const read = await provider.read(id, outs);
    expect(read.props!.remoteGroupId).toBe("self");
    expect((await provider.diff(id, read.props!, inputs)).changes).toBe(false);
  });
});
