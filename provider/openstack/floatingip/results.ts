/** Neutron floating IP body -> outputs. */
import { normalizeIp } from "../common";
import type { FloatingIpOutputs } from "./types";

export interface ApiFloatingIp {
  id: string;
  floating_network_id: string;
  floating_ip_address: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  description?: string | null;
  router_id: string | null;
  status: string;
  project_id: string;
}

export function floatingIpOutputs(f: ApiFloatingIp): FloatingIpOutputs {
  return {
    networkId: f.floating_network_id,
    address: normalizeIp(f.floating_ip_address),
    portId: f.port_id ?? null,
    fixedIpAddress: f.fixed_ip_address ? normalizeIp(f.fixed_ip_address) : null,
    description: f.description ?? "",
    routerId: f.router_id ?? null,
    status: f.status,
    projectId: f.project_id,
  };
}
