/** Neutron network JSON -> openstack.Network outputs. */
import { sortedTags } from "../common";
import type { NetworkOutputs } from "./types";

export function networkOutputs(n: any): NetworkOutputs {
  return {
    name: n.name ?? "",
    description: n.description ?? "",
    external: !!n["router:external"],
    shared: !!n.shared,
    providerNetworkType: n["provider:network_type"] ?? null,
    providerPhysicalNetwork: n["provider:physical_network"] ?? null,
    providerSegmentationId: n["provider:segmentation_id"] ?? null,
    mtu: n.mtu ?? null,
    portSecurityEnabled: n.port_security_enabled ?? null,
    adminStateUp: n.admin_state_up !== false,
    tags: sortedTags(n.tags),
    availabilityZoneHints: n.availability_zone_hints ?? [],
    status: n.status ?? "",
    projectId: n.project_id ?? n.tenant_id ?? "",
    subnetIds: [...(n.subnets ?? [])].sort(),
    availabilityZones: n.availability_zones ?? [],
    createdAt: n.created_at ?? null,
  };
}
