/**
 * Adopting a network made by hand (exactly as the lab's seed script makes the external network) instead of
 * creating one: matching inputs change nothing, a differing in-place field is reconciled, a differing
 * replace-only field is refused with a clear error, and an ambiguous name is refused.
 */
import { provider } from "../../../provider/openstack/network/controller";
import { checker, Cleanup, onFreePhysnet, openstack, openstackQuiet, SPARE_PHYSNETS, traceRequests, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.Network adopt", () => {
  let physnet: string;
  let name: string;
  let seeded: any;

  beforeAll(async () => {
    name = uniqueName("seed-net");
    seeded = await onFreePhysnet((p) => {
      physnet = p;
      return openstack(["network", "create", "--external", "--provider-network-type", "flat", "--provider-physical-network", p, name]);
    });
    cleanup.add(() => openstackQuiet(["network", "delete", seeded.id]));
  });

  const seedArgs = () => ({ name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: physnet, adopt: { name } });

  test("by name with matching inputs: the seed network is taken over and nothing changes", async () => {
    const inputs = await checked(seedArgs());
    const trace = traceRequests();
    let res;
    try {
      res = await provider.create(inputs);
      const writes = trace.entries().filter((e) => e.service === "network" && e.method !== "GET");
      expect(writes).toEqual([]);
    } finally {
      trace.stop();
    }
    expect(res.id).toBe(seeded.id);
    expect(res.outs).toMatchObject({ name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: physnet });
    expect(await provider.diff(res.id, res.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("with a differing in-place field: adopted and reconciled", async () => {
    const inputs = await checked({ ...seedArgs(), description: "public network of the lab", tags: ["lab"] });
    const res = await provider.create(inputs);
    expect(res.id).toBe(seeded.id);
    const shown = await openstack(["network", "show", seeded.id]);
    expect(shown).toMatchObject({ description: "public network of the lab", tags: ["lab"], "router:external": true });
    expect(await provider.diff(res.id, res.outs, inputs)).toMatchObject({ changes: false });
  });

  test("by id works too", async () => {
    const res = await provider.create(await checked({ ...seedArgs(), adopt: { id: seeded.id } }));
    expect(res.id).toBe(seeded.id);
  });

  test("with a differing replace-only field: a clear error, and the network is left alone", async () => {
    const other = SPARE_PHYSNETS.find((p) => p !== physnet) as string;
    const inputs = await checked({ ...seedArgs(), providerPhysicalNetwork: other });
    await expect(provider.create(inputs)).rejects.toThrow(
      new RegExp(`${seeded.id} differs in providerPhysicalNetwork, which cannot change in place`),
    );
    const shown = await openstack(["network", "show", seeded.id]);
    expect(shown["provider:physical_network"]).toBe(physnet);
  });

  test("a name matching two networks is refused with both ids; a name matching none says so", async () => {
    const dup = uniqueName("dup-net");
    const a = await openstack(["network", "create", dup]);
    cleanup.add(() => openstackQuiet(["network", "delete", a.id]));
    const b = await openstack(["network", "create", dup]);
    cleanup.add(() => openstackQuiet(["network", "delete", b.id]));
    const err = await provider.create(await checked({ name: dup, adopt: { name: dup } })).catch((e) => e);
    expect(err.message).toMatch(/2 networks are named/);
    expect(err.message).toContain(a.id);
    expect(err.message).toContain(b.id);
    expect(err.message).toMatch(/adopt by id instead/);

    const missing = uniqueName("missing");
    await expect(provider.create(await checked({ name: missing, adopt: { name: missing } }))).rejects.toThrow(/no existing object matches/);
  });
});
