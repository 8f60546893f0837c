/** Nova calls for flavors: create, get (with extra specs and access), extra specs, access, description, delete. */
import { nullIfNotFound } from "../../core/errors";
import { nova, OpenStackClient } from "../client";
import { adoptByIdOrName, AdoptInput } from "../common";
import type { ApiFlavor } from "./results";
import type { FlavorInputs } from "./types";
import { accessUrl, actionUrl, extraSpecsUrl, extraSpecUrl, FLAVORS, flavorUrl, MICROVERSION } from "./urls";

const call = <T = any>(client: OpenStackClient, method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown, query?: Record<string, string>) =>
  nova<T>(client, MICROVERSION, method, path, { body, query });

export async function createFlavor(client: OpenStackClient, i: FlavorInputs): Promise<ApiFlavor> {
  const flavor: Record<string, unknown> = {
    name: i.name, vcpus: i.vcpus, ram: i.ram, disk: i.disk, swap: i.swap,
    "OS-FLV-EXT-DATA:ephemeral": i.ephemeral, "os-flavor-access:is_public": i.isPublic,
  };
  if (i.flavorId) flavor.id = i.flavorId;
  if (i.description !== undefined) flavor.description = i.description;
  return (await call(client, "POST", FLAVORS, { flavor })).flavor;
}

export async function getFlavor(client: OpenStackClient, id: string): Promise<ApiFlavor | null> {
  return (await nullIfNotFound(call(client, "GET", flavorUrl(id))))?.flavor ?? null;
}

/** The projects a private flavor is open to (public flavors have no access list). */
export async function flavorAccess(client: OpenStackClient, f: ApiFlavor): Promise<string[]> {
  if (f["os-flavor-access:is_public"] !== false) return [];
  const body = await call(client, "GET", accessUrl(f.id));
  return (body?.flavor_access ?? []).map((a: { tenant_id: string }) => a.tenant_id);
}

/** Makes the extra specs exactly `want` (sets what differs, unsets what is extra). */
export async function setExtraSpecs(client: OpenStackClient, id: string, have: Record<string, string>, want: Record<string, string>): Promise<void> {
  const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
  if (Object.keys(set).length) await call(client, "POST", extraSpecsUrl(id), { extra_specs: set });
  for (const k of Object.keys(have)) {
    if (!(k in want)) {
      await nullIfNotFound(call(client, "DELETE", extraSpecUrl(id, k)));
    }
  }
}

/** Makes the access list exactly `want`. */
export async function setAccess(client: OpenStackClient, id: string, have: string[], want: string[]): Promise<void> {
  for (const p of want.filter((x) => !have.includes(x))) await call(client, "POST", actionUrl(id), { addTenantAccess: { tenant: p } });
  for (const p of have.filter((x) => !want.includes(x))) await call(client, "POST", actionUrl(id), { removeTenantAccess: { tenant: p } });
}

export async function setDescription(client: OpenStackClient, id: string, description: string): Promise<void> {
  await call(client, "PUT", flavorUrl(id), { flavor: { description } });
}

export async function deleteFlavor(client: OpenStackClient, id: string): Promise<void> {
  await nullIfNotFound(call(client, "DELETE", flavorUrl(id)));
}

/** adopt: by id, or by name among all flavors (public and private: flavors are not owned by a project). */
export async function findFlavor(client: OpenStackClient, adopt: AdoptInput): Promise<string | null> {
  return adoptByIdOrName(adopt, "flavor", (id) => getFlavor(client, id), async () => (await call(client, "GET", `${FLAVORS}/detail`, undefined, { is_public: "None" }))?.flavors ?? []);
}
