/**
 * Creates whose answers are lost, against the real Neutron behind tests/support/faultProxy.ts, through each
 * resource's provider: the object made by the lost request is used (never a second one), a request that never
 * reached Neutron is sent again, and objects that cannot be told apart fail with a message instead of a guess.
 */
import { provider as floatingIp } from "../../../provider/openstack/floatingip/controller";
import { provider as network } from "../../../provider/openstack/network/controller";
import { provider as router } from "../../../provider/openstack/router/controller";
import { provider as routerInterface } from "../../../provider/openstack/routerinterface/controller";
import { provider as securityGroup } from "../../../provider/openstack/securitygroup/controller";
import { adminCloud } from "../../support/cloud";
import { FaultProxy, startFaultProxy } from "../../support/faultProxy";
import { internalSubnet } from "../router/externalNetwork";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "./helpers";

jest.setTimeout(120_000);

const cleanup = new Cleanup();
let neutron: FaultProxy;

beforeAll(async () => {
  neutron = await startFaultProxy("http://127.0.0.1:9696");
});
afterAll(async () => {
  await cleanup.run();
  await neutron?.close();
});

const proxied = () => ({ ...adminCloud(), endpointOverrides: { network: neutron.url } });


/** Ids of the objects of `kind` (e.g. ["router"]) named `name`, seen with the real CLI: every one, so a duplicate shows. */
async function idsNamed(kind: string[], name: string): Promise<string[]> {
  const rows: any[] = await openstack([...kind, "list", ...(kind[0] === "security" ? ["--project", "admin"] : [])]);
  return rows.filter((r) => r.Name === name).map((r) => r.ID);
}

/** A unique name; every object of `kind` with it is deleted after the tests. */
function nameFor(kind: string[], what: string): string {
  const name = uniqueName(what);
  cleanup.add(async () => {
    for (const id of await idsNamed(kind, name)) await openstackQuiet([...kind, "delete", id]);
  });
  return name;
}

/** Requests the proxy saw from `from` on, as "METHOD path status". */
const seenSince = (from: number) => neutron.seen.slice(from).map((r) => `${r.method} ${r.path} ${r.status}`);

test("Network: Neutron made it but the answer was a 503: the network is used, not made twice", async () => {
  const name = nameFor(["network"], "recover-net");
  const inputs = await checker(network, proxied)({ name });
  const from = neutron.seen.length;
  neutron.failNext(1, { status: 503, forward: true });
  const { id, outs } = await network.create(inputs);
  expect(await idsNamed(["network"], name)).toEqual([id]);
  expect(outs.name).toBe(name);
  expect(seenSince(from).filter((r) => r.startsWith("POST"))).toEqual(["POST /v2.0/networks 503"]);
});

test("SecurityGroup: the connection broke after Neutron made it: the group is used, not made twice", async () => {
  const name = nameFor(["security", "group"], "recover-sg");
  const inputs = await checker(securityGroup, proxied)({ name });
  neutron.resetNext(1, { forward: true });
  const { id } = await securityGroup.create(inputs);
  expect(await idsNamed(["security", "group"], name)).toEqual([id]);
});

test("Router: a 503 that Neutron never saw: nothing was made, so the create is sent again (one router)", async () => {
  const name = nameFor(["router"], "recover-router");
  const inputs = await checker(router, proxied)({ name });
  const from = neutron.seen.length;
  neutron.failNext(1, { status: 503 });
  const { id } = await router.create(inputs);
  expect(await idsNamed(["router"], name)).toEqual([id]);
  expect(seenSince(from).filter((r) => r.startsWith("POST"))).toEqual(["POST /v2.0/routers 503", "POST /v2.0/routers 201"]);
});

test("RouterInterface: add_router_interface done but the connection broke: the router's port on the subnet is used", async () => {
  const r = await openstack(["router", "create", uniqueName("recover-ri")]);
  cleanup.add(() => openstackQuiet(["router", "delete", r.id]));
  const sub = await internalSubnet(cleanup);
  const inputs = await checker(routerInterface, proxied)({ routerId: r.id, subnetId: sub.subnetId });
  const from = neutron.seen.length;
  neutron.resetNext(1, { forward: true });
  const { id, outs } = await routerInterface.create(inputs);
  cleanup.add(() => openstackQuiet(["router", "remove", "port", r.id, id]));
  const ports: any[] = await openstack(["port", "list", "--router", r.id]);
  expect(ports.map((p) => p.ID)).toEqual([id]);
  expect(outs).toMatchObject({ routerId: r.id, subnetId: sub.subnetId, portId: id });
  // the add was sent once: the client did not repeat it, the controller looked instead
  expect(seenSince(from).filter((x) => x.includes("add_router_interface"))).toEqual([`PUT /v2.0/routers/${r.id}/add_router_interface reset`]);
});

test("no name to tell them apart: a Network without a name and a FloatingIp without address or port fail clearly", async () => {
  neutron.failNext(1, { status: 503 });
  await expect(network.create(await checker(network, proxied)({}))).rejects.toThrow(
    /network \(no name\): the create may or may not have been done .*503.*give the network a name/,
  );
  neutron.failNext(1, { status: 503 });
  // the 503 comes before Neutron, so the network id is never looked at
  await expect(floatingIp.create(await checker(floatingIp, proxied)({ networkId: "00000000-0000-0000-0000-000000000000" }))).rejects.toThrow(
    /Floating IPs have no name.*give `address` or `portId`/,
  );
});
