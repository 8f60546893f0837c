/** Neutron calls for routers. */
import type { OpContext } from "../../core/controller";
import type { OpenStackClient } from "../client";
import { AdoptInput, deleteUntilGone, findByIdOrName, listCreatedSince } from "../common";
import type { ApiRouter } from "./results";
import type { RouterInputs } from "./types";
import { COLLECTION, ROUTERS, routerUrl, SERVICE } from "./urls";

type Client = Pick<OpenStackClient, "projectId" | "get" | "post" | "put" | "delete">;
const statusOf = (e: unknown) => (e as { status?: number } | null)?.status;

/** external_gateway_info for the inputs; {} clears the gateway. */
export function gatewayInfo(i: RouterInputs): Record<string, unknown> {
  if (!i.externalNetworkId) return {};
  const gw: Record<string, unknown> = { network_id: i.externalNetworkId };
  if (i.enableSnat !== undefined) gw.enable_snat = i.enableSnat;
  return gw;
}

export function createBody(i: RouterInputs): Record<string, unknown> {
  const body: Record<string, unknown> = { name: i.name };
  if (i.description !== undefined) body.description = i.description;
  if (i.adminStateUp !== undefined) body.admin_state_up = i.adminStateUp;
  if (i.externalNetworkId) body.external_gateway_info = gatewayInfo(i);
  return body;
}

export function updateBody(i: RouterInputs, changed: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changed.includes("name")) body.name = i.name;
  if (changed.includes("description")) body.description = i.description ?? "";
  if (changed.includes("adminStateUp") && i.adminStateUp !== undefined) body.admin_state_up = i.adminStateUp;
  if (changed.includes("externalNetworkId") || changed.includes("enableSnat")) body.external_gateway_info = gatewayInfo(i);
  return body;
}

export async function createRouter(client: Client, body: Record<string, unknown>): Promise<ApiRouter> {
  return (await client.post(SERVICE, ROUTERS, { router: body })).router;
}

export async function getRouter(client: Client, id: string): Promise<ApiRouter | null> {
  try {
    return (await client.get(SERVICE, routerUrl(id)))?.router ?? null;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

export async function updateRouter(client: Client, id: string, body: Record<string, unknown>): Promise<ApiRouter> {
  return (await client.put(SERVICE, routerUrl(id), { router: body })).router;
}

export async function findRouter(client: Client, adopt: AdoptInput): Promise<string | null> {
  return findByIdOrName(client, COLLECTION, adopt);
}

/** The project's routers named `name` created at or after `since` (what a create whose answer was lost made). */
export async function routersCreatedSince(client: Client, name: string, since: Date): Promise<ApiRouter[]> {
  return listCreatedSince(client, COLLECTION, { name }, since);
}

/** Delete; a router that still has interfaces answers 409 (RouterInUse) and is retried until the deadline. */
export async function deleteRouter(client: Client, id: string, ctx: Pick<OpContext, "deadline" | "progress">): Promise<void> {
  await deleteUntilGone(client, SERVICE, routerUrl(id), `router ${id}`, ctx);
}
