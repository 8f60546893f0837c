/**
 * Creates that survive a lost answer without making duplicates.
 *
 * The client (provider/openstack/client) never repeats a POST whose answer was a 429/502/503/504 or whose
 * connection broke after sending: the server may have done the work. The resource knows how to tell its object
 * apart (a name in the project, a parent), so the recovery is here: after such a failure, look for what the lost
 * request may have made (created no earlier than the attempt), adopt exactly one match, or send the create again
 * when there is none (bounded, with backoff, within the operation's deadline). Several matches, or an object
 * that cannot be told apart (no name), are errors that say what to check: never a guess.
 */
import type { OpContext } from "../../core/controller";
import type { Collection } from "./urls";
import { retryUntil } from "../../core/retry";

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * True when a create failed in a way that says nothing about whether the server did it: an overloaded or
 * failing front end (429, 502, 503, 504), or a connection that broke after the request was sent.
 */
export function outcomeUnknown(e: unknown): boolean {
  const { status, code } = (e ?? {}) as { status?: number; code?: string };
  if (typeof status !== "number") return false;
  if (RETRYABLE_STATUS.has(status)) return true;
  return status === 0 && code !== undefined && code !== "ECONNREFUSED";
}

export type RecoverContext = Pick<OpContext, "deadline" | "progress">;

export interface RecoverOptions<T> {
  /** How error messages name the object, e.g. `network "lab-net"` (progress lines are named by makeProvider). */
  what: string;
  /** Sends the create once. */
  create: () => Promise<T>;
  /**
   * The objects the lost create may have made: those matching the request, created at or after `since`.
   * Absent when the object cannot be told apart from others (then `unrecoverable` says why).
   */
  lookup?: (since: Date) => Promise<T[]>;
  /** Why a lost create cannot be checked, e.g. "floating IPs have no name; give `address` to ...". */
  unrecoverable?: string;
  ctx: RecoverContext;
  /** Creates sent at most (default 3). */
  attempts?: number;
  /** First wait before looking (doubles each time, at most RECOVER_CAP_MS). */
  baseDelayMs?: number;
  idOf?: (obj: T) => string;
  sleep?: (ms: number) => Promise<void>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Most a wait between tries grows to. */
export const RECOVER_CAP_MS = 8000;

/** Sends the create; after a lost answer adopts what it made, or sends it again. See the file comment. */
export async function createOrRecover<T>(o: RecoverOptions<T>): Promise<T> {
  const attempts = o.attempts ?? 3;
  const idOf = o.idOf ?? ((x: T) => String((x as { id?: unknown }).id));
  let since = new Date();
  let lost: unknown;
  // Try n > 1 first looks for what the lost create n - 1 made; the try after the last create only looks.
  return retryUntil(
    async (attempt, nextWaitMs) => {
      if (attempt > 1) {
        const found = await o.lookup!(since);
        if (found.length === 1) {
          o.ctx.progress(`the create was done (${idOf(found[0])}); using it`);
          return found[0];
        }
        if (found.length > 1) {
          throw new Error(
            `${o.what}: after a lost answer (${messageOf(lost)}) ${found.length} matching objects were created ` +
              `(${found.map(idOf).join(", ")}); delete the extra ones, or adopt one of them by id`,
          );
        }
        if (attempt > attempts || Date.now() + nextWaitMs > o.ctx.deadline) {
          throw new Error(`${o.what}: ${attempt - 1} create attempt(s) failed, the last with ${messageOf(lost)}; nothing was created`);
        }
        o.ctx.progress(`the create was not done; sending it again (attempt ${attempt} of ${attempts})`);
      }
      since = new Date();
      try {
        return await o.create();
      } catch (e) {
        if (outcomeUnknown(e) && !o.lookup) {
          throw new Error(
            `${o.what}: the create may or may not have been done (${messageOf(e)}). ${o.unrecoverable ?? "It cannot be told apart from other objects."}`,
          );
        }
        lost = e;
        throw e;
      }
    },
    {
      firstMs: o.baseDelayMs ?? 1000,
      capMs: RECOVER_CAP_MS,
      deadline: o.ctx.deadline,
      // Only a create's lost answer: a failing lookup, or a refused create, is thrown as it is.
      retryable: (e) => e === lost && outcomeUnknown(e),
      // Give a create still in flight behind a failing front end the time to land before looking.
      onRetry: (e, _n, ms) => o.ctx.progress(`no answer to the create (${messageOf(e)}); checking in ${ms / 1000}s whether it was done`),
      giveUp: (e) => new Error(`${o.what}: no time left to check whether the create was done (${messageOf(e)}); raise customTimeouts.create`),
      sleep: o.sleep,
    },
  );
}

/** The parts of the client a lookup uses. */
export interface ListClient {
  readonly projectId: string;
  get(service: string, path: string, query?: Record<string, string | number | boolean | string[] | undefined>): Promise<any>;
}

/**
 * True when Neutron's created_at ("2024-05-01T10:00:00Z": UTC, second precision) is at or after `since`
 * (compared to the second, as Neutron keeps no finer time). False when it has none.
 */
export function createdSince(o: { created_at?: string }, since: Date): boolean {
  const t = o.created_at ?? "";
  const at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
  return at >= Math.floor(since.getTime() / 1000) * 1000;
}

/**
 * The objects of the caller's project in `c` whose fields equal `match` (as the API filters them, and checked
 * again here) and that were created at or after `since` (to the second: Neutron keeps no finer time).
 */
export async function listCreatedSince(client: ListClient, c: Collection, match: Record<string, string>, since: Date): Promise<any[]> {
  const body = await client.get(c.service, c.path, { ...match, project_id: client.projectId });
  return (body?.[c.plural] ?? []).filter((o: any) => Object.entries(match).every(([k, v]) => o[k] === v) && createdSince(o, since));
}
