/**
 * check(): the inputs parsed by the controller's zod schema (defaults filled in, secret inputs wrapped), or the
 * failures, each naming its field: a wrong type says what the field takes and what it got (never the value: it
 * may be a secret), an unknown key gets a "did you mean". In a preview, what depends on unknown inputs is skipped.
 */
import type * as zod from "zod";
import type { Controller, Props, Z } from "./controller";
import { isObject } from "./diff";
import { withSecretInputs } from "./outputs";
import { objectKeysAt, unknownKeyMessage } from "./schemaShape";
import { collectSecrets, redact } from "./secrets";
import { isUnknownAt } from "./unknowns";

function zodPath(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

/** What a value is, for "must be X, not <this>" (no value shown: it may be a secret). */
function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return v === "" ? "an empty string" : "a string";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : "a number";
  if (typeof v === "boolean") return "a boolean";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
const EXPECTED: Record<string, string> = { string: "a string", number: "a number", int: "a whole number", boolean: "a boolean (true or false)", object: "an object", array: "a list (array)" };

/** A zod issue as check() failures: one per unknown key (naming it, with a "did you mean"), else one. */
function failuresOf(schema: Parameters<typeof objectKeysAt>[0], issue: zod.core.$ZodIssue, raw?: unknown): Array<{ path: PropertyKey[]; message: string }> {
  if (issue.code === "invalid_type" || (issue.code === "invalid_union" && /^Invalid input$/.test(issue.message))) {
    // A wrong type says what the field takes and what it got (zod's own "Invalid input: expected ..." is unclear).
    const got = kindOf(issue.path.reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw));
    const expected = issue.code === "invalid_type" ? EXPECTED[issue.expected] ?? `a ${issue.expected}` : "another kind of value";
    const base = /^Invalid input/.test(issue.message) ? `must be ${expected}` : issue.message;
    return [{ path: [...issue.path], message: `${base}, not ${got}` }];
  }
  if (issue.code !== "unrecognized_keys") return [{ path: [...issue.path], message: issue.message }];
  const allowed = objectKeysAt(schema, issue.path);
  return issue.keys.map((key) => ({ path: [...issue.path, key], message: unknownKeyMessage(key, allowed) }));
}

export async function checkInputs(ctrl: Pick<Controller<Props, Props>, "type" | "schema" | "secretInputs">, news: Props): Promise<{ inputs: Props; failures?: Array<{ property: string; reason: string }> }> {
  const { z } = require("zod") as { z: Z };
  if (!isObject(news)) {
    return { inputs: {}, failures: [{ property: "(inputs)", reason: `inputs: must be an object of ${ctrl.type} fields, not ${news === null ? "null" : Array.isArray(news) ? "an array" : typeof news}` }] };
  }
  const raw: Props = {};
  for (const [k, v] of Object.entries(news)) if (k !== "__provider") raw[k] = v;
  const schema = ctrl.schema(z);
  const result = schema.safeParse(raw);
  if (result.success) return { inputs: withSecretInputs(ctrl, result.data as Props) };
  // During preview some inputs are unknown: what depends on them is skipped (their own checks here, the
  // cross-field refinements by `whenValid`/`known`, provider/core/refine.ts). Everything known is judged.
  const secrets = collectSecrets(raw);
  const failures = result.error.issues
    .flatMap((i) => failuresOf(schema as unknown as Parameters<typeof objectKeysAt>[0], i, raw))
    .filter((f) => !isUnknownAt(raw, f.path))
    .map((f) => ({ property: zodPath(f.path) || "(inputs)", reason: redact(`${zodPath(f.path) || "inputs"}: ${f.message}`, secrets) }));
  return failures.length ? { inputs: withSecretInputs(ctrl, raw), failures } : { inputs: withSecretInputs(ctrl, raw) };
}
