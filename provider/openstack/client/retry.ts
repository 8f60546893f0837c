/**
 * When and how long to retry. Bounded attempts, exponential backoff with jitter, Retry-After honoured.
 * Idempotent methods are retried on connection failures and 429/502/503/504; other methods (POST, PATCH) only
 * when the connection was refused, because then nothing was sent.
 */
export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  /** First backoff; doubles each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
  /**
   * A refused connection sent nothing, so it is retried for this long after the first refusal even when the
   * attempts are used up: a Keystone or Neutron being restarted (Packstack restarts them) refuses for 5-20 s.
   */
  refusedWaitMs: number;
}

/** Defaults, overridable by OSLAB_HTTP_MAX_ATTEMPTS / OSLAB_HTTP_RETRY_BASE_MS / OSLAB_HTTP_REFUSED_WAIT_MS (read at call time). */
export function retryPolicy(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  return {
    maxAttempts: intAtLeast(1, env.OSLAB_HTTP_MAX_ATTEMPTS, 6),
    baseDelayMs: intAtLeast(1, env.OSLAB_HTTP_RETRY_BASE_MS, 500),
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    refusedWaitMs: intAtLeast(0, env.OSLAB_HTTP_REFUSED_WAIT_MS, 60_000),
  };
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRY_STATUS = new Set([429, 502, 503, 504]);
/** Node / axios codes meaning the connection failed (and for all but ECONNREFUSED, the request may have been sent). */
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

export type Outcome = { status: number } | { code: string };

export function isConnectionFailure(code: string | undefined): boolean {
  return code !== undefined && CONNECTION_CODES.has(code);
}

/** `retrySafe`: the request may be repeated even if it reached the server (idempotent, or harmless like a token POST). */
export function shouldRetry(outcome: Outcome, retrySafe: boolean): boolean {
  if ("code" in outcome) return outcome.code === "ECONNREFUSED" || (retrySafe && isConnectionFailure(outcome.code));
  return retrySafe && RETRY_STATUS.has(outcome.status);
}

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Delay before retry number `retry` (1-based): half fixed, half random ("equal jitter"), capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After as milliseconds (seconds or an HTTP date), capped; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, policy: RetryPolicy, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(policy.maxRetryAfterMs, Math.max(0, ms));
}

/** A whole number >= `min` from the environment, or `dflt` when absent or not one. */
function intAtLeast(min: number, v: string | undefined, dflt: number): number {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= min ? n : dflt;
}
