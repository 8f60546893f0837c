/** Neutron calls for floating IPs: the shared CRUD (neutronResource), the request bodies, adopt by address. */
import type { OpenStackClient } from "../client";
import { AdoptInput, neutronResource } from "../common";
import type { ApiFloatingIp } from "./results";
import type { FloatingIpInputs } from "./types";
import { COLLECTION, FLOATINGIPS, SERVICE } from "./urls";

export const floatingIps = neutronResource<ApiFloatingIp>(COLLECTION, "floating IP");

export function createBody(i: FloatingIpInputs): Record<string, unknown> {
  const body: Record<string, unknown> = { floating_network_id: i.networkId };
  if (i.address) body.floating_ip_address = i.address;
  if (i.portId) body.port_id = i.portId;
  if (i.fixedIpAddress) body.fixed_ip_address = i.fixedIpAddress;
  if (i.description !== undefined) body.description = i.description;
  return body;
}

/** Association (port_id null = disassociate) and description, as changed. */
export function updateBody(i: FloatingIpInputs, changed: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changed.includes("portId") || changed.includes("fixedIpAddress")) {
    body.port_id = i.portId ?? null;
    if (i.portId && i.fixedIpAddress) body.fixed_ip_address = i.fixedIpAddress;
  }
  if (changed.includes("description")) body.description = i.description ?? "";
  return body;
}

/**
 * How to recognise the floating IP a create whose answer was lost made: by its address when one was asked for,
 * else by the port (a fixed address has at most one floating IP); null when nothing tells it apart.
 */
export function recoveryMatch(i: FloatingIpInputs): Record<string, string> | null {
  const match: Record<string, string> = { floating_network_id: i.networkId };
  if (i.address) return { ...match, floating_ip_address: i.address };
  if (i.portId) return i.fixedIpAddress ? { ...match, port_id: i.portId, fixed_ip_address: i.fixedIpAddress } : { ...match, port_id: i.portId };
  return null;
}

/**
 * adopt: by id, or by `name` = the floating address (floating IPs have no name), in the caller's project.
 */
export async function findFloatingIp(client: OpenStackClient, adopt: AdoptInput): Promise<string | null> {
  if (adopt.id) return (await floatingIps.get(client, adopt.id))?.id ?? null;
  const body = await client.get(SERVICE, FLOATINGIPS, { floating_ip_address: adopt.name, project_id: client.projectId });
  const found: ApiFloatingIp[] = body?.floatingips ?? [];
  return found.length === 1 ? found[0].id : null;
}
