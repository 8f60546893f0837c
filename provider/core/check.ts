/**
 * check(): the inputs parsed by the controller's zod schema (defaults filled in, secret inputs wrapped), or the
 * failures, each naming its field: a wrong type says what the field takes and what it got (never the value: it
 * may be a secret), an unknown key gets a "did you mean". In a preview, what depends on unknown inputs is skipped.
 *
 * The no-op fast path (`unchangedInputs`): the engine's `olds` in Check are the inputs the previous Check returned
 * (the inputs in state). When every field's value as check would start from it (the new value with the defaults
 * nested in it filled in where it leaves them out, else the field's default; both kinds of default are data in the
 * spec: core/spec.ts `default`, `nested`) deep-equals the old one, check returns the old inputs (the
 * secret ones wrapped as below) without loading zod or building the schema: a no-op `pulumi up` checks every
 * resource, and zod's load and the schema's build were most of its time in the provider. Why that is the result
 * the full check would give: the olds are check's own output for the same values; check is a pure function of
 * its inputs; filling in a nested default changes nothing for the schema (the object's zod shape applies that
 * same data as `.default(...)`, which gives it for a key left out or undefined, and the default is a valid value
 * of its key that checks to itself); and each schema is idempotent on its own output (its transforms are
 * normalisations; a default is a valid value of its field), which tests/checks/fastCheck.test.ts checks for every
 * good input of every resource (and that the data is every `.default` in the schemas, each checking to itself).
 * A controller for which either fails sets `checkAlwaysParses` (why) and always parses: Image (check
 * hashes the file), the security group rule resources (their canonical rules hold nulls that check refuses).
 * Any difference (a changed, added or removed value, a nested key removed while it held another value than its
 * default, a key not in the spec, an unknown value in a preview, olds that are no object) takes the full path.
 * Its limit: the olds were judged by the library version that wrote them, so a newer version with a
 * stricter rule judges unchanged inputs only when they change (a changed default does take the full path: the
 * start value then differs). And one case where the olds are not check's output: after a refresh that found
 * drift they hold the drifted fields' live values (core/diff.ts liveInputs), which no check judged, so a program
 * changed to exactly such a value is taken unchecked (the full check runs again at its next change).
 */
import type * as zod from "zod";
import type { Controller, Props, Z } from "./controller";
import { deepEqual } from "./deepEqual";
import { isObject } from "./diff";
import { withSecretInputs } from "./outputs";
import { objectKeysAt, unknownKeyMessage } from "./schemaShape";
import { collectSecrets, redact, unwrapSecrets } from "./secrets";
import { defaultOf, hasDefault, withNested } from "./spec";
import { containsUnknown, isUnknownAt } from "./unknowns";

type CheckCtrl = Pick<Controller<Props, Props>, "type" | "schema" | "secretInputs" | "inputFields" | "checkAlwaysParses">;

/**
 * The old inputs when check would return them unchanged (see the header), else undefined (check parses).
 * `olds` and `news` are as the engine sends them (`__provider` among them).
 */
export function unchangedInputs(ctrl: CheckCtrl, olds: unknown, news: unknown): Props | undefined {
  const fields = ctrl.inputFields;
  if (!fields || ctrl.checkAlwaysParses || !isObject(olds) || !isObject(news)) return undefined;
  const old = unwrapSecrets(olds) as Props;
  const keys = new Set([...Object.keys(fields), ...Object.keys(news), ...Object.keys(old)]);
  keys.delete("__provider");
  if (!Object.keys(old).some((k) => k !== "__provider")) return undefined;
  const out: Props = {};
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(fields, k)) return undefined;
    const given = news[k];
    if (given !== undefined && containsUnknown(given)) return undefined;
    const start = given !== undefined ? withNested(given, fields[k].nested) : hasDefault(fields[k]) ? defaultOf(fields[k]) : undefined;
    if (containsUnknown(old[k]) || !deepEqual(start, old[k])) return undefined;
    if (old[k] !== undefined) out[k] = old[k];
  }
  return withSecretInputs(ctrl, out);
}

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

export async function checkInputs(ctrl: CheckCtrl, news: Props, olds?: Props): Promise<{ inputs: Props; failures?: Array<{ property: string; reason: string }> }> {
  const unchanged = unchangedInputs(ctrl, olds, news);
  if (unchanged) return { inputs: unchanged };
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
