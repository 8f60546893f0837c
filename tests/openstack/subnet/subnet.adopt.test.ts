/**
 * Adopting a subnet made by hand exactly as the lab's seed script makes it (no DHCP, one pool, gateway .1):
 * matching inputs change nothing, a differing in-place field is reconciled, a differing replace-only field is
 * refused with a clear error, and names are looked up on the given network only.
 */
import { provider } from "../../../provider/openstack/subnet/controller";
import { checker, Cleanup, onFreePhysnet, openstack, openstackQuiet, traceRequests, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.Subnet adopt", () => {
  let net: any;
  let seeded: any;
  let name: string;

  beforeAll(async () => {
    net = await onFreePhysnet((physnet) =>
      openstack(["network", "create", "--external", "--provider-network-type", "flat", "--provider-physical-network", physnet, uniqueName("seed-net")]),
    );
    cleanup.add(() => openstackQuiet(["network", "delete", net.id]));
    name = uniqueName("seed-subnet");
    seeded = await openstack([
      "subnet", "create", "--no-dhcp", "--allocation-pool", "start=10.0.2.100,end=10.0.2.200", "--gateway", "10.0.2.1",
      "--subnet-range", "10.0.2.0/24", "--network", net.id, name,
    ]);
    cleanup.add(() => openstackQuiet(["subnet", "delete", seeded.id]));
  });

  const seedArgs = () => ({
    name,
    networkId: net.id,
    cidr: "10.0.2.0/24",
    ipVersion: 4,
    gatewayIp: "10.0.2.1",
    enableDhcp: false,
    allocationPools: [{ start: "10.0.2.100", end: "10.0.2.200" }],
    adopt: { name },
  });

  test("by name with matching inputs: the seed subnet is taken over and nothing changes", async () => {
    const inputs = await checked(seedArgs());
    const trace = traceRequests();
    let res;
    try {
      res = await provider.create(inputs);
      expect(trace.entries().filter((e) => e.service === "network" && e.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
    expect(res.id).toBe(seeded.id);
    expect(res.outs).toMatchObject({ cidr: "10.0.2.0/24", gatewayIp: "10.0.2.1", enableDhcp: false, networkId: net.id });
    expect(await provider.diff(res.id, res.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("with differing in-place fields: adopted and reconciled", async () => {
    const inputs = await checked({ ...seedArgs(), dnsNameservers: ["10.0.2.3"], allocationPools: [{ start: "10.0.2.100", end: "10.0.2.180" }] });
    const res = await provider.create(inputs);
    expect(res.id).toBe(seeded.id);
    const shown = await openstack(["subnet", "show", seeded.id]);
    expect(shown).toMatchObject({ dns_nameservers: ["10.0.2.3"], allocation_pools: [{ start: "10.0.2.100", end: "10.0.2.180" }] });
    expect(await provider.diff(res.id, res.outs, inputs)).toMatchObject({ changes: false });
  });

  test("with a differing replace-only field: a clear error, and the subnet is left alone", async () => {
    const inputs = await checked({ ...seedArgs(), cidr: "10.0.0.0/16", allocationPools: [{ start: "10.0.2.100", end: "10.0.2.200" }] });
    await expect(provider.create(inputs)).rejects.toThrow(new RegExp(`${seeded.id} differs in cidr, which cannot change in place`));
    expect((await openstack(["subnet", "show", seeded.id])).cidr).toBe("10.0.2.0/24");
  });

  test("the name is looked up on networkId only", async () => {
    const other = await openstack(["network", "create", uniqueName("other-net")]);
    cleanup.add(() => openstackQuiet(["network", "delete", other.id]));
    const inputs = await checked({ ...seedArgs(), networkId: other.id });
    await expect(provider.create(inputs)).rejects.toThrow(/no existing object matches/);
    // a subnet of the same name on another network does not make the lookup ambiguous
    const twin = await openstack(["subnet", "create", "--subnet-range", "10.0.2.0/24", "--network", other.id, name]);
    cleanup.add(() => openstackQuiet(["subnet", "delete", twin.id]));
    expect((await provider.create(await checked(seedArgs()))).id).toBe(seeded.id);
  });
});
