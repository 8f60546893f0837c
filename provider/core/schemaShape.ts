/**
 * Reading a zod schema's shape: the keys an object accepts at a path (for "did you mean" on unknown keys, the
 * docs and the Args-vs-schema test) and every object that would silently drop unknown keys.
 */

type AnySchema = { _zod: { def: Record<string, any> } };

/** The schema under wrappers that do not change the shape (optional, default, nullable, transform pipes ...). */
export function unwrapSchema(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 50; i++) {
    const def = cur._zod.def;
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) cur = def.innerType;
    else if (def.type === "pipe") cur = def.in;
    else if (def.type === "lazy") cur = def.getter();
    else return cur;
  }
  return cur;
}

function children(s: AnySchema, key: string | number): AnySchema[] {
  const u = unwrapSchema(s);
  const def = u._zod.def;
  if (def.type === "object") return typeof key === "string" && def.shape[key] ? [def.shape[key]] : [];
  if (def.type === "array") return [def.element];
  if (def.type === "record") return [def.valueType];
  if (def.type === "union") return (def.options as AnySchema[]).flatMap((o) => children(o, key));
  if (def.type === "intersection") return [...children(def.left, key), ...children(def.right, key)];
  return [];
}

/** Keys of the object(s) the schema takes at `path` (empty when there is no object there). */
export function objectKeysAt(schema: AnySchema, path: ReadonlyArray<PropertyKey>): string[] {
  let level: AnySchema[] = [schema];
  for (const p of path) level = level.flatMap((s) => children(s, typeof p === "number" ? p : String(p)));
  const keys = new Set<string>();
  const collect = (s: AnySchema) => {
    const u = unwrapSchema(s);
    const def = u._zod.def;
    if (def.type === "object") Object.keys(def.shape).forEach((k) => keys.add(k));
    else if (def.type === "union") (def.options as AnySchema[]).forEach(collect);
    else if (def.type === "intersection") [def.left, def.right].forEach(collect);
  };
  level.forEach(collect);
  return [...keys];
}

/** Paths ("" = top level) of every object in the schema that accepts unknown keys (they must all be strict). */
export function looseObjects(schema: AnySchema, path = "", seen = new Set<AnySchema>()): string[] {
  const u = unwrapSchema(schema);
  if (seen.has(u)) return [];
  seen.add(u);
  const def = u._zod.def;
  const out: string[] = [];
  if (def.type === "object") {
    if (def.catchall?._zod.def.type !== "never") out.push(path || "(top level)");
    for (const [k, v] of Object.entries(def.shape)) out.push(...looseObjects(v as AnySchema, path ? `${path}.${k}` : k, seen));
  } else if (def.type === "array") out.push(...looseObjects(def.element, `${path}[]`, seen));
  else if (def.type === "record") out.push(...looseObjects(def.valueType, `${path}{}`, seen));
  else if (def.type === "union") (def.options as AnySchema[]).forEach((o) => out.push(...looseObjects(o, path, seen)));
  else if (def.type === "any" || def.type === "unknown") {
    // z.any() under a key accepts any object: only allowed for values judged by a refinement (e.g. inline rules).
  }
  return out;
}

/** The failure text for an unknown key (names it, suggests a near miss, lists what is allowed). */
export function unknownKeyMessage(key: string, allowed: ReadonlyArray<string>): string {
  const near = didYouMean(key, allowed);
  const shown = key.length > 60 ? `${key.slice(0, 60)}...` : key;
  return `"${shown}" is not a field here${near ? `; did you mean "${near}"?` : ""} (allowed: ${allowed.join(", ")})`;
}

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const row = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[n];
}

/** The known key closest to `key` when it is a near miss (a typo, another case, a plural), else null. */
export function didYouMean(key: string, known: ReadonlyArray<string>): string | null {
  if (key.length > 200) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0.5 : distance(key, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  const limit = Math.max(2, Math.floor(key.length / 3));
  return best !== null && bestD <= limit ? best : null;
}
