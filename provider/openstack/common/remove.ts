/**
 * DELETE that treats 404 as already gone and retries 409 Conflict (e.g. a network whose ports are still being
 * removed by their owners) until the operation's deadline.
 */
import type { OpContext } from "../../core/controller";
import { sleep as realSleep } from "./sleep";

export interface DeleteClient {
  delete(service: string, path: string): Promise<any>;
}

const statusOf = (e: unknown) => (typeof e === "object" && e !== null ? (e as { status?: number }).status : undefined);

export async function deleteUntilGone(
  client: DeleteClient,
  service: string,
  path: string,
  what: string,
  ctx: Pick<OpContext, "deadline" | "progress">,
  sleep = realSleep,
): Promise<void> {
  let wait = 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.delete(service, path);
      return;
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) return;
      if (status !== 409) throw e;
      if (Date.now() + wait > ctx.deadline) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new Error(`${what} is still in use after ${attempt} attempts (${reason}); remove what uses it, or raise customTimeouts.delete`);
      }
      ctx.progress(`${what} is in use (409); retrying in ${wait / 1000}s`);
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
    }
  }
}
