/**
 * DELETE that treats 404 as already gone and retries 409 Conflict (e.g. a network whose ports are still being
 * removed by their owners) until the operation's deadline.
 */
import type { OpContext } from "../../core/controller";
import { retryUntil } from "../../core/retry";

export interface DeleteClient {
  delete(service: string, path: string): Promise<any>;
}

const statusOf = (e: unknown) => (typeof e === "object" && e !== null ? (e as { status?: number }).status : undefined);

/** Most a wait between deletes grows to. */
export const DELETE_CAP_MS = 5000;

export async function deleteUntilGone(
  client: DeleteClient,
  service: string,
  path: string,
  what: string,
  ctx: Pick<OpContext, "deadline" | "progress">,
  sleep?: (ms: number) => Promise<void>,
): Promise<void> {
  await retryUntil(
    async () => {
      try {
        await client.delete(service, path);
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    },
    {
      firstMs: 1000,
      capMs: DELETE_CAP_MS,
      deadline: ctx.deadline,
      retryable: (e) => statusOf(e) === 409,
      onRetry: (_e, _n, ms) => ctx.progress(`${what} is in use (409); retrying in ${ms / 1000}s`),
      giveUp: (e, attempt) => {
        const reason = e instanceof Error ? e.message : String(e);
        return new Error(`${what} is still in use after ${attempt} attempts (${reason}); remove what uses it, or raise customTimeouts.delete`);
      },
      sleep,
    },
  );
}
