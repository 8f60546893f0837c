/**
 * openstack.SecurityGroup against the real test cloud: create (tags, deleteDefaultRules), read, in-place update,
 * default egress rules coming back seen as drift, adopt of a hand-made group, delete and 404 as gone, bad input.
 */
import { provider } from "../../../provider/openstack/securitygroup/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

const egressOf = async (id: string): Promise<any[]> => openstack(["security", "group", "rule", "list", id, "--egress"]);

describe("openstack.SecurityGroup", () => {
  test("create with tags and deleteDefaultRules, update in place, drift, delete, 404 as gone", async () => {
    const name = uniqueName("sg");
    const inputs = await checked({ name, description: "web tier", tags: ["lab", "web"], deleteDefaultRules: true });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => openstackQuiet(["security", "group", "delete", id]));
    const shown = await openstack(["security", "group", "show", id]);
    expect(shown).toMatchObject({ name, description: "web tier", stateful: true });
    expect([...shown.tags].sort()).toEqual(["lab", "web"]);
    expect(await egressOf(id)).toEqual([]);
    expect(outs).toMatchObject({ name, deleteDefaultRules: true, tags: ["lab", "web"], ruleIds: [] });

    const renamed = await checked({ name: `${name}-2`, description: "web", tags: ["lab"], deleteDefaultRules: true, stateful: false });
    const changed = await provider.diff(id, outs, renamed);
    expect(changed).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const upd = await provider.update(id, outs, renamed);
    expect(await openstack(["security", "group", "show", id])).toMatchObject({ name: `${name}-2`, description: "web", stateful: false, tags: ["lab"] });
    expect(await provider.diff(id, upd.outs, renamed)).toMatchObject({ changes: false });

    // Someone puts the allow-all egress rule back: deleteDefaultRules reads false, update removes it again.
    await openstack(["security", "group", "rule", "create", "--egress", "--ethertype", "IPv4", id]);
    const read = await provider.read(id, upd.outs);
    expect(read.props!.deleteDefaultRules).toBe(false);
    expect((await provider.diff(id, read.props!, renamed)).changes).toBe(true);
    await provider.update(id, read.props!, renamed);
    expect(await egressOf(id)).toEqual([]);

    await provider.delete(id, read.props!);
    expect(await provider.read(id, read.props!)).toEqual({});
    await expect(provider.delete(id, read.props!)).resolves.toBeUndefined();
  });

  test("without deleteDefaultRules Neutron's egress rules stay", async () => {
    const { id } = await provider.create(await checked({ name: uniqueName("sg") }));
    cleanup.add(() => openstackQuiet(["security", "group", "delete", id]));
    expect(await egressOf(id)).toHaveLength(2);
  });

  test("adopt a hand-made group by name: matching inputs write nothing; a differing description is reconciled", async () => {
    const name = uniqueName("seed-sg");
    const seeded = await openstack(["security", "group", "create", "--description", "seeded", name]);
    cleanup.add(() => openstackQuiet(["security", "group", "delete", seeded.id]));
    const same = await checked({ name, description: "seeded", adopt: { name } });
    const trace = startTrace();
    try {
      const res = await provider.create(same);
      expect(res.id).toBe(seeded.id);
      expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
    const res = await provider.create(await checked({ name, description: "adopted", adopt: { id: seeded.id } }));
    expect(res.id).toBe(seeded.id);
    expect((await openstack(["security", "group", "show", seeded.id])).description).toBe("adopted");
  });
});

describe("openstack.SecurityGroup check", () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["empty name", { name: "" }, "name", /must not be empty/],
    ["the default group's name", { name: "default" }, "name", /Neutron makes for every project/],
    ["name too long", { name: "n".repeat(256) }, "name", /at most 255/],
    ["stateful not boolean", { name: "a", stateful: "no" }, "stateful", /boolean/i],
    ["duplicate tag", { name: "a", tags: ["x", "x"] }, "tags[1]", /duplicate/],
    ["adopt empty", { name: "a", adopt: {} }, "adopt", /id or the name/],
  ];
  test.each(cases)("%s", async (_w, bad, property, reason) => {
    const trace = startTrace();
    try {
      const res = await provider.check({}, { cloud: adminCloud(), ...bad });
      const f = (res.failures ?? []).find((x: { property: string }) => x.property === property);
      expect(f?.reason).toMatch(reason);
      expect(trace.lines()).toEqual([]);
    } finally {
      trace.stop();
    }
  });
});
