/** Neutron calls for routers: the shared CRUD (neutronResource) and the request bodies. */
import { neutronResource } from "../common";
import type { ApiRouter } from "./results";
import type { RouterInputs } from "./types";
import { COLLECTION } from "./urls";

/** Deleting a router that still has interfaces answers 409 (RouterInUse): retried until the deadline. */
export const routers = neutronResource<ApiRouter>(COLLECTION);

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
