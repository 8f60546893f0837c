/**
 * openstack.Subnet against the real test cloud, through the provider the plugin calls; what lands in Neutron is
 * verified with the real `openstack` CLI.
 */
import { changedFields } from "../../../provider/core/controller";
import { controller, provider } from "../../../provider/openstack/subnet/controller";
import { adminCloud } from "../../support/cloud";
import { checker, Cleanup, openstack, openstackQuiet, traceRequests, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
let networkId: string;

beforeAll(async () => {
  const net = await openstack(["network", "create", uniqueName("subnet-host")]);
  networkId = net.id;
  cleanup.add(() => openstackQuiet(["network", "delete", net.id]));
});
afterAll(() => cleanup.run());

const checked = checker(provider);

async function created(news: Record<string, unknown>) {
  const inputs = await checked({ networkId, ...news });
  const res = await provider.create(inputs);
  cleanup.add(() => openstackQuiet(["subnet", "delete", res.id]));
  return { id: res.id, inputs, outs: res.outs };
}

describe("openstack.Subnet lifecycle", () => {
  test("create, read, update in place, replace-needed diff, delete, 404 as gone", async () => {
    const name = uniqueName("subnet");
    const { id, inputs, outs } = await created({
      name,
      cidr: "10.77.0.0/24",
      gatewayIp: "10.77.0.1",
      enableDhcp: false,
      allocationPools: [
        { start: "10.77.0.200", end: "10.77.0.250" },
        { start: "10.77.0.100", end: "10.77.0.150" },
      ],
      dnsNameservers: ["8.8.8.8", "1.1.1.1"],
      hostRoutes: [{ destination: "192.168.50.0/24", nextHop: "10.77.0.254" }],
      description: "lab",
      tags: ["t1"],
    });
    expect(outs).toMatchObject({ networkId, cidr: "10.77.0.0/24", ipVersion: 4, gatewayIp: "10.77.0.1", noGateway: false, enableDhcp: false });
    const shown = await openstack(["subnet", "show", id]);
    expect(shown.allocation_pools.map((p: any) => `${p.start}-${p.end}`).sort()).toEqual(["10.77.0.100-10.77.0.150", "10.77.0.200-10.77.0.250"]);
    expect(shown.dns_nameservers).toEqual(["8.8.8.8", "1.1.1.1"]);
    expect(shown.host_routes).toEqual([{ destination: "192.168.50.0/24", nexthop: "10.77.0.254" }]);
    expect(shown).toMatchObject({ name, description: "lab", tags: ["t1"], enable_dhcp: false, gateway_ip: "10.77.0.1" });

    const read: any = await provider.read(id, outs);
    expect(read.props.allocationPools).toHaveLength(2);
    // pools compare as a set: the API's order does not matter
    expect(await provider.diff(id, read.props, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const reordered = { ...inputs, allocationPools: [...(inputs.allocationPools as unknown[])].reverse() };
    expect(await provider.diff(id, read.props, reordered)).toMatchObject({ changes: false });

    // replace-only fields
    expect((await provider.diff(id, read.props, { ...inputs, cidr: "10.78.0.0/24" })).replaces).toEqual(["cidr"]);
    expect((await provider.diff(id, read.props, { ...inputs, networkId: "another" })).replaces).toEqual(["networkId"]);

    // in place: one PUT for the attributes, one for the tags
    const news = await checked({
      ...inputs,
      cloud: adminCloud(),
      name: `${name}-2`,
      gatewayIp: "10.77.0.254",
      allocationPools: [{ start: "10.77.0.10", end: "10.77.0.90" }],
      dnsNameservers: ["9.9.9.9"],
      hostRoutes: [{ destination: "172.16.0.0/16", nextHop: "10.77.0.253" }],
      tags: ["t2", "t3"],
    });
    expect(changedFields(controller, read.props, news).sort()).toEqual(
      ["allocationPools", "dnsNameservers", "gatewayIp", "hostRoutes", "name", "tags"],
    );
    const trace = traceRequests();
    let updated;
    try {
      updated = await provider.update(id, read.props, news);
      const sent = trace.entries().filter((e) => e.service === "network").map((e) => `${e.method} ${e.path}`);
      expect(sent.sort()).toEqual([`PUT /v2.0/subnets/${id}`, `PUT /v2.0/subnets/${id}/tags`]);
    } finally {
      trace.stop();
    }
    const shown2 = await openstack(["subnet", "show", id]);
    expect(shown2).toMatchObject({
      name: `${name}-2`,
      gateway_ip: "10.77.0.254",
      allocation_pools: [{ start: "10.77.0.10", end: "10.77.0.90" }],
      dns_nameservers: ["9.9.9.9"],
      host_routes: [{ destination: "172.16.0.0/16", nexthop: "10.77.0.253" }],
    });
    expect([...shown2.tags].sort()).toEqual(["t2", "t3"]);
    expect(await provider.diff(id, updated.outs, news)).toMatchObject({ changes: false });

    await provider.delete(id, updated.outs);
    await expect(openstack(["subnet", "show", id])).rejects.toThrow(/No Subnet found|Not ?Found|404/i);
    expect(await provider.read(id, updated.outs)).toEqual({});
    await expect(provider.delete(id, updated.outs)).resolves.toBeUndefined();
  });

  test("noGateway removes the gateway in place; turning it back on gives the first address", async () => {
    const { id, inputs, outs } = await created({ name: uniqueName("gw"), cidr: "10.79.0.0/24", enableDhcp: false });
    expect(outs).toMatchObject({ gatewayIp: "10.79.0.1", noGateway: false });
    const off = await checked({ ...inputs, cloud: adminCloud(), noGateway: true });
    const offDiff = await provider.diff(id, outs, off);
    expect(offDiff).toMatchObject({ changes: true, replaces: [] });
    const updated = await provider.update(id, outs, off);
    expect(updated.outs).toMatchObject({ gatewayIp: null, noGateway: true });
    expect((await openstack(["subnet", "show", id])).gateway_ip).toBeNull();

    const on = await checked({ ...inputs, cloud: adminCloud(), noGateway: false });
    const back = await provider.update(id, updated.outs, on);
    expect(back.outs).toMatchObject({ gatewayIp: "10.79.0.1", noGateway: false });
    expect((await openstack(["subnet", "show", id])).gateway_ip).toBe("10.79.0.1");
  });

  test("IPv6: addresses are compared by value, however they are spelled", async () => {
    const { id, inputs, outs } = await created({
      name: uniqueName("v6"),
      cidr: "fd00:77:0:0::/64",
      gatewayIp: "fd00:77::0:1",
      dnsNameservers: ["fd00:77:0::53"],
      enableDhcp: false,
    });
    expect(outs).toMatchObject({ cidr: "fd00:77::/64", ipVersion: 6, gatewayIp: "fd00:77::1", dnsNameservers: ["fd00:77::53"] });
    const read: any = await provider.read(id, outs);
    expect(await provider.diff(id, read.props, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("drift made with the CLI shows up in diff as exactly the fields that changed", async () => {
    const { id, inputs } = await created({
      name: uniqueName("drift"),
      cidr: "10.80.0.0/24",
      gatewayIp: "10.80.0.1",
      enableDhcp: false,
      dnsNameservers: ["8.8.8.8"],
      allocationPools: [{ start: "10.80.0.100", end: "10.80.0.200" }],
    });
    await openstack(["subnet", "set", "--dns-nameserver", "8.8.4.4", id], { json: false });
    const read: any = await provider.read(id, inputs);
    expect(changedFields(controller, read.props, inputs)).toEqual(["dnsNameservers"]);
    expect(await provider.diff(id, read.props, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });

    await openstack(["subnet", "set", "--no-allocation-pool", "--allocation-pool", "start=10.80.0.100,end=10.80.0.150", id], { json: false });
    const read2: any = await provider.read(id, inputs);
    expect(changedFields(controller, read2.props, inputs).sort()).toEqual(["allocationPools", "dnsNameservers"]);

    const fixed = await provider.update(id, read2.props, inputs);
    expect(fixed.outs).toMatchObject({ dnsNameservers: ["8.8.8.8"], allocationPools: [{ start: "10.80.0.100", end: "10.80.0.200" }] });
    expect(changedFields(controller, ((await provider.read(id, fixed.outs)) as any).props, inputs)).toEqual([]);
  });
});
