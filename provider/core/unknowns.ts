/** The value the engine sends for inputs that are not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsUnknown);
  return false;
}

/** True when the value at `path` (or any of its parents) inside `root` is unknown. */
export function isUnknownAt(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let cur: unknown = root;
  if (cur === UNKNOWN) return true;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
    if (cur === UNKNOWN) return true;
  }
  return containsUnknown(cur);
}
