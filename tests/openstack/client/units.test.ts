import { tokensUrl } from "../../../provider/openstack/client/auth";
import { endpointFor, joinUrl, queryString } from "../../../provider/openstack/client/catalog";
import { parseErrorBody } from "../../../provider/openstack/client/errors";
import { backoffMs, retryAfterMs, retryPolicy, shouldRetry, isIdempotent } from "../../../provider/openstack/client/retry";

describe("OpenStack client: URL joining", () => {
  it.each([
    ["http://h:9696", "/v2.0/networks", "http://h:9696/v2.0/networks"],
    ["http://h:9696/", "/v2.0/networks", "http://h:9696/v2.0/networks"],
    ["http://h:9696/v2.0", "/v2.0/networks", "http://h:9696/v2.0/networks"],
    ["http://h:9696/v2.0/", "/v2.0/networks/abc", "http://h:9696/v2.0/networks/abc"],
    ["https://h/network/", "/v2.0/ports", "https://h/network/v2.0/ports"],
    ["http://h:5000/v3/", "/v3/auth/tokens", "http://h:5000/v3/auth/tokens"],
    ["http://h:8774/v2.1/p1", "/v2.1/servers", "http://h:8774/v2.1/p1/servers"],
    ["http://h:8774/v2.1/p1", "/servers/detail", "http://h:8774/v2.1/p1/servers/detail"],
  ])("%s + %s", (base, p, want) => expect(joinUrl(base, p)).toBe(want));

  it("builds queries with repeated keys and leaves out undefined", () => {
    expect(queryString({ fields: ["id", "name"], name: "ext net", shared: false, limit: 5, x: undefined })).toBe(
      "?fields=id&fields=name&name=ext+net&shared=false&limit=5",
    );
    expect(queryString({})).toBe("");
  });

  it.each([
    ["http://h:5000/v3", "http://h:5000/v3/auth/tokens"],
    ["http://h:5000/v3/", "http://h:5000/v3/auth/tokens"],
    ["http://h:5000", "http://h:5000/v3/auth/tokens"],
    ["http://h:5000/v2.0", "http://h:5000/v3/auth/tokens"],
    ["https://h/identity/", "https://h/identity/v3/auth/tokens"],
  ])("token URL from %s", (authUrl, want) => expect(tokensUrl(authUrl)).toBe(want));
});

describe("OpenStack client: catalog", () => {
  const catalog = [
    { type: "network", endpoints: [
      { interface: "public", region_id: "R1", url: "http://pub1:9696" },
      { interface: "internal", region_id: "R1", url: "http://int1:9696" },
      { interface: "public", region_id: "R2", url: "http://pub2:9696" },
    ] },
    { type: "compute", endpoints: [{ interface: "public", region_id: "R1", url: "http://nova:8774/v2.1/%(project_id)s" }] },
  ];
  const opts = { interface: "public", projectId: "P" };

  it("picks by interface and region, fills the project id, and lets overrides win", () => {
    expect(endpointFor(catalog, "network", { ...opts, regionName: "R2" })).toBe("http://pub2:9696");
    expect(endpointFor(catalog, "network", { ...opts, interface: "internal" })).toBe("http://int1:9696");
    expect(endpointFor(catalog, "compute", opts)).toBe("http://nova:8774/v2.1/P");
    expect(endpointFor(catalog, "network", { ...opts, overrides: { network: "http://127.0.0.1:1" } })).toBe("http://127.0.0.1:1");
  });

  it("explains a missing service", () => {
    expect(() => endpointFor(catalog, "image", opts)).toThrow(/no image endpoint .* services: network, compute/);
  });
});

describe("OpenStack client: error bodies", () => {
  it("reads Neutron, Keystone, Nova and plain-text errors", () => {
    expect(parseErrorBody({ NeutronError: { type: "SecurityGroupRuleExists", message: "exists", detail: "" } })).toEqual({ errorType: "SecurityGroupRuleExists", detail: "exists" });
    expect(parseErrorBody('{"error": {"code": 401, "title": "Unauthorized", "message": "auth needed"}}')).toEqual({ errorType: "Unauthorized", detail: "auth needed" });
    expect(parseErrorBody({ itemNotFound: { code: 404, message: "no server" } })).toEqual({ errorType: "itemNotFound", detail: "no server" });
    expect(parseErrorBody("<html><body><h1>502 Bad Gateway</h1></body></html>")).toEqual({ detail: "502 Bad Gateway" });
    expect(parseErrorBody(null)).toEqual({});
  });
});

describe("OpenStack client: retry policy", () => {
  const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 10_000, maxRetryAfterMs: 60_000, refusedWaitMs: 60_000 };

  it("retries idempotent requests on connection failures and 429/502/503/504, POST only when refused", () => {
    for (const status of [429, 502, 503, 504]) expect(shouldRetry({ status }, true)).toBe(true);
    for (const status of [400, 401, 404, 409, 500]) expect(shouldRetry({ status }, true)).toBe(false);
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]) expect(shouldRetry({ code }, true)).toBe(true);
    expect(shouldRetry({ code: "ECONNREFUSED" }, false)).toBe(true);
    expect(shouldRetry({ code: "ECONNRESET" }, false)).toBe(false);
    expect(shouldRetry({ code: "ETIMEDOUT" }, false)).toBe(false);
    expect(shouldRetry({ status: 503 }, false)).toBe(false);
    expect(["GET", "PUT", "DELETE", "HEAD"].every(isIdempotent)).toBe(true);
    expect(["POST", "PATCH"].some(isIdempotent)).toBe(false);
  });

  it("backs off exponentially with jitter inside [half, full] of the step, capped", () => {
    expect(backoffMs(1, policy, () => 0)).toBe(250);
    expect(backoffMs(1, policy, () => 1)).toBe(500);
    expect(backoffMs(3, policy, () => 0.5)).toBe(1500);
    expect(backoffMs(20, policy, () => 1)).toBe(10_000);
  });

  it("reads Retry-After as seconds or a date, capped", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(retryAfterMs("2", policy, now)).toBe(2000);
    expect(retryAfterMs("Mon, 01 Jan 2024 00:00:05 GMT", policy, now)).toBe(5000);
    expect(retryAfterMs("3600", policy, now)).toBe(60_000);
    expect(retryAfterMs("soon", policy, now)).toBeUndefined();
    expect(retryAfterMs(undefined, policy, now)).toBeUndefined();
  });

  it("takes its bounds from the environment at call time", () => {
    expect(retryPolicy({ OSLAB_HTTP_MAX_ATTEMPTS: "3", OSLAB_HTTP_RETRY_BASE_MS: "10" })).toMatchObject({ maxAttempts: 3, baseDelayMs: 10 });
    expect(retryPolicy({ OSLAB_HTTP_MAX_ATTEMPTS: "zero" })).toMatchObject({ maxAttempts: 6, baseDelayMs: 500 });
    expect(retryPolicy({ OSLAB_HTTP_REFUSED_WAIT_MS: "0" })).toMatchObject({ refusedWaitMs: 0 });
    expect(retryPolicy({})).toMatchObject({ refusedWaitMs: 60_000 });
  });
});
