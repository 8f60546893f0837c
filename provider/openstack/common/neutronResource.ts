/**
 * Neutron's CRUD, written once. Every Neutron resource is a collection (`/v2.0/networks`) of objects sent and
 * returned under one key (`{"network": {...}}`), so create, get, update, tags, delete and the adopt lookup are the
 * same calls for all of them. A resource's requests.ts builds one with its collection and keeps only what is its
 * own (request bodies, extra calls).
 */
import type { OpContext } from "../../core/controller";
import { isNotFound } from "../../core/errors";
import { Collection, findByIdOrName } from "./find";
import { beginCreate, createdObject, endCreate, journalKey, unfinishedCreate } from "../../core/createJournal";
import { createOrRecover, listCreatedSince, outcomeUnknown } from "./recover";
import { deleteUntilGone } from "./remove";
import type { AdoptInput } from "./schema";
import { replaceTags } from "./tags";

/** The parts of the client (provider/openstack/client) these calls use. */
export interface NeutronClient {
  readonly projectId: string;
  get(service: string, path: string, query?: Record<string, string | number | boolean | string[] | undefined>): Promise<any>;
  post(service: string, path: string, body: unknown): Promise<any>;
  put(service: string, path: string, body: unknown): Promise<any>;
  delete(service: string, path: string): Promise<any>;
}

type Body = Record<string, unknown>;
type Ctx = Pick<OpContext, "deadline" | "progress">;

export interface RecoverableCreate<T> {
  /** How messages name the object, e.g. `network "lab-net"`. */
  what: string;
  /**
   * Fields that tell the object a lost create made apart from every other (e.g. {name, network_id}); null when
   * nothing does (then the create is not recovered, and `unrecoverable` says what the user can do).
   */
  match: Record<string, string> | null;
  unrecoverable?: string;
  ctx: Ctx;
  /**
   * Steps after the create (tags ...), given the new object, returning it as it is then. When one fails the
   * new object is deleted: no object is left behind that Pulumi does not know about.
   */
  finish?: (obj: T, id: string) => Promise<T>;
}

export interface NeutronResource<T> {
  readonly collection: Collection;
  /** "security group": how messages name one. */
  readonly label: string;
  url(id: string): string;
  /** POST: one request; the client does not repeat it when the answer is lost (see `createOrRecover`). */
  create(client: NeutronClient, body: Body): Promise<T>;
  /** POST that survives a lost answer without duplicates (provider/openstack/common/recover.ts). */
  createOrRecover(client: NeutronClient, body: Body, how: RecoverableCreate<T>): Promise<T>;
  /** GET; null when it does not exist (404). */
  get(client: NeutronClient, id: string): Promise<T | null>;
  /** PUT of the given attributes. */
  update(client: NeutronClient, id: string, body: Body): Promise<T>;
  /**
   * update's one request: PUT the changed attributes (saying `message`, by default which ones), or GET when
   * none changed (an error when it is gone).
   */
  putOrGet(client: NeutronClient, id: string, body: Body, ctx: Ctx, message?: string): Promise<T>;
  /**
   * An update in place: the tags when they changed (`tags` given: one PUT .../tags), then putOrGet of `body` (the
   * changed attributes). The object as it is afterwards.
   */
  updateInPlace(client: NeutronClient, id: string, body: Body, tags: string[] | undefined, ctx: Ctx): Promise<T>;
  /** Replaces the whole tag set (one PUT .../tags); the tags as Neutron keeps them, sorted. */
  setTags(client: NeutronClient, id: string, tags: string[]): Promise<string[]>;
  /** DELETE; 404 = already gone, 409 (in use) retried until the deadline. */
  remove(client: NeutronClient, id: string, ctx: Ctx): Promise<void>;
  /** adopt: by id, or by name in the caller's project (`filters` narrow it, e.g. {network_id}). */
  find(client: NeutronClient, adopt: AdoptInput, filters?: Record<string, string>): Promise<string | null>;
  /** The project's objects whose fields equal `match`, created at or after `since`. */
  createdSince(client: NeutronClient, match: Record<string, string>, since: Date): Promise<T[]>;
}

/** `neutronResource({service: "network", path: "/v2.0/networks", singular: "network", plural: "networks"})`. */
export function neutronResource<T = any>(c: Collection, label = c.singular.replace(/_/g, " ")): NeutronResource<T> {
  const url = c.url;
  const api: NeutronResource<T> = {
    collection: c,
    label,
    url,
    async create(client, body) {
      return (await client.post(c.service, c.path, { [c.singular]: body }))[c.singular];
    },
    async createOrRecover(client, body, how) {
      const match = how.match;
      // A create of this very object that an earlier process began and never finished (createJournal.ts)?
      const key = match ? journalKey({ service: c.service, path: c.path, projectId: client.projectId, match }) : null;
      const earlier = key ? unfinishedCreate(key) : null;
      let obj: T | undefined;
      if (earlier && match) {
        // the object it made, when it heard back; else what was made since it began (its answer never came)
        const recorded = earlier.id ? await api.get(client, earlier.id) : null;
        const found = earlier.id ? (recorded ? [recorded] : []) : await api.createdSince(client, match, new Date(earlier.since));
        const ids = found.map((o) => String((o as { id?: unknown }).id));
        if (found.length > 1) {
          throw new Error(`${how.what}: an interrupted earlier create left ${found.length} matching objects (${ids.join(", ")}); delete the extra ones, or adopt one of them by id`);
        }
        if (found.length === 1) {
          how.ctx.progress(`an interrupted earlier create (process ${earlier.pid}) made ${ids[0]}; using it instead of creating another`);
          obj = found[0];
        }
      }
      if (!obj) {
        if (key) beginCreate(key, how.what);
        try {
          obj = await createOrRecover<T>({
            what: how.what,
            create: () => api.create(client, body),
            lookup: match ? (since) => api.createdSince(client, match, since) : undefined,
            unrecoverable: how.unrecoverable,
            ctx: how.ctx,
          });
        } catch (e) {
          if (key && !outcomeUnknown(e)) endCreate(key); // failed for certain: nothing to find next time
          throw e;
        }
      }
      const id = String((obj as { id?: unknown }).id);
      if (key) createdObject(key, id);
      if (!how.finish) return obj;
      try {
        return await how.finish(obj, id);
      } catch (e) {
        await api.remove(client, id, how.ctx).catch(() => undefined);
        if (key) endCreate(key); // the object is deleted again: nothing for a later create to use
        throw e;
      }
    },
    async get(client, id) {
      try {
        return (await client.get(c.service, url(id)))?.[c.singular] ?? null;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
    async update(client, id, body) {
      return (await client.put(c.service, url(id), { [c.singular]: body }))[c.singular];
    },
    async putOrGet(client, id, body, ctx, message) {
      if (Object.keys(body).length) {
        ctx.progress(message ?? `updating ${Object.keys(body).join(", ")}`);
        return api.update(client, id, body);
      }
      const obj = await api.get(client, id);
      if (!obj) throw new Error(`${label} ${id} no longer exists`);
      return obj;
    },
    async updateInPlace(client, id, body, tags, ctx) {
      if (tags) await api.setTags(client, id, tags);
      return api.putOrGet(client, id, body, ctx);
    },
    setTags(client, id, tags) {
      return replaceTags(client, c.service, url(id), tags);
    },
    remove(client, id, ctx) {
      return deleteUntilGone(client, c.service, url(id), `${label} ${id}`, ctx);
    },
    find(client, adopt, filters) {
      return findByIdOrName(client, c, adopt, filters);
    },
    createdSince(client, match, since) {
      return listCreatedSince(client, c, match, since);
    },
  };
  return api;
}
