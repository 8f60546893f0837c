import { clientFor, forgetClients, OpenStackClient, OpenStackHttpError } from "../../../provider/openstack/client";
import { adminCloud } from "../../support/cloud";
import { FaultProxy, startFaultProxy } from "../../support/faultProxy";
import { ActiveTrace, startTrace } from "../../support/httpTrace";
import { everythingIn, rejectionOf, uniqueName, withEnv } from "./helpers";

/** Short backoff so the suite stays quick; the policy itself is the same. */
const FAST_RETRIES = { OSLAB_HTTP_RETRY_BASE_MS: "100", OSLAB_HTTP_MAX_ATTEMPTS: "6" };

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch (e) {
    return /ECONNREFUSED/.test(String((e as { cause?: { code?: string } }).cause?.code));
  }
}

describe("OpenStack client: retries against a faulty Neutron", () => {
  let proxy: FaultProxy;
  let direct: OpenStackClient;
  let viaProxy: OpenStackClient;
  let trace: ActiveTrace;
  const created: string[] = [];

  beforeAll(async () => {
    proxy = await startFaultProxy("http://127.0.0.1:9696");
    direct = await clientFor(adminCloud());
    viaProxy = await clientFor({ ...adminCloud(), endpointOverrides: { network: proxy.url } });
  });
  afterAll(async () => {
    for (const id of created) await direct.delete("network", `/v2.0/networks/${id}`).catch(() => undefined);
    await proxy.close();
  });
  beforeEach(() => (trace = startTrace()));
  afterEach(() => {
    proxy.failNext(0);
    proxy.resetNext(0);
    trace.stop();
  });

  async function networksNamed(name: string): Promise<string[]> {
    const { networks } = await direct.get("network", "/v2.0/networks", { name, fields: "id" });
    networks.forEach((n: { id: string }) => created.includes(n.id) || created.push(n.id));
    return networks.map((n: { id: string }) => n.id);
  }

  it("GET succeeds when Neutron answers 503 twice and then recovers", () =>
    withEnv(FAST_RETRIES, async () => {
      proxy.failNext(2);
      const { networks } = await viaProxy.get("network", "/v2.0/networks", { fields: "id" });
      expect(Array.isArray(networks)).toBe(true);
      expect(trace.lines().filter((l) => l.path === "/v2.0/networks").map((l) => l.status)).toEqual([503, 503, 200]);
    }));

  it("GET succeeds after two connection resets", () =>
    withEnv(FAST_RETRIES, async () => {
      proxy.resetNext(2);
      await viaProxy.get("network", "/v2.0/networks", { fields: "id" });
      expect(trace.lines().map((l) => l.status)).toEqual([null, null, 200]);
      expect(trace.lines()[0].error).toBe("ECONNRESET");
    }));

  it("honours Retry-After on 429", () =>
    withEnv(FAST_RETRIES, async () => {
      proxy.failNext(1, { status: 429, retryAfterSeconds: 1 });
      const started = Date.now();
      await viaProxy.get("network", "/v2.0/networks", { fields: "id" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(trace.lines().map((l) => l.status)).toEqual([429, 200]);
    }));

  it("does not repeat a POST whose answer was a 503 after Neutron did the work", () =>
    withEnv(FAST_RETRIES, async () => {
      const name = uniqueName("oslab-client-503");
      proxy.failNext(2, { forward: true });
      const e = await rejectionOf(viaProxy.post("network", "/v2.0/networks", { network: { name } }));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e.status).toBe(503);
      expect(trace.count({ method: "POST", path: "/v2.0/networks" })).toBe(1);
      expect(await networksNamed(name)).toHaveLength(1);
    }));

  it("does not repeat a POST whose connection was reset after sending", () =>
    withEnv(FAST_RETRIES, async () => {
      const name = uniqueName("oslab-client-reset");
      proxy.resetNext(2, { forward: true });
      const e = await rejectionOf(viaProxy.post("network", "/v2.0/networks", { network: { name } }));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e.status).toBe(0);
      expect(e.code).toBe("ECONNRESET");
      expect(await networksNamed(name)).toHaveLength(1);
    }));

  /** POSTs a network named `name` through the proxy while the proxy refuses connections for `downMs`. */
  async function createWhileRefused(name: string, downMs: number): Promise<void> {
    await proxy.refuse();
    expect(await refused(proxy.url)).toBe(true);
    // the client hears of its idle keep-alive socket's close a moment later (a POST on it then would be reset, not refused)
    await new Promise((r) => setTimeout(r, 50));
    const back = setTimeout(() => void proxy.accept(), downMs);
    try {
      const { network } = await viaProxy.post("network", "/v2.0/networks", { network: { name } });
      created.push(network.id);
    } finally {
      clearTimeout(back);
      await proxy.accept().catch(() => undefined);
    }
  }

  it("retries a POST whose connection was refused (nothing was sent) and creates exactly one object", () =>
    withEnv(FAST_RETRIES, async () => {
      const name = uniqueName("oslab-client-refused");
      await createWhileRefused(name, 400);
      expect(await networksNamed(name)).toHaveLength(1);
    }));

  it("keeps retrying a refused POST past its attempts while the service restarts (refused for 2 s), then creates one object", () =>
    // 2 attempts at 100 ms backoff are over in a fraction of a second: only the refused-connection wait carries on
    withEnv({ ...FAST_RETRIES, OSLAB_HTTP_MAX_ATTEMPTS: "2" }, async () => {
      const name = uniqueName("oslab-client-restart");
      await createWhileRefused(name, 2000);
      expect(await networksNamed(name)).toHaveLength(1);
    }));

  it("does not repeat a PUT marked not idempotent", () =>
    withEnv(FAST_RETRIES, async () => {
      const { network } = await direct.post("network", "/v2.0/networks", { network: { name: uniqueName("oslab-client-put") } });
      created.push(network.id);
      proxy.failNext(2, { forward: true });
      const body = { network: { description: "changed once" } };
      const e = await rejectionOf(viaProxy.request("network", "PUT", `/v2.0/networks/${network.id}`, { body, idempotent: false }));
      expect(e).toMatchObject({ status: 503, attempts: 1 });
      expect(trace.count({ method: "PUT" })).toBe(1);
      expect((await direct.get("network", `/v2.0/networks/${network.id}`)).network.description).toBe("changed once");
    }));

  it("a retried DELETE whose first answer was lost still succeeds", () =>
    withEnv(FAST_RETRIES, async () => {
      const { network } = await direct.post("network", "/v2.0/networks", { network: { name: uniqueName("oslab-client-del") } });
      created.push(network.id);
      proxy.failNext(1, { forward: true });
      await viaProxy.delete("network", `/v2.0/networks/${network.id}`);
      expect(trace.lines().filter((l) => l.method === "DELETE").map((l) => l.status)).toEqual([503, 404]);
      await expect(direct.get("network", `/v2.0/networks/${network.id}`)).rejects.toMatchObject({ status: 404 });
    }));

  it("gives up after the allowed attempts with a typed error that carries no secret", () =>
    withEnv({ ...FAST_RETRIES, OSLAB_HTTP_MAX_ATTEMPTS: "3" }, async () => {
      proxy.failNext(50);
      const e = await rejectionOf(viaProxy.get("network", "/v2.0/networks"));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e).toMatchObject({ status: 503, method: "GET", path: "/v2.0/networks", errorType: "ServiceUnavailable", attempts: 3 });
      expect(e.requestId).toBe(proxy.lastInjectedRequestId);
      expect(e.message).toContain(proxy.lastInjectedRequestId);
      expect(trace.count({ path: "/v2.0/networks" })).toBe(3);
      const token = proxy.lastToken!;
      expect(token.length).toBeGreaterThan(20);
      const text = everythingIn(e);
      expect(text).not.toContain(token);
      expect(text).not.toContain(adminCloud().password);
    }));
});

describe("OpenStack client: Keystone down, then back", () => {
  let proxy: FaultProxy;
  let trace: ActiveTrace;
  beforeEach(async () => {
    forgetClients();
    proxy = await startFaultProxy("http://127.0.0.1:5000");
    trace = startTrace();
  });
  afterEach(async () => {
    trace.stop();
    await proxy.close();
  });

  it("the first authentication waits for Keystone to come back", () =>
    withEnv(FAST_RETRIES, async () => {
      await proxy.refuse();
      expect(await refused(proxy.url)).toBe(true);
      setTimeout(() => void proxy.accept(), 400);
      const os = await clientFor({ ...adminCloud(), authUrl: `${proxy.url}/v3` });
      await os.get("network", "/v2.0/networks", { fields: "id" });
      expect(trace.tokenRequests()).toBe(1);
      expect(proxy.seen.filter((r) => r.path === "/v3/auth/tokens")).toEqual([{ method: "POST", path: "/v3/auth/tokens", status: 201 }]);
    }));

  it("re-authentication mid-run waits for Keystone to come back", () =>
    withEnv(FAST_RETRIES, async () => {
      const cloud = { ...adminCloud(), authUrl: `${proxy.url}/v3`, endpointOverrides: { identity: proxy.url } };
      const os = await clientFor(cloud);
      await os.get("identity", "/v3/projects");
      const token = proxy.lastToken!;
      // Revoke the token straight at Keystone, then take Keystone (the proxy) away.
      const admin = await clientFor(adminCloud());
      await admin.request("identity", "DELETE", "/v3/auth/tokens", { headers: { "X-Subject-Token": token } });
      await proxy.refuse();
      setTimeout(() => void proxy.accept(), 400);
      // The identity GET itself is refused first, retried, then answered 401: re-auth, then success.
      const { projects } = await os.get("identity", "/v3/projects");
      expect(projects.length).toBeGreaterThan(0);
      expect(trace.count({ path: "/v3/projects", status: 401 })).toBe(1);
      expect(proxy.seen.filter((r) => r.path === "/v3/auth/tokens")).toHaveLength(2);
    }));

  it("gives up when Keystone stays down, naming the connection failure", () =>
    withEnv({ ...FAST_RETRIES, OSLAB_HTTP_MAX_ATTEMPTS: "2", OSLAB_HTTP_REFUSED_WAIT_MS: "0" }, async () => {
      await proxy.refuse();
      const e = await rejectionOf(clientFor({ ...adminCloud(), authUrl: `${proxy.url}/v3` }));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e).toMatchObject({ status: 0, code: "ECONNREFUSED", attempts: 2, path: "/v3/auth/tokens" });
      expect(e.message).toContain(`127.0.0.1:${proxy.port}`);
      expect(everythingIn(e)).not.toContain(adminCloud().password);
    }));
});
