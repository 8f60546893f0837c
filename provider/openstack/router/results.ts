/** Neutron router body -> outputs. */
import type { RouterOutputs } from "./types";

export interface ApiRouter {
  id: string;
  name: string;
  description?: string | null;
  admin_state_up: boolean;
  status: string;
  project_id: string;
  external_gateway_info: null | {
    network_id: string;
    enable_snat?: boolean;
    external_fixed_ips?: Array<{ subnet_id: string; ip_address: string }>;
  };
}

export function routerOutputs(r: ApiRouter): RouterOutputs {
  const gw = r.external_gateway_info;
  return {
    name: r.name,
    description: r.description ?? "",
    externalNetworkId: gw?.network_id ?? null,
    enableSnat: gw ? (gw.enable_snat ?? null) : null,
    adminStateUp: r.admin_state_up,
    externalFixedIps: (gw?.external_fixed_ips ?? []).map((ip) => ({ subnetId: ip.subnet_id, ipAddress: ip.ip_address })),
    status: r.status,
    projectId: r.project_id,
  };
}
