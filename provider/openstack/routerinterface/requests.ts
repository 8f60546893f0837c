/** Neutron calls for router interfaces: add/remove_router_interface, and the router's ports on a subnet. */
import type { OpenStackClient } from "../client";
import { createdSince } from "../common";
import type { ApiPort } from "./results";
import { addInterfaceUrl, PORTS, removeInterfaceUrl, SERVICE } from "./urls";

type Client = Pick<OpenStackClient, "get" | "put" | "request">;
const statusOf = (e: unknown) => (e as { status?: number } | null)?.status;

/**
 * Attaches the subnet; returns the new port's id. Not repeated by the client when the answer is lost (a second
 * add would fail: the router already has a port on the subnet); the controller looks for the port instead.
 */
export async function addInterface(client: Client, routerId: string, subnetId: string): Promise<string> {
  const res = await client.request(SERVICE, "PUT", addInterfaceUrl(routerId), { body: { subnet_id: subnetId }, idempotent: false });
  return String(res.data.port_id);
}

/** The router's ports with an address on the subnet (one GET). */
export async function routerPortsOnSubnet(client: Client, routerId: string, subnetId: string): Promise<ApiPort[]> {
  const body = await client.get(SERVICE, PORTS, { device_id: routerId, fixed_ips: `subnet_id=${subnetId}` });
  return (body?.ports ?? []).filter((p: ApiPort) => p.device_id === routerId && p.fixed_ips.some((f) => f.subnet_id === subnetId));
}

/** The router's ports on the subnet created at or after `since` (what an add whose answer was lost made). */
export async function portsAddedSince(client: Client, routerId: string, subnetId: string, since: Date): Promise<string[]> {
  return (await routerPortsOnSubnet(client, routerId, subnetId)).filter((p) => createdSince(p, since)).map((p) => p.id);
}

/** Detaches the port; an interface (or router) already gone counts as removed. */
export async function removeInterface(client: Client, routerId: string, portId: string): Promise<void> {
  try {
    await client.put(SERVICE, removeInterfaceUrl(routerId), { port_id: portId });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
}
