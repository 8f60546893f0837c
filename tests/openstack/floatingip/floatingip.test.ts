/**
 * openstack.FloatingIp against the real test cloud: allocate, associate / disassociate in place, an association
 * made with the CLI seen as drift, delete, 404 as gone, adopt by address, bad input.
 */
import { provider } from "../../../provider/openstack/floatingip/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";
import { ExternalNetwork, externalNetwork, internalSubnet } from "../router/externalNetwork";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.FloatingIp", () => {
  let ext: ExternalNetwork;
  let portA: any;
  let portB: any;

  beforeAll(async () => {
    ext = await externalNetwork(cleanup);
    const sub = await internalSubnet(cleanup);
    const router = await openstack(["router", "create", "--external-gateway", ext.networkId, uniqueName("fip-router")]);
    cleanup.add(() => openstackQuiet(["router", "delete", router.id]));
    await openstack(["router", "add", "subnet", router.id, sub.subnetId], { json: false });
    cleanup.add(() => openstackQuiet(["router", "remove", "subnet", router.id, sub.subnetId]));
    portA = await openstack(["port", "create", "--network", sub.networkId, uniqueName("port-a")]);
    cleanup.add(() => openstackQuiet(["port", "delete", portA.id]));
    portB = await openstack(["port", "create", "--network", sub.networkId, uniqueName("port-b")]);
    cleanup.add(() => openstackQuiet(["port", "delete", portB.id]));
  });

  test("allocate, associate, move, disassociate in place, drift, delete, 404 as gone", async () => {
    const free = await checked({ networkId: ext.networkId, description: "lab" });
    const { id, outs } = await provider.create(free);
    cleanup.add(() => openstackQuiet(["floating", "ip", "delete", id]));
    expect(outs).toMatchObject({ networkId: ext.networkId, portId: null, fixedIpAddress: null, description: "lab", address: expect.stringMatching(/^198\.51\.100\./) });

    const onA = await checked({ networkId: ext.networkId, description: "lab", portId: portA.id });
    expect(await provider.diff(id, outs, onA)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const a = await provider.update(id, outs, onA);
    expect((await openstack(["floating", "ip", "show", id])).port_id).toBe(portA.id);
    expect(a.outs.fixedIpAddress).toBe(portA.fixed_ips[0].ip_address);
    expect(await provider.diff(id, a.outs, onA)).toMatchObject({ changes: false });

    // Moved to another port with the CLI: drift, and update moves it back.
    await openstack(["floating", "ip", "set", "--port", portB.id, id], { json: false });
    const drifted = await provider.read(id, a.outs);
    expect(drifted.props!.portId).toBe(portB.id);
    expect((await provider.diff(id, drifted.props!, onA)).changes).toBe(true);
    await provider.update(id, drifted.props!, onA);
    expect((await openstack(["floating", "ip", "show", id])).port_id).toBe(portA.id);

    const off = await provider.update(id, a.outs, free);
    expect(off.outs).toMatchObject({ portId: null, fixedIpAddress: null });
    expect((await openstack(["floating", "ip", "show", id])).port_id).toBeNull();

    expect(await provider.diff(id, off.outs, { ...free, networkId: "other" })).toMatchObject({ replaces: ["networkId"] });

    await provider.delete(id, off.outs);
    expect(await provider.read(id, off.outs)).toEqual({});
    await expect(provider.delete(id, off.outs)).resolves.toBeUndefined();
  });

  test("adopt a hand-made floating IP by its address: matching inputs write nothing", async () => {
    const seeded = await openstack(["floating", "ip", "create", ext.networkId]);
    cleanup.add(() => openstackQuiet(["floating", "ip", "delete", seeded.id]));
    const inputs = await checked({ networkId: ext.networkId, adopt: { name: seeded.floating_ip_address } });
    const trace = startTrace();
    try {
      const res = await provider.create(inputs);
      expect(res.id).toBe(seeded.id);
      expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
  });

  test("check: bad addresses, fixedIpAddress without a port; no request", async () => {
    const trace = startTrace();
    try {
      for (const [bad, property, reason] of [
        [{ networkId: "n", address: "198.51.100.300" }, "address", /IPv4 or IPv6 address/],
        [{ networkId: "n", portId: "p", fixedIpAddress: "10.0.0" }, "fixedIpAddress", /IPv4 or IPv6 address/],
        [{ networkId: "n", fixedIpAddress: "10.0.0.5" }, "fixedIpAddress", /needs portId/],
        [{ networkId: "" }, "networkId", /id \(a UUID/],
      ] as const) {
        const res = await provider.check({}, { cloud: adminCloud(), ...bad });
        expect((res.failures ?? []).find((f: { property: string }) => f.property === property)?.reason).toMatch(reason);
      }
      expect(trace.lines()).toEqual([]);
    } finally {
      trace.stop();
    }
  });
});
