/**
 * `adopt` lookups shared by the OpenStack resources: by id (one GET; 404 means "no such object") or by name
 * (exactly one match in the caller's project; several is an error that lists them).
 */
import type { AdoptInput } from "./schema";
import type { Collection } from "./urls";

export type { Collection };

/** The parts of the client this module uses (provider/openstack/client). */
export interface ClientLike {
  readonly projectId: string;
  get(service: string, path: string, query?: Record<string, string | number | boolean | string[] | undefined>): Promise<any>;
}

function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { status?: number }).status === 404;
}

/** The id of the object `adopt` names, or null when there is none. Throws when a name matches several. */
export async function findByIdOrName(
  client: ClientLike,
  c: Collection,
  adopt: AdoptInput,
  /** Extra API filters for a name lookup, e.g. {network_id} for subnets (names only need to be unique per network). */
  filters: Record<string, string> = {},
): Promise<string | null> {
  if (adopt.id) {
    let obj: any;
    try {
      obj = (await client.get(c.service, c.url(adopt.id)))?.[c.singular];
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    if (!obj) return null;
    if (adopt.name !== undefined && obj.name !== adopt.name) {
      throw new Error(`adopt: ${c.singular} ${adopt.id} is named "${obj.name}", not "${adopt.name}"`);
    }
    return String(obj.id);
  }
  const name = adopt.name as string;
  const body = await client.get(c.service, c.path, { ...filters, name, project_id: client.projectId });
  const matches: any[] = (body?.[c.plural] ?? []).filter(
    (o: any) => o.name === name && Object.entries(filters).every(([k, v]) => o[k] === undefined || o[k] === v),
  );
  if (matches.length === 0) return null;
  if (matches.length > 1) {
    throw new Error(
      `adopt: ${matches.length} ${c.plural} are named "${name}" in project ${client.projectId} ` +
        `(${matches.map((o) => o.id).join(", ")}); adopt by id instead`,
    );
  }
  return String(matches[0].id);
}

/**
 * The id of the object `adopt` names, for APIs read one object at a time (`get`: null when gone) and listed by
 * name (`named`: the candidates, filtered here to the exact name). Throws when the id's object has another name,
 * or when several have the name (`where` says where they were looked for, e.g. " in project p").
 */
export async function adoptByIdOrName<T extends { id: string; name?: string | null }>(
  adopt: AdoptInput,
  what: string,
  get: (id: string) => Promise<T | null>,
  named: (name: string) => Promise<T[]>,
  where = "",
): Promise<string | null> {
  if (adopt.id) {
    const o = await get(adopt.id);
    if (o && adopt.name !== undefined && o.name !== adopt.name) throw new Error(`adopt: ${what} ${adopt.id} is named "${o.name}", not "${adopt.name}"`);
    return o?.id ?? null;
  }
  const name = String(adopt.name);
  const found = (await named(name)).filter((o) => o.name === name);
  if (found.length > 1) throw new Error(`adopt: ${found.length} ${what}s are named "${name}"${where} (${found.map((o) => o.id).join(", ")}); adopt by id instead`);
  return found[0]?.id ?? null;
}
