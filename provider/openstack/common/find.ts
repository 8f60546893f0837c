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
