import { OpenStackConfigError } from "./errors";

/** The catalog service types the library calls: the keys `endpointOverrides` takes. */
export const SERVICE_TYPES = ["identity", "network", "compute", "image", "placement"] as const;

/** One service of the Keystone v3 catalog. */
export interface CatalogEntry {
  type: string;
  name?: string;
  endpoints: Array<{ interface: string; region?: string; region_id?: string; url: string }>;
}

/**
 * The base URL of `service`: `overrides[service]` if given, else the catalog endpoint with the wanted interface
 * (and region when one is set). `$(project_id)s` / `%(project_id)s` / `%(tenant_id)s` are filled in.
 */
export function endpointFor(
  catalog: CatalogEntry[],
  service: string,
  opts: { interface: string; regionName?: string; overrides?: Record<string, string>; projectId: string },
): string {
  const override = opts.overrides?.[service];
  const url = override ?? fromCatalog(catalog, service, opts.interface, opts.regionName);
  return url.replace(/[$%]\((?:project_id|tenant_id)\)s/g, opts.projectId);
}

function fromCatalog(catalog: CatalogEntry[], service: string, iface: string, region?: string): string {
  const entries = catalog.filter((e) => e.type === service);
  const endpoints = entries.flatMap((e) => e.endpoints ?? []);
  const match = endpoints.find(
    (ep) => ep.interface === iface && (!region || ep.region_id === region || ep.region === region),
  );
  if (match) return match.url;
  const have = endpoints.map((ep) => `${ep.interface}@${ep.region_id ?? ep.region ?? "?"}`).join(", ");
  throw new OpenStackConfigError(
    `no ${service} endpoint in the catalog for interface ${iface}${region ? ` in region ${region}` : ""}` +
      (have ? ` (it has: ${have})` : ` (the catalog has no ${service} service; services: ${catalog.map((e) => e.type).join(", ") || "none"})`) +
      `; set regionName/interface, or endpointOverrides.${service}`,
  );
}

const VERSION = /^v\d+(\.\d+)?$/;

/**
 * `base` + `path`, whether or not base ends in "/" or already carries the version the path starts with:
 * ("http://h:9696", "/v2.0/networks"), ("http://h:9696/", ...) and ("http://h:9696/v2.0/", ...) all give
 * http://h:9696/v2.0/networks; ("http://h:8774/v2.1/PID", "/v2.1/servers") gives http://h:8774/v2.1/PID/servers.
 */
export function joinUrl(base: string, path: string): string {
  const u = new URL(base);
  const baseSegs = u.pathname.split("/").filter(Boolean);
  const [pathOnly, query] = splitQuery(path);
  let pathSegs = pathOnly.split("/").filter(Boolean);
  if (pathSegs.length > 0 && VERSION.test(pathSegs[0]) && baseSegs.includes(pathSegs[0])) pathSegs = pathSegs.slice(1);
  const trailing = pathOnly.endsWith("/") && pathSegs.length > 0 ? "/" : "";
  u.pathname = `/${[...baseSegs, ...pathSegs].join("/")}${trailing}`;
  u.search = query;
  return u.toString();
}

function splitQuery(path: string): [string, string] {
  const i = path.indexOf("?");
  return i < 0 ? [path, ""] : [path.slice(0, i), path.slice(i)];
}

/** `?a=1&fields=x&fields=y` from a query object (arrays repeat the key; undefined values are left out). */
export function queryString(query: Record<string, string | number | boolean | string[] | undefined> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, String(x)));
    else params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
