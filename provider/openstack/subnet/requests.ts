/** Neutron subnet API calls: the shared CRUD (neutronResource) and the request bodies. */
import { neutronResource, normalizeIp, parseCidr } from "../common";
import { usableRange } from "./checks";
import type { SubnetInputs } from "./types";
import { COLLECTION } from "./urls";

export const subnets = neutronResource(COLLECTION);

/** gateway_ip for the inputs: null for noGateway, the given address, or (when the user turns a gateway back on
 * without naming one) the first usable address, which is what Neutron picks at create. */
export function gatewayFor(i: SubnetInputs): string | null | undefined {
  if (i.noGateway === true) return null;
  if (i.gatewayIp !== undefined) return i.gatewayIp;
  if (i.noGateway === false) {
    const c = parseCidr(i.cidr)!;
    const first = usableRange(c).first;
    const text =
      c.version === 4
        ? [24, 16, 8, 0].map((s) => Number((first >> BigInt(s)) & 255n)).join(".")
        : (first.toString(16).padStart(32, "0").match(/.{4}/g) as string[]).join(":");
    return normalizeIp(text);
  }
  return undefined;
}

/** Neutron attributes of the mutable fields the user set (or, with `only`, of those fields alone). */
function mutableAttrs(i: SubnetInputs, only?: string[]): Record<string, unknown> {
  const wanted = (f: string) => (only ? only.includes(f) : (i as unknown as Record<string, unknown>)[f] !== undefined);
  const b: Record<string, unknown> = {};
  if (wanted("name")) b.name = i.name;
  if (wanted("description")) b.description = i.description;
  if (wanted("enableDhcp")) b.enable_dhcp = i.enableDhcp;
  if (wanted("allocationPools")) b.allocation_pools = i.allocationPools ?? [];
  if (wanted("dnsNameservers")) b.dns_nameservers = i.dnsNameservers ?? [];
  if (wanted("hostRoutes")) b.host_routes = (i.hostRoutes ?? []).map((r) => ({ destination: r.destination, nexthop: r.nextHop }));
  if (wanted("gatewayIp") || wanted("noGateway")) {
    const g = gatewayFor(i);
    if (g !== undefined) b.gateway_ip = g;
  }
  return b;
}

export function createBody(i: SubnetInputs): Record<string, unknown> {
  const body: Record<string, unknown> = {
    network_id: i.networkId,
    cidr: i.cidr,
    ip_version: i.ipVersion ?? parseCidr(i.cidr)?.version,
    ...mutableAttrs(i),
  };
  if (i.ipv6AddressMode) body.ipv6_address_mode = i.ipv6AddressMode;
  if (i.ipv6RaMode) body.ipv6_ra_mode = i.ipv6RaMode;
  return body;
}

/** The PUT body: only the in-place fields listed in `changed`. */
export function updateBody(news: SubnetInputs, changed: string[]): Record<string, unknown> {
  return mutableAttrs(news, changed);
}
