/**
 * The one way this library waits and tries again: `sleep`, and `retryUntil` (bounded tries, a doubling wait with
 * a cap, never a wait that ends past the deadline). Every retry loop of provider/ and cli/ goes through it, so the
 * caps are written where the loop is called, as numbers a README can quote.
 */

/** Waits `ms` milliseconds (the default of every `sleep` option; tests pass one that records instead). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long to wait between tries: `firstMs`, doubling each time, never more than `capMs`. */
export interface Backoff {
  firstMs: number;
  capMs: number;
}

/** The waits a backoff makes before tries 2..`tries` (what a README says about a loop). */
export function waitsOf(b: Backoff, tries: number): number[] {
  const out: number[] = [];
  for (let i = 1, w = b.firstMs; i < tries; i++, w = Math.min(w * 2, b.capMs)) out.push(w);
  return out;
}

export interface RetryOptions extends Backoff {
  /** Tries at most (default: as many as the deadline allows). */
  attempts?: number;
  /** No wait is started that would end after this (ms since the epoch). */
  deadline: number;
  /** Whether this failure of try `attempt` may be tried again; any other failure is thrown as it is. */
  retryable: (e: unknown, attempt: number) => boolean;
  /** Retryable failures tried again at once, without a wait (they still count as tries). */
  atOnce?: (e: unknown) => boolean;
  /** Said before each try again (a progress line); `waitMs` is 0 for a try `atOnce`. */
  onRetry?: (e: unknown, attempt: number, waitMs: number) => void;
  /**
   * What to throw when a retryable failure finds no try (`attempts`) or no time (`deadline`) left
   * (default: the failure itself).
   */
  giveUp?: (e: unknown, attempt: number, why: "attempts" | "deadline") => unknown;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `tryOnce` until it succeeds, a failure is not retryable, or no try or time is left. `tryOnce` gets its
 * try number (from 1) and the wait that would follow its failure.
 */
export async function retryUntil<T>(tryOnce: (attempt: number, nextWaitMs: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const wait = o.sleep ?? sleep;
  let next = o.firstMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await tryOnce(attempt, next);
    } catch (e) {
      if (!o.retryable(e, attempt)) throw e;
      const now = o.atOnce?.(e) ?? false;
      const why = attempt >= (o.attempts ?? Infinity) ? "attempts" : Date.now() + (now ? 0 : next) > o.deadline ? "deadline" : undefined;
      if (why) throw o.giveUp ? o.giveUp(e, attempt, why) : e;
      o.onRetry?.(e, attempt, now ? 0 : next);
      if (now) continue;
      await wait(next);
      next = Math.min(next * 2, o.capMs);
    }
  }
}
