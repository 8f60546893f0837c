/**
 * openstack.RouterInterface against the real test cloud: attach (id = port id), read = ONE GET of the router's
 * ports on the subnet, a subnet detached with the CLI seen as gone, detach twice, adopt of a hand-made interface.
 */
import { provider } from "../../../provider/openstack/routerinterface/controller";
import { startTrace } from "../../support/httpTrace";
import { checker, Cleanup, openstack, openstackQuiet, uniqueName } from "../common/helpers";
import { internalSubnet } from "../router/externalNetwork";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const checked = checker(provider);

describe("openstack.RouterInterface", () => {
  let routerId: string;
  beforeAll(async () => {
    const r = await openstack(["router", "create", uniqueName("ri-router")]);
    routerId = r.id;
    cleanup.add(() => openstackQuiet(["router", "delete", routerId]));
  });

  test("attach, read with one GET, CLI detach = gone, detach twice", async () => {
    const sub = await internalSubnet(cleanup);
    const inputs = await checked({ routerId, subnetId: sub.subnetId });
    const { id, outs } = await provider.create(inputs);
    cleanup.add(() => openstackQuiet(["router", "remove", "port", routerId, id]));
    const ports: any[] = await openstack(["port", "list", "--router", routerId]);
    expect(ports.map((p) => p.ID)).toContain(id);
    expect(outs).toMatchObject({ routerId, subnetId: sub.subnetId, portId: id, ipAddress: sub.cidr.replace("0/24", "1") });

    const trace = startTrace();
    try {
      const read = await provider.read(id, outs);
      expect(trace.lines().filter((l) => l.service === "network")).toEqual([expect.objectContaining({ method: "GET", path: "/v2.0/ports" })]);
      expect(await provider.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    } finally {
      trace.stop();
    }
    expect(await provider.diff(id, outs, { ...inputs, subnetId: "another" })).toEqual({ changes: true, replaces: ["subnetId"], deleteBeforeReplace: true });

    await openstack(["router", "remove", "subnet", routerId, sub.subnetId], { json: false });
    expect(await provider.read(id, outs)).toEqual({});
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });

  test("delete detaches the subnet", async () => {
    const sub = await internalSubnet(cleanup);
    const { id, outs } = await provider.create(await checked({ routerId, subnetId: sub.subnetId }));
    await provider.delete(id, outs);
    const ports: any[] = await openstack(["port", "list", "--router", routerId]);
    expect(ports.map((p) => p.ID)).not.toContain(id);
  });

  test("adopt an interface made with the CLI: no writes; without adopt, attaching again names the port to adopt", async () => {
    const sub = await internalSubnet(cleanup);
    await openstack(["router", "add", "subnet", routerId, sub.subnetId], { json: false });
    const ports: any[] = await openstack(["port", "list", "--router", routerId, "--fixed-ip", `subnet=${sub.subnetId}`]);
    const portId = ports[0].ID;
    cleanup.add(() => openstackQuiet(["router", "remove", "port", routerId, portId]));
    const inputs = await checked({ routerId, subnetId: sub.subnetId, adopt: { id: portId } });
    const trace = startTrace();
    try {
      const res = await provider.create(inputs);
      expect(res.id).toBe(portId);
      expect(trace.lines().filter((l) => l.service === "network" && l.method !== "GET")).toEqual([]);
    } finally {
      trace.stop();
    }
    await expect(provider.create(await checked({ routerId, subnetId: sub.subnetId }))).rejects.toThrow(new RegExp(`adopt it with adopt: \\{id: "${portId}"\\}`));
  });

  test("check: ids must not be empty; no request", async () => {
    const trace = startTrace();
    try {
      const res = await provider.check({}, { routerId: "", subnetId: 5 });
      expect(res.failures!.map((f: { property: string }) => f.property).sort()).toEqual(["routerId", "subnetId"]);
      expect(trace.lines()).toEqual([]);
    } finally {
      trace.stop();
    }
  });
});
