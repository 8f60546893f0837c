/**
 * Cross-field refinements that are judged in preview too. During preview some inputs are unknown; a refinement
 * runs whenever the fields it reads are valid (`whenValid`), and each of its checks is skipped only when a value
 * it reads is still unknown (`known`). So a rule with portRangeMin 443 and portRangeMax 80 fails in preview even
 * while `cloud` is unknown.
 */
import { containsUnknown } from "./unknowns";

interface Payload {
  value: unknown;
  issues: ReadonlyArray<{ code?: string; path?: ReadonlyArray<PropertyKey> }>;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = root;
  for (const k of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

const prefixOf = (a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>) => a.length <= b.length && a.every((k, i) => k === b[i]);

/**
 * `when` for superRefine: run unless a field the refinement reads (dotted paths; none = all) already failed its
 * own check. A failure caused by an unknown value (preview) does not count: the refinement guards those with `known`.
 */
export function whenValid(fields?: ReadonlyArray<string>) {
  const paths = fields?.map((f) => f.split("."));
  return {
    when(payload: Payload): boolean {
      if (typeof payload.value !== "object" || payload.value === null || Array.isArray(payload.value)) return false;
      return payload.issues.every((i) => {
        const p = i.path ?? [];
        if (i.code === "unrecognized_keys") return true;
        if (containsUnknown(valueAt(payload.value, p))) return true;
        return paths ? !paths.some((f) => prefixOf(f, p) || prefixOf(p, f)) : false;
      });
    },
  };
}

/** True when none of the values is (or holds) an unknown. */
export function known(...values: unknown[]): boolean {
  return values.every((v) => !containsUnknown(v));
}

/**
 * `.superRefine(...needs("enableSnat", "externalNetworkId", "needs ..."))`: `field`, when set, needs `other` set;
 * the failure names `field`. Judged in preview too (skipped only while either value is unknown).
 */
export function needs(field: string, other: string, message: string) {
  return [
    (v: Record<string, unknown>, ctx: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void }) => {
      if (known(v[field], v[other]) && v[field] !== undefined && !v[other]) ctx.addIssue({ code: "custom", path: [field], message });
    },
    whenValid([field, other]),
  ] as const;
}
