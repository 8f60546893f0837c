/**
 * neutronResource (provider/openstack/common/neutronResource.ts), the Neutron CRUD every resource's requests.ts
 * builds on, over a recording fake client: the requests it sends, 404 as "gone", update as one PUT or one GET,
 * and a create whose follow-up step fails deletes what it made.
 */
import { OpenStackHttpError } from "../../../provider/openstack/client";
import { collection, NeutronClient, neutronResource } from "../../../provider/openstack/common";

const COLLECTION = collection("network", "/v2.0/networks", "network", "networks");
const notFound = () => new OpenStackHttpError("network", "GET", "/v2.0/networks/x", 404);

/** A client that records "METHOD path" and answers from `answer` (a thrown error is thrown). */
function fakeClient(answer: (method: string, path: string, body?: unknown) => unknown) {
  const sent: string[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    sent.push(`${method} ${path}`);
    const a = answer(method, path, body);
    if (a instanceof Error) throw a;
    return a;
  };
  const client: NeutronClient = {
    projectId: "p1",
    get: (_s, path) => call("GET", path),
    post: (_s, path, body) => call("POST", path, body),
    put: (_s, path, body) => call("PUT", path, body),
    delete: (_s, path) => call("DELETE", path),
  };
  return { client, sent };
}

const ctx = () => ({ deadline: Date.now() + 60_000, progress: jest.fn() });
const networks = neutronResource(COLLECTION);

test("create POSTs the body under the singular key and returns the object", async () => {
  let posted: unknown;
  const { client, sent } = fakeClient((_m, _p, body) => {
    posted = body;
    return { network: { id: "n1", name: "a" } };
  });
  await expect(networks.create(client, { name: "a" })).resolves.toEqual({ id: "n1", name: "a" });
  expect(posted).toEqual({ network: { name: "a" } });
  expect(sent).toEqual(["POST /v2.0/networks"]);
});

test("get: the object, or null when Neutron answers 404; other errors are thrown", async () => {
  expect(await networks.get(fakeClient(() => ({ network: { id: "n1" } })).client, "n1")).toEqual({ id: "n1" });
  expect(await networks.get(fakeClient(() => notFound()).client, "n1")).toBeNull();
  const boom = new OpenStackHttpError("network", "GET", "/v2.0/networks/n1", 500);
  await expect(networks.get(fakeClient(() => boom).client, "n1")).rejects.toBe(boom);
});

test("putOrGet: one PUT of the changed attributes, saying which; with none, one GET", async () => {
  const { client, sent } = fakeClient((m) => ({ network: { id: "n1", via: m } }));
  const c = ctx();
  expect(await networks.putOrGet(client, "n1", { name: "b" }, c)).toEqual({ id: "n1", via: "PUT" });
  expect(c.progress).toHaveBeenCalledWith("updating name");
  expect(await networks.putOrGet(client, "n1", {}, c)).toEqual({ id: "n1", via: "GET" });
  expect(sent).toEqual(["PUT /v2.0/networks/n1", "GET /v2.0/networks/n1"]);
});

test("putOrGet with nothing to change on a network that is gone: an error naming it", async () => {
  await expect(networks.putOrGet(fakeClient(() => notFound()).client, "n1", {}, ctx())).rejects.toThrow("network n1 no longer exists");
});

test("remove: a network already gone counts as removed", async () => {
  const { client, sent } = fakeClient(() => new OpenStackHttpError("network", "DELETE", "/v2.0/networks/n1", 404));
  await expect(networks.remove(client, "n1", ctx())).resolves.toBeUndefined();
  expect(sent).toEqual(["DELETE /v2.0/networks/n1"]);
});

test("createOrRecover: when a step after the create fails, the new object is deleted and the error thrown", async () => {
  const { client, sent } = fakeClient((m) => (m === "POST" ? { network: { id: "n1" } } : {}));
  const failing = new Error("tags refused");
  await expect(
    networks.createOrRecover(client, { name: "a" }, { what: 'network "a"', match: { name: "a" }, ctx: ctx(), finish: async () => Promise.reject(failing) }),
  ).rejects.toBe(failing);
  expect(sent).toEqual(["POST /v2.0/networks", "DELETE /v2.0/networks/n1"]);
});

test("createdSince asks Neutron for the project's objects with those fields and keeps the ones made since", async () => {
  const since = new Date("2024-05-01T10:00:00Z");
  const { client, sent } = fakeClient(() => ({
    networks: [
      { id: "old", name: "a", created_at: "2024-05-01T09:00:00Z" },
      { id: "new", name: "a", created_at: "2024-05-01T10:00:03Z" },
      { id: "other", name: "ab", created_at: "2024-05-01T10:00:03Z" },
    ],
  }));
  expect((await networks.createdSince(client, { name: "a" }, since)).map((n: any) => n.id)).toEqual(["new"]);
  expect(sent).toEqual(["GET /v2.0/networks"]);
});
