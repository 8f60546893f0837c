/** A router's port on a subnet -> outputs. */
import type { RouterInterfaceOutputs } from "./types";

export interface ApiPort {
  id: string;
  device_id: string;
  device_owner: string;
  fixed_ips: Array<{ subnet_id: string; ip_address: string }>;
  created_at?: string;
}

export function interfaceOutputs(port: ApiPort, subnetId: string): RouterInterfaceOutputs {
  const ip = port.fixed_ips.find((f) => f.subnet_id === subnetId);
  return { routerId: port.device_id, subnetId: ip?.subnet_id ?? port.fixed_ips[0]?.subnet_id ?? subnetId, portId: port.id, ipAddress: ip?.ip_address ?? null };
}
