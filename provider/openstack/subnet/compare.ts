/** How subnet fields are compared in diff: addresses by value (IPv6 spellings vary), pools and routes as sets. */
import type { FieldCompare } from "../../core/controller";
import { sameSet } from "../../core/deepEqual";
import { normalizeCidr, normalizeIp } from "../common";
import type { AllocationPool, HostRoute } from "./types";

const ip = (a: unknown) => (typeof a === "string" ? normalizeIp(a) : a ?? null);
const pools = (ps: AllocationPool[] | null | undefined) => (ps ?? []).map((p) => ({ start: normalizeIp(p.start), end: normalizeIp(p.end) }));
const routes = (rs: HostRoute[] | null | undefined) =>
  (rs ?? []).map((r) => ({ destination: normalizeCidr(r.destination), nextHop: normalizeIp(r.nextHop) }));

export const SUBNET_COMPARE: Record<string, FieldCompare> = {
  cidr: (a, b) => typeof b === "string" && normalizeCidr(a) === normalizeCidr(b),
  gatewayIp: (a, b) => ip(a) === ip(b),
  allocationPools: (a, b) => sameSet(pools(a), pools(b)),
  dnsNameservers: (a, b) => JSON.stringify((a ?? []).map(ip)) === JSON.stringify((b ?? []).map(ip)),
  hostRoutes: (a, b) => sameSet(routes(a), routes(b)),
  tags: "set",
};
