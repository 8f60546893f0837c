/**
 * The one way this library waits and tries again: `sleep`, `retryUntil` (bounded tries, a doubling wait with a
 * cap, never a wait that ends past the deadline) and `pollUntil` (looks again until a condition holds, on
 * retryUntil). Every retry and poll loop of provider/ and cli/ goes through them, so the caps are written where
 * the loop is called, as numbers a README can quote.
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
  /** The wait after this failure instead of the backoff's `nextMs` (a Retry-After, a jittered wait). */
  waitMs?: (e: unknown, attempt: number, nextMs: number) => number;
  /**
   * The deadline is the time of a last try: a wait is cut to end at it, and only a failure at or past it gives
   * up (default: no wait is started that would end past it).
   */
  lastTryAtDeadline?: boolean;
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
      const t = Date.now();
      let ms = now ? 0 : o.waitMs ? o.waitMs(e, attempt, next) : next;
      const late = o.lastTryAtDeadline ? t >= o.deadline : t + ms > o.deadline;
      const why = attempt >= (o.attempts ?? Infinity) ? "attempts" : late ? "deadline" : undefined;
      if (why) throw o.giveUp ? o.giveUp(e, attempt, why) : e;
      if (o.lastTryAtDeadline) ms = Math.max(0, Math.min(ms, o.deadline - t));
      o.onRetry?.(e, attempt, ms);
      if (now) continue;
      await wait(ms);
      next = Math.min(next * 2, o.capMs);
    }
  }
}

export interface PollOptions<T> extends Backoff {
  /** Ms since the epoch; see `lastLookAtDeadline`. */
  deadline: number;
  /**
   * Waits are cut to end at the deadline, where one last look is made (default: no wait is started that would
   * end past the deadline).
   */
  lastLookAtDeadline?: boolean;
  /** What the poll gives when the deadline comes before `done`: throw, or return the last look. */
  timedOut: (last: T) => T;
  sleep?: (ms: number) => Promise<void>;
}

class StillWaiting<T> {
  constructor(readonly last: T) {}
}

/**
 * Looks (`look`, given its look number from 1) until `done` holds, waiting as the backoff says between looks; a
 * look that throws ends the poll with its error. Progress lines belong in `look`.
 */
export async function pollUntil<T>(look: (n: number) => Promise<T>, done: (v: T) => boolean, o: PollOptions<T>): Promise<T> {
  try {
    return await retryUntil(
      async (n) => {
        const v = await look(n);
        if (done(v)) return v;
        throw new StillWaiting(v);
      },
      { firstMs: o.firstMs, capMs: o.capMs, deadline: o.deadline, lastTryAtDeadline: o.lastLookAtDeadline, retryable: (e) => e instanceof StillWaiting, sleep: o.sleep },
    );
  } catch (e) {
    if (e instanceof StillWaiting) return o.timedOut(e.last as T);
    throw e;
  }
}
