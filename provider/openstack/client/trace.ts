import * as fs from "fs";

/** One line of the request trace: an HTTP request that was actually sent (connection refused = not sent). */
export interface TraceEntry {
  method: string;
  service: string;
  /** The path as the caller gave it, without the query string (e.g. "/v2.0/networks"). */
  path: string;
  /** HTTP status, or null when the connection failed after sending (then `error` holds the code). */
  status: number | null;
  error?: string;
}

/**
 * Appends `entry` as one JSON line to the file named by OSLAB_HTTP_TRACE (read now, at call time), if set.
 * Tracing must never break a request, so write errors are ignored.
 */
export function traceRequest(entry: TraceEntry): void {
  const file = process.env.OSLAB_HTTP_TRACE;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
  } catch {
    // tracing is best effort
  }
}
