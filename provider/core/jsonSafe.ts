/**
 * Makes a value safe for the plugin's protobuf Struct encoding: `undefined` keys are dropped, `undefined` array
 * items become null, Dates become ISO strings, Maps/Sets become plain objects/arrays, Buffers become base64.
 * (An `undefined` in create() outputs fails with "Unexpected struct type." after the side effect happened.)
 */
export function jsonSafe<T>(v: T): T {
  return clean(v) as T;
}

function clean(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString("base64");
  if (v instanceof Map) return clean(Object.fromEntries(v));
  if (v instanceof Set) return clean([...v]);
  if (Array.isArray(v)) return v.map(clean);
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined || typeof x === "function") continue;
      out[k] = clean(x);
    }
    return out;
  }
  return null;
}
