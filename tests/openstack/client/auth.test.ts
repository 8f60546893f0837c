import { clientFor, forgetClients, OpenStackConfigError, OpenStackHttpError } from "../../../provider/openstack/client";
import { adminCloud, demoCloud } from "../../support/cloud";
import { startFaultProxy } from "../../support/faultProxy";
import { ActiveTrace, startTrace } from "../../support/httpTrace";
import * as util from "util";
import { everythingIn, rejectionOf } from "./helpers";

describe("OpenStack client: Keystone auth against the test cloud", () => {
  let trace: ActiveTrace;
  beforeEach(() => {
    forgetClients();
    trace = startTrace();
  });
  afterEach(() => trace.stop());

  it("authenticates scoped to the project and finds Neutron and Keystone in the catalog", async () => {
    const os = await clientFor(adminCloud());
    const { projects } = await os.get("identity", "/v3/projects", { name: "admin" });
    expect(projects).toHaveLength(1);
    expect(os.projectId).toBe(projects[0].id);
    const { users } = await os.get("identity", "/v3/users", { name: "admin" });
    expect(os.userId).toBe(users[0].id);
    const res = await os.request("network", "GET", "/v2.0/networks", { query: { fields: ["id", "name"] } });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.data.networks)).toBe(true);
    expect(res.headers["x-openstack-request-id"]).toMatch(/^req-/);
  });

  it("joins Neutron paths onto endpoint URLs with or without a trailing slash or version", async () => {
    for (const network of ["http://127.0.0.1:9696", "http://127.0.0.1:9696/", "http://127.0.0.1:9696/v2.0", "http://127.0.0.1:9696/v2.0/"]) {
      const os = await clientFor({ ...adminCloud(), endpointOverrides: { network } });
      const data = await os.get("network", "/v2.0/networks", { fields: "id" });
      expect(Array.isArray(data.networks)).toBe(true);
    }
    expect(trace.count({ service: "network", path: "/v2.0/networks", status: 200 })).toBe(4);
  });

  it("uses one token for many requests and for concurrent first calls", async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, () => clientFor(adminCloud())));
    await Promise.all(clients.map((c) => c.get("network", "/v2.0/networks", { fields: "id" })));
    for (let i = 0; i < 5; i++) await (await clientFor(adminCloud())).get("network", "/v2.0/security-groups", { fields: "id" });
    expect(new Set(clients).size).toBe(1);
    expect(trace.tokenRequests()).toBe(1);
    expect(trace.count({ service: "network" })).toBe(11);
  });

  it("keeps the connection alive between sequential requests", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:9696");
    try {
      const os = await clientFor({ ...adminCloud(), endpointOverrides: { network: proxy.url } });
      for (let i = 0; i < 5; i++) await os.get("network", "/v2.0/networks", { fields: "id" });
      expect(proxy.seen).toHaveLength(5);
      expect(proxy.connections).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("does not show the password or the token when a client is logged", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:9696");
    try {
      const os = await clientFor({ ...adminCloud(), endpointOverrides: { network: proxy.url } });
      await os.get("network", "/v2.0/networks", { fields: "id" });
      const shown = util.inspect(os, { depth: 20, showHidden: true }) + JSON.stringify(os);
      expect(shown).not.toContain(proxy.lastToken!);
      expect(shown).not.toContain(adminCloud().password);
    } finally {
      await proxy.close();
    }
  });

  it("keeps separate tokens for separate credentials", async () => {
    const admin = await clientFor(adminCloud());
    const demo = await clientFor(demoCloud());
    expect(demo.projectId).not.toBe(admin.projectId);
    await clientFor(adminCloud());
    await clientFor(demoCloud());
    expect(trace.tokenRequests()).toBe(2);
  });

  it("re-authenticates once when the token was revoked", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:5000");
    try {
      const cloud = { ...adminCloud(), endpointOverrides: { identity: proxy.url } };
      const os = await clientFor(cloud);
      await os.get("identity", "/v3/projects");
      const token = proxy.lastToken!;
      expect(token).toBeTruthy();
      await os.request("identity", "DELETE", "/v3/auth/tokens", { headers: { "X-Subject-Token": token } });

      const { projects } = await os.get("identity", "/v3/projects");
      expect(projects.map((p: { name: string }) => p.name)).toContain("admin");
      expect(trace.count({ path: "/v3/projects", status: 401 })).toBe(1);
      expect(trace.tokenRequests()).toBe(2);
      expect(proxy.lastToken).not.toBe(token);
    } finally {
      await proxy.close();
    }
  });

  it("renews a token that is about to expire before using it", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:5000");
    try {
      proxy.tokenLifetime(60);
      const os = await clientFor({ ...adminCloud(), authUrl: `${proxy.url}/v3` });
      await os.get("network", "/v2.0/networks", { fields: "id" });
      expect(trace.tokenRequests()).toBe(2);
      proxy.tokenLifetime(3600);
      await os.get("network", "/v2.0/networks", { fields: "id" });
      await os.get("network", "/v2.0/networks", { fields: "id" });
      expect(trace.tokenRequests()).toBe(3);
      expect(trace.count({ status: 401 })).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it("re-authenticates only once when the service keeps answering 401", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:5000");
    try {
      const os = await clientFor({ ...adminCloud(), endpointOverrides: { identity: proxy.url } });
      proxy.failNext(5, { status: 401 });
      const e = await rejectionOf(os.get("identity", "/v3/projects"));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e.status).toBe(401);
      expect(trace.tokenRequests()).toBe(2);
      expect(trace.count({ path: "/v3/projects" })).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it("rejects a wrong password with a 401 that does not echo it, and does not cache the failure", async () => {
    const wrong = { ...adminCloud(), password: "not-the-password-42" };
    const e = await rejectionOf(clientFor(wrong));
    expect(e).toBeInstanceOf(OpenStackHttpError);
    expect(e.status).toBe(401);
    expect(e.message).toContain("/v3/auth/tokens");
    expect(e.requestId).toMatch(/^req-/);
    expect(everythingIn(e)).not.toContain("not-the-password-42");
    await expect(clientFor(wrong)).rejects.toThrow(/401/);
    expect(trace.tokenRequests()).toBe(2);
  });

  it("names the region and interface when the catalog has no matching endpoint", async () => {
    const os = await clientFor({ ...adminCloud(), regionName: "NoSuchRegion" });
    const e = await rejectionOf(os.get("network", "/v2.0/networks"));
    expect(e).toBeInstanceOf(OpenStackConfigError);
    expect(e.message).toMatch(/no network endpoint.*interface public.*NoSuchRegion/);
    expect(e.message).toContain("public@RegionOne");
  });
});
