/** Neutron network API calls (one request each). */
import { isNotFound } from "../../core/errors";
import type { OpContext } from "../../core/controller";
import { AdoptInput, deleteUntilGone, findByIdOrName, listCreatedSince, replaceTags } from "../common";
import type { OpenStackClient } from "../client";
import { NetworkInputs, UPDATABLE } from "./types";
import { networkUrl, networksUrl, SERVICE } from "./urls";

/** The POST body for the fields the user set (omitted fields get Neutron's defaults). */
export function createBody(i: NetworkInputs): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, attr] of Object.entries(UPDATABLE)) {
    const v = (i as Record<string, unknown>)[field];
    if (v !== undefined) body[attr] = v;
  }
  if (i.providerNetworkType !== undefined) body["provider:network_type"] = i.providerNetworkType;
  if (i.providerPhysicalNetwork !== undefined) body["provider:physical_network"] = i.providerPhysicalNetwork;
  if (i.providerSegmentationId !== undefined) body["provider:segmentation_id"] = i.providerSegmentationId;
  if (i.availabilityZoneHints !== undefined) body.availability_zone_hints = i.availabilityZoneHints;
  return body;
}

/** The PUT body: only the in-place fields listed in `changed`. */
export function updateBody(news: NetworkInputs, changed: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of changed) {
    const attr = UPDATABLE[field];
    if (attr) body[attr] = (news as Record<string, unknown>)[field];
  }
  return body;
}

export async function createNetwork(client: OpenStackClient, body: Record<string, unknown>): Promise<any> {
  return (await client.post(SERVICE, networksUrl(), { network: body })).network;
}

/** The network, or null when it does not exist. */
export async function getNetwork(client: OpenStackClient, id: string): Promise<any | null> {
  try {
    return (await client.get(SERVICE, networkUrl(id))).network;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

export async function updateNetwork(client: OpenStackClient, id: string, body: Record<string, unknown>): Promise<any> {
  return (await client.put(SERVICE, networkUrl(id), { network: body })).network;
}

export async function setNetworkTags(client: OpenStackClient, id: string, tags: string[]): Promise<string[]> {
  return replaceTags(client, SERVICE, networkUrl(id), tags);
}

export async function deleteNetwork(client: OpenStackClient, id: string, ctx: Pick<OpContext, "deadline" | "progress">): Promise<void> {
  await deleteUntilGone(client, SERVICE, networkUrl(id), `network ${id}`, ctx);
}

const COLLECTION = { service: SERVICE, path: networksUrl(), singular: "network", plural: "networks" };

export async function findNetwork(client: OpenStackClient, adopt: AdoptInput): Promise<string | null> {
  return findByIdOrName(client, COLLECTION, adopt);
}

/** The project's networks named `name` created at or after `since` (what a create whose answer was lost made). */
export async function networksCreatedSince(client: OpenStackClient, name: string, since: Date): Promise<any[]> {
  return listCreatedSince(client, COLLECTION, { name }, since);
}
