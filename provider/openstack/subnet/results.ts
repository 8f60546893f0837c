/** Neutron subnet JSON -> openstack.Subnet outputs (addresses in canonical text). */
import { normalizeCidr, normalizeIp, sortedTags } from "../common";
import type { SubnetOutputs } from "./types";

export function subnetOutputs(s: any): SubnetOutputs {
  return {
    networkId: s.network_id,
    cidr: normalizeCidr(s.cidr),
    ipVersion: s.ip_version === 6 ? 6 : 4,
    name: s.name ?? "",
    description: s.description ?? "",
    gatewayIp: s.gateway_ip ? normalizeIp(s.gateway_ip) : null,
    noGateway: !s.gateway_ip,
    enableDhcp: !!s.enable_dhcp,
    allocationPools: (s.allocation_pools ?? []).map((p: any) => ({ start: normalizeIp(p.start), end: normalizeIp(p.end) })),
    dnsNameservers: (s.dns_nameservers ?? []).map(normalizeIp),
    hostRoutes: (s.host_routes ?? []).map((r: any) => ({ destination: normalizeCidr(r.destination), nextHop: normalizeIp(r.nexthop) })),
    ipv6AddressMode: s.ipv6_address_mode ?? null,
    ipv6RaMode: s.ipv6_ra_mode ?? null,
    tags: sortedTags(s.tags),
    projectId: s.project_id ?? s.tenant_id ?? "",
    subnetpoolId: s.subnetpool_id ?? null,
    createdAt: s.created_at ?? null,
  };
}
