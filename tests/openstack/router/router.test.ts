/**
 * openstack.Router against the real test cloud: gateway on an external network (SNAT off, then on), read returns
 * the gateway, in-place updates, a gateway removed with the CLI seen as drift, gateway cleared, adopt, delete,
 * 404 as gone, bad input.
 */
import { provider } from "../../../provider/openstack/router/controller";
import { adminCloud } from "../../support/cloud";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";
import { ExternalNetwork, externalNetwork } from "./externalNetwork";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.Router", () => {
  let ext: ExternalNetwork;
  beforeAll(async () => (ext = await externalNetwork(cleanup)));

  test("gateway, updates, drift, clear, delete, 404 as gone", async () => {
    const name = uniqueName("router");
    const inputs = await checked({ name, externalNetworkId: ext.networkId, enableSnat: false, description: "lab" });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => openstackQuiet(["router", "delete", id]));
    const shown = await openstack(["router", "show", id]);
    expect(shown.external_gateway_info).toMatchObject({ network_id: ext.networkId, enable_snat: false });
    expect(outs).toMatchObject({ name, externalNetworkId: ext.networkId, enableSnat: false, adminStateUp: true, description: "lab" });
    expect(outs.externalFixedIps).toEqual([{ subnetId: ext.subnetId, ipAddress: expect.stringMatching(/^198\.51\.100\./) }]);

    const read = await provider.read(id, outs);
    expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    const snat = await checked({ name: `${name}-x`, externalNetworkId: ext.networkId, enableSnat: true, adminStateUp: false, description: "lab" });
    expect(await provider.diff(id, read.props!, snat)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const upd = await provider.update(id, read.props!, snat);
    expect(await openstack(["router", "show", id])).toMatchObject({ name: `${name}-x`, admin_state_up: false, external_gateway_info: expect.objectContaining({ enable_snat: true }) });

    await openstack(["router", "unset", "--external-gateway", id], { json: false });
    const drifted = await provider.read(id, upd.outs);
    expect(drifted.props!).toMatchObject({ externalNetworkId: null, externalFixedIps: [] });
    expect((await provider.diff(id, drifted.props!, snat)).changes).toBe(true);
    const back = await provider.update(id, drifted.props!, snat);
    expect(back.outs.externalNetworkId).toBe(ext.networkId);

    const noGateway = await checked({ name: `${name}-x`, adminStateUp: false, description: "lab" });
    expect((await provider.diff(id, back.outs, noGateway)).changes).toBe(true);
    await provider.update(id, back.outs, noGateway);
    expect((await openstack(["router", "show", id])).external_gateway_info).toBeFalsy();

    await provider.delete(id, back.outs);
    expect(await provider.read(id, back.outs)).toEqual({});
    await expect(provider.delete(id, back.outs)).resolves.toBeUndefined();
  });

  test("adopt a hand-made router by name: matching inputs write nothing", async () => {
    const name = uniqueName("seed-router");
    const seeded = await openstack(["router", "create", name]);
    cleanup.add(() => openstackQuiet(["router", "delete", seeded.id]));
    await openstack(["router", "set", "--external-gateway", ext.networkId, seeded.id], { json: false });
    const inputs = await checked({ name, externalNetworkId: ext.networkId, adopt: { name } });
    const trace = startTrace();
    try {
      const res = await provider.create(inputs);
      expect(res.id).toBe(seeded.id);
      expect(res.outs.enableSnat).toBe(true);
      expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
  });

  test("check: enableSnat without a gateway, empty name, bad types; no request", async () => {
    const trace = startTrace();
    try {
      for (const [bad, property, reason] of [
        [{ name: "r", enableSnat: true }, "enableSnat", /needs externalNetworkId/],
        [{ name: "" }, "name", /must not be empty/],
        [{ name: "r", adminStateUp: "up" }, "adminStateUp", /boolean/i],
        [{ name: "r", externalNetworkId: "" }, "externalNetworkId", /id \(a UUID/],
        [{ name: "r", externalNetworkId: "public" }, "externalNetworkId", /not a name/],
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
