/** Nova server body (+ its Neutron ports) -> outputs. */
import type { ServerOutputs } from "./types";

export interface ApiServer {
  id: string;
  name: string;
  status: string;
  image: { id: string } | "" | null;
  flavor: { id: string };
  key_name: string | null;
  metadata: Record<string, string>;
  addresses: Record<string, Array<{ addr: string; version: number; "OS-EXT-IPS:type"?: string }>>;
  security_groups?: Array<{ name: string }>;
  "OS-EXT-AZ:availability_zone"?: string;
  "OS-EXT-STS:task_state"?: string | null;
  "OS-EXT-STS:vm_state"?: string;
  progress?: number;
  fault?: { message: string; code: number; details?: string };
  hostId?: string;
}

export interface ApiPort {
  id: string;
  network_id: string;
  security_groups: string[];
  fixed_ips: Array<{ ip_address: string }>;
}

export function powerStateOf(status: string): string {
  return status === "SHUTOFF" ? "shutoff" : status === "ACTIVE" ? "active" : status.toLowerCase();
}

/**
 * `securityGroups`: each live group as the stored inputs name it (by id or by name), so a group added or removed
 * by hand shows as drift of exactly that entry.
 */
export function serverOutputs(s: ApiServer, ports: ApiPort[], groups: Array<{ id: string; name: string }>, wanted: string[] | undefined): ServerOutputs {
  const addresses: Record<string, string[]> = {};
  let accessIpV4 = "";
  for (const [net, list] of Object.entries(s.addresses ?? {})) {
    addresses[net] = list.map((a) => a.addr);
    const fixed4 = list.find((a) => a.version === 4 && (a["OS-EXT-IPS:type"] ?? "fixed") === "fixed");
    if (!accessIpV4 && fixed4) accessIpV4 = fixed4.addr;
  }
  const want = wanted ?? [];
  const securityGroups = [...new Set(groups.map((g) => (want.includes(g.id) ? g.id : want.includes(g.name) ? g.name : wanted ? g.id : g.name)))].sort();
  return {
    name: s.name,
    imageId: s.image && typeof s.image === "object" ? s.image.id : "",
    flavorId: s.flavor?.id ?? "",
    keyPair: s.key_name ?? null,
    securityGroups,
    metadata: { ...(s.metadata ?? {}) },
    availabilityZone: s["OS-EXT-AZ:availability_zone"] ?? "",
    powerState: powerStateOf(s.status),
    status: s.status,
    addresses,
    accessIpV4,
    portIds: ports.map((p) => p.id).sort(),
    hostId: s.hostId ?? "",
  };
}
