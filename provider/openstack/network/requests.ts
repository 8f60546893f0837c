/** Neutron network API calls: the shared CRUD (neutronResource) and the request bodies. */
import { neutronResource } from "../common";
import { NetworkInputs, UPDATABLE } from "./types";
import { COLLECTION } from "./urls";

export const networks = neutronResource(COLLECTION);

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
