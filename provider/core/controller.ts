/**
 * CRUD plumbing written once. Every resource is a `Controller` (its API calls and its schema); `makeProvider`
 * turns it into the ResourceProvider the dynamic-provider plugin calls: zod check (failures name the field, no
 * side effects), a field-by-field diff that knows which fields replace, adopt-instead-of-import, JSON-safe
 * outputs, secret outputs, redacted errors, progress lines and customTimeouts.
 *
 * Implementation modules are never serialized: the sdk's shim `require`s them by package path at call time,
 * so module-level values here are fine. Still, nothing here reads process.env at module level.
 */
import type * as zod from "zod";
import { knownToEngine } from "./createJournal";
import { deepEqual, sameSet } from "./deepEqual";
import { jsonSafe } from "./jsonSafe";
import type { AdoptInput } from "./schema";
import { asSecret, collectSecrets, redact, unwrapSecrets } from "./secrets";
import { CustomTimeouts, timeoutFor } from "./timeouts";
import { objectKeysAt, unknownKeyMessage } from "./schemaShape";
import { containsUnknown, isUnknownAt, UNKNOWN } from "./unknowns";

export type Z = typeof zod;
export type Props = Record<string, any>;

/** `adopt`: take over an existing object instead of creating one (Pulumi's `import` cannot work here). */
export type AdoptSpec = AdoptInput;

/** Inputs every resource accepts besides its own. */
export interface CommonInputs {
  adopt?: AdoptSpec;
  customTimeouts?: CustomTimeouts;
}

export interface OpContext {
  /** One line to the Pulumi log (secrets masked). */
  progress(message: string): void;
  /** Epoch milliseconds by which the operation must finish (customTimeouts or the resource's default). */
  deadline: number;
  /** Input fields whose values differ (update only). */
  changed: string[];
}

/**
 * "credentials": how the provider reaches the API, not part of the object (the OpenStack resources' `cloud`):
 * compared like any field once known, but a value still unknown in a preview (the whole lab's `cloud` while
 * PackstackInstall is being updated) is not counted as a change of the object.
 */
export type FieldCompare = "set" | "ignore" | "credentials" | ((news: any, olds: any) => boolean);

export interface Controller<I extends Props, O extends Props> {
  /** "openstack.Network", used in messages. */
  type: string;
  /** The input schema, built at call time. Parsed values (with defaults) become the stored inputs. */
  schema(z: Z): zod.ZodType<I>;
  /** Input fields whose change needs a new object. */
  replaceOn?: ReadonlyArray<string>;
  /**
   * Fields that update in place except for some changes, which need a new object (e.g. a smaller disk): `when`
   * says which (for the docs), `test(news, olds)` decides.
   */
  replaceIf?: Record<string, { when: string; test(news: any, olds: any): boolean }>;
  deleteBeforeReplace?: boolean;
  /** How a field is compared in diff (default: deep equality). */
  compare?: Record<string, FieldCompare>;
  /** Output paths (top-level keys) stored as Pulumi secrets whatever the inputs were. */
  secretOutputs?: ReadonlyArray<string>;
  /**
   * Input fields check() returns as Pulumi secrets, so the inputs in state hold them as secrets even when the
   * program passed them in clear (the exported `providers` used directly, or a field the sdk class does not wrap).
   */
  secretInputs?: ReadonlyArray<string>;
  /** How progress lines name the object when it has no `name` input (e.g. the host it prepares). */
  label?(inputs: Props): string | undefined;
  /** Default time limits in ms (customTimeouts override). */
  defaultTimeoutMs?: { create?: number; update?: number; delete?: number };

  create(inputs: I, ctx: OpContext): Promise<{ id: string; outs: O }>;
  /** Finds the object `adopt` names; null when there is none. */
  find?(adopt: AdoptSpec, inputs: I, ctx: OpContext): Promise<string | null>;
  /** Live state, every field needed to see drift (same names as the inputs); null when the object is gone. */
  read(id: string, state: I & O, ctx: OpContext): Promise<O | null>;
  update(id: string, olds: I & O, news: I, ctx: OpContext): Promise<O>;
  delete(id: string, state: I & O, ctx: OpContext): Promise<void>;
}

/** The output key holding the inputs the outputs were made from, as one secret (see `outputs` in makeProvider). */
export const STORED_INPUTS = "__inputs";
const INTERNAL = new Set(["__provider", "adopt", "customTimeouts", STORED_INPUTS]);
export { collectSecrets, SECRET_KEY } from "./secrets";

function zodPath(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

/** The user's inputs without the plugin's and the library's own keys. */
const withoutInternal = (inputs: Props): Props =>
  Object.fromEntries(Object.entries(inputs).filter(([k, v]) => k !== "__provider" && k !== STORED_INPUTS && v !== undefined));

const isObject = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields (of news) whose values differ from olds, in the controller's terms. */
export function changedFields<I extends Props>(ctrl: Pick<Controller<I, Props>, "compare">, oldsIn: Props, newsIn: Props): string[] {
  const olds = isObject(oldsIn) ? oldsIn : {};
  const news = isObject(newsIn) ? newsIn : {};
  const changed: string[] = [];
  for (const key of Object.keys(news)) {
    if (INTERNAL.has(key) || news[key] === undefined) continue;
    const how = ctrl.compare?.[key];
    if (how === "ignore") continue;
    const a = news[key];
    const b = olds[key];
    if (containsUnknown(a)) {
      if (how !== "credentials") changed.push(key);
      continue;
    }
    let same: boolean;
    try {
      same = how === "set" ? sameSet(a, b) : typeof how === "function" ? how(a, b) : deepEqual(a, b);
    } catch {
      same = false; // a value of an unexpected shape (state from another version): show it as a change
    }
    if (!same) changed.push(key);
  }
  return changed;
}

/** The changed fields that need a new object (replaceOn, or a replaceIf whose test says so). */
export function replacedFields<I extends Props>(ctrl: Pick<Controller<I, Props>, "replaceOn" | "replaceIf">, changed: string[], olds: Props, news: Props): string[] {
  return changed.filter((k) => {
    if ((ctrl.replaceOn ?? []).includes(k)) return true;
    const rule = ctrl.replaceIf?.[k];
    if (!rule) return false;
    try {
      return rule.test(news[k], olds[k]);
    } catch {
      return true;
    }
  });
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
export function makeProvider<I extends Props, O extends Props>(ctrl: Controller<I, O>) {
  const context = (label: string, inputs: Props, op: "create" | "update" | "delete" | "read", changed: string[] = []): OpContext => {
    const secrets = collectSecrets(inputs);
    const defaults = { create: 20 * 60e3, update: 20 * 60e3, delete: 10 * 60e3, read: 5 * 60e3 };
    const ms =
      op === "read"
        ? defaults.read
        : timeoutFor(op, inputs.customTimeouts, ctrl.defaultTimeoutMs?.[op] ?? defaults[op]);
    return {
      progress: (m: string) => process.stdout.write(`[${ctrl.type} ${label}] ${redact(m, secrets)}\n`),
      deadline: Date.now() + ms,
      changed,
    };
  };

  const guard = async <T>(what: string, inputs: Props, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const secrets = collectSecrets(inputs);
      err.message = redact(`${ctrl.type} ${what}: ${err.message}`, secrets);
      if (err.stack) err.stack = redact(err.stack, secrets);
      for (const k of Object.keys(err)) {
        const v = (err as unknown as Props)[k];
        if (typeof v === "string") (err as unknown as Props)[k] = redact(v, secrets);
      }
      throw err;
    }
  };

  /** Outputs = the stored inputs (so drift is compared field by field) overlaid with what was read. */
  const outputs = (inputs: Props, outs: Props, reading = false): Props => {
    const merged: Props = {};
    for (const [k, v] of Object.entries(inputs)) if (k !== "__provider") merged[k] = v;
    Object.assign(merged, outs);
    for (const k of ctrl.secretOutputs ?? []) {
      if (merged[k] !== undefined && merged[k] !== null) merged[k] = asSecret(unwrapSecrets(merged[k]));
    }
    // The inputs themselves (one secret: they may hold passwords), so that `read` can tell the engine which inputs
    // the live object no longer matches (an internal key: the engine's displays and diffs skip keys starting "__").
    // On read, `inputs` is the previous state, whose stored inputs stand (absent in state from before they were kept).
    const stored = reading ? inputs[STORED_INPUTS] : withoutInternal(inputs);
    if (stored !== undefined) merged[STORED_INPUTS] = asSecret(unwrapSecrets(stored));
    return jsonSafe(merged);
  };

  /**
   * The inputs as they are live: the stored inputs, with each field that drifted (by the controller's own compare,
   * as the next diff will judge it) replaced by its live value. Returned by `read`, so after a refresh the engine
   * diffs the program against the live state and `pulumi preview --refresh --diff` names exactly the fields that
   * drifted (the dynamic-provider plugin forwards no changed-key list from `diff`).
   */
  const liveInputs = (state: Props, live: Props): Props | undefined => {
    const stored = state[STORED_INPUTS];
    if (!stored || typeof stored !== "object") return undefined; // state written before inputs were kept
    const inputs: Props = unwrapSecrets(stored);
    for (const k of changedFields(ctrl, unwrapSecrets(live), inputs)) inputs[k] = live[k];
    return inputs;
  };

  /** Checked inputs with the secret fields wrapped, so the inputs in state hold them as secrets too. */
  const secretInputs = (inputs: Props): Props => {
    const out: Props = { ...inputs };
    for (const k of ctrl.secretInputs ?? []) if (out[k] !== undefined && out[k] !== null) out[k] = asSecret(unwrapSecrets(out[k]));
    return out;
  };

  const label = (p: Props, id?: string) => String(ctrl.label?.(p) ?? p.name ?? id ?? "new");

  return {
    async check(_olds: Props, news: Props) {
      const { z } = require("zod") as { z: Z };
      if (!isObject(news)) {
        return { inputs: {}, failures: [{ property: "(inputs)", reason: `inputs: must be an object of ${ctrl.type} fields, not ${news === null ? "null" : Array.isArray(news) ? "an array" : typeof news}` }] };
      }
      const raw: Props = {};
      for (const [k, v] of Object.entries(news)) if (k !== "__provider") raw[k] = v;
      const schema = ctrl.schema(z);
      const result = schema.safeParse(raw);
      if (result.success) return { inputs: secretInputs(result.data as Props) };
      // During preview some inputs are unknown: what depends on them is skipped (their own checks here, the
      // cross-field refinements by `whenValid`/`known`, provider/core/refine.ts). Everything known is judged.
      const secrets = collectSecrets(raw);
      const failures = result.error.issues
        .flatMap((i) => failuresOf(schema as unknown as Parameters<typeof objectKeysAt>[0], i, raw))
        .filter((f) => !isUnknownAt(raw, f.path))
        .map((f) => ({ property: zodPath(f.path) || "(inputs)", reason: redact(`${zodPath(f.path) || "inputs"}: ${f.message}`, secrets) }));
      return failures.length ? { inputs: secretInputs(raw), failures } : { inputs: secretInputs(raw) };
    },

    async diff(id: string, olds: Props, news: Props) {
      knownToEngine(id); // the engine has this object: a create journal record of it is done with
      const o = isObject(olds) ? unwrapSecrets(olds) : {};
      const n = isObject(news) ? unwrapSecrets(news) : {};
      const changed = changedFields(ctrl, o, n);
      const replaces = replacedFields(ctrl, changed, o, n);
      return {
        changes: changed.length > 0,
        replaces,
        deleteBeforeReplace: replaces.length > 0 && !!ctrl.deleteBeforeReplace,
      };
    },

    async create(inputs: Props) {
      const ins = unwrapSecrets(inputs);
      return guard("create", ins, async () => {
        const ctx = context(label(ins), ins, "create");
        if (ins.adopt && (ins.adopt.id || ins.adopt.name)) {
          if (!ctrl.find) throw new Error("adopt is not supported by this resource");
          const id = await ctrl.find(ins.adopt, ins as I, ctx);
          if (!id) throw new Error(`adopt: no existing object matches ${JSON.stringify(ins.adopt)}`);
          const live = await ctrl.read(id, ins as I & O, ctx);
          if (!live) throw new Error(`adopt: object ${id} vanished while being adopted`);
          const current = { ...ins, ...live } as I & O;
          const changed = changedFields(ctrl, current, ins);
          const replaces = replacedFields(ctrl, changed, current, ins);
          if (replaces.length) {
            throw new Error(
              `adopt: ${id} differs in ${replaces.join(", ")}, which cannot change in place; ` +
                `make the inputs match the existing object (or drop adopt to create a new one)`,
            );
          }
          ctx.progress(changed.length ? `adopted ${id}; reconciling ${changed.join(", ")}` : `adopted ${id} (already matches)`);
          const outs = changed.length ? await ctrl.update(id, current, ins as I, { ...ctx, changed }) : live;
          return { id, outs: outputs(ins, outs) };
        }
        const { id, outs } = await ctrl.create(ins as I, ctx);
        return { id: String(id), outs: outputs(ins, outs) };
      });
    },

    async read(id: string, props: Props) {
      knownToEngine(id);
      const state = unwrapSecrets(props);
      return guard("read", state, async () => {
        const live = await ctrl.read(id, state as I & O, context(label(state, id), state, "read"));
        if (!live) return {};
        const props = outputs(state, live, true);
        const inputs = liveInputs(state, props);
        return inputs ? { id, props, inputs } : { id, props };
      });
    },

    async update(id: string, olds: Props, news: Props) {
      knownToEngine(id);
      const o = unwrapSecrets(olds);
      const n = unwrapSecrets(news);
      return guard("update", n, async () => {
        const changed = changedFields(ctrl, o, n);
        const outs = await ctrl.update(id, o as I & O, n as I, context(label(n, id), n, "update", changed));
        return { outs: outputs(n, outs) };
      });
    },

    async delete(id: string, props: Props) {
      knownToEngine(id);
      const state = unwrapSecrets(props);
      await guard("delete", state, () => ctrl.delete(id, state as I & O, context(label(state, id), state, "delete")));
    },
  };
}

export { UNKNOWN };
