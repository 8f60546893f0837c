/**
 * openstack.Network against the real test cloud, through the provider the plugin calls (check, create, read,
 * diff, update, delete): what lands in Neutron is verified with the real `openstack` CLI.
 */
import { changedFields } from "../../../provider/core/controller";
import { controller, provider } from "../../../provider/openstack/network/controller";
import { adminCloud } from "../../support/cloud";
import { checker, Cleanup, onFreePhysnet, openstack, openstackQuiet, traceRequests, uniqueName } from "../common/helpers";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

async function created(news: Record<string, unknown>) {
  const inputs = await checked(news);
  const res = await provider.create(inputs);
  cleanup.add(() => openstackQuiet(["network", "delete", res.id]));
  return { id: res.id, inputs, outs: res.outs };
}

describe("openstack.Network lifecycle", () => {
  test("create, read, update in place, replace-needed diff, delete, 404 as gone", async () => {
    const name = uniqueName("net");
    const { id, inputs, outs } = await created({
      name,
      description: "first",
      providerNetworkType: "vxlan",
      mtu: 1400,
      portSecurityEnabled: true,
      adminStateUp: true,
      shared: false,
      external: false,
      tags: ["zeta", "alpha"],
    });
    expect(outs).toMatchObject({
      name,
      description: "first",
      providerNetworkType: "vxlan",
      mtu: 1400,
      portSecurityEnabled: true,
      adminStateUp: true,
      shared: false,
      external: false,
      tags: ["alpha", "zeta"],
    });
    expect(outs.providerSegmentationId).toBeGreaterThanOrEqual(1);
    expect(outs.projectId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof outs.status).toBe("string");

    const shown = await openstack(["network", "show", id]);
    expect(shown).toMatchObject({ name, description: "first", mtu: 1400, port_security_enabled: true });
    expect([...shown.tags].sort()).toEqual(["alpha", "zeta"]);

    // read: one GET, every field, nothing to change against the same inputs
    const trace = traceRequests();
    let read: any;
    try {
      read = await provider.read(id, outs);
      const sent = trace.entries().filter((e) => e.service === "network");
      expect(sent.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /v2.0/networks/${id}`]);
    } finally {
      trace.stop();
    }
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ providerNetworkType: "vxlan", providerPhysicalNetwork: null, external: false });
    expect(await provider.diff(id, read.props, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    // in-place update: only changed fields are sent, tags with their own PUT
    const news = await checked({ ...inputs, cloud: adminCloud(), name: `${name}-2`, mtu: 1300, tags: ["beta"], adminStateUp: false });
    expect(await provider.diff(id, read.props, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const trace2 = traceRequests();
    let updated;
    try {
      updated = await provider.update(id, read.props, news);
      const sent = trace2.entries().filter((e) => e.service === "network").map((e) => `${e.method} ${e.path}`);
      expect(sent.sort()).toEqual([`PUT /v2.0/networks/${id}`, `PUT /v2.0/networks/${id}/tags`]);
    } finally {
      trace2.stop();
    }
    expect(updated.outs).toMatchObject({ name: `${name}-2`, mtu: 1300, tags: ["beta"], adminStateUp: false, description: "first" });
    const shown2 = await openstack(["network", "show", id]);
    expect(shown2).toMatchObject({ name: `${name}-2`, mtu: 1300, admin_state_up: false, tags: ["beta"] });

    // provider attributes cannot change in place
    const segDiff = await provider.diff(id, updated.outs, { ...news, providerSegmentationId: (outs.providerSegmentationId as number) + 1 });
    expect(segDiff.replaces).toEqual(["providerSegmentationId"]);
    const typeDiff = await provider.diff(id, updated.outs, { ...news, providerNetworkType: "vlan", providerPhysicalNetwork: "extnet" });
    expect(typeDiff.replaces.sort()).toEqual(["providerNetworkType", "providerPhysicalNetwork"]);

    await provider.delete(id, updated.outs);
    await expect(openstack(["network", "show", id])).rejects.toThrow(/No Network found|Not ?Found|404/i);
    expect(await provider.read(id, updated.outs)).toEqual({});
    await expect(provider.delete(id, updated.outs)).resolves.toBeUndefined();
  });

  test("a flat external network on a spare physnet", async () => {
    const name = uniqueName("flat");
    let physnet = "";
    const { id, outs } = await onFreePhysnet((p) => {
      physnet = p;
      return created({ name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: p });
    });
    expect(outs).toMatchObject({ external: true, providerNetworkType: "flat", providerPhysicalNetwork: physnet, providerSegmentationId: null });
    const shown = await openstack(["network", "show", id]);
    expect(shown).toMatchObject({ "router:external": true, "provider:network_type": "flat", "provider:physical_network": physnet });
    await provider.delete(id, outs);
  });

  test("drift made with the CLI shows up in diff as exactly the fields that changed", async () => {
    const name = uniqueName("drift");
    const { id, inputs } = await created({ name, description: "managed", external: false, mtu: 1450, tags: ["a"] });
    await openstack(["network", "set", "--description", "hand-edited", "--external", id], { json: false });
    const read: any = await provider.read(id, { ...inputs });
    expect(changedFields(controller, read.props, inputs).sort()).toEqual(["description", "external"]);
    expect(await provider.diff(id, read.props, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    // reconcile back and the drift is gone
    const fixed = await provider.update(id, read.props, inputs);
    expect(fixed.outs).toMatchObject({ description: "managed", external: false });
    const reread: any = await provider.read(id, fixed.outs);
    expect(await provider.diff(id, reread.props, inputs)).toMatchObject({ changes: false });

    await openstack(["network", "set", "--tag", "b", id], { json: false });
    const read2: any = await provider.read(id, fixed.outs);
    expect(changedFields(controller, read2.props, inputs)).toEqual(["tags"]);
  });

  test("delete retries while a port is in use and succeeds once it is gone; gives up at the deadline", async () => {
    const name = uniqueName("busy");
    const { id, outs } = await created({ name });
    const port = await openstack(["port", "create", "--network", id, "--device-owner", "compute:nova", `${name}-port`]);
    cleanup.add(() => openstackQuiet(["port", "delete", port.id]));

    await expect(provider.delete(id, { ...outs, customTimeouts: { delete: "3s" } })).rejects.toThrow(/still in use.*customTimeouts\.delete/s);
    expect((await openstack(["network", "show", id])).id).toBe(id);

    const deleting = provider.delete(id, outs);
    await new Promise((r) => setTimeout(r, 1500));
    await openstack(["port", "delete", port.id], { json: false });
    await expect(deleting).resolves.toBeUndefined();
    expect(await provider.read(id, outs)).toEqual({});
  });
});
