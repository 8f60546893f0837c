/**
 * CRUD plumbing written once. Every resource is a `Controller` (its API calls and its schema); `makeProvider`
 * turns it into the ResourceProvider the dynamic-provider plugin calls: zod check (failures name the field, no
 * side effects), a field-by-field diff that knows which fields replace, adopt-instead-of-import, JSON-safe
 * outputs, secret outputs, redacted errors, progress lines and customTimeouts.
 *
 * The parts: check.ts (check), diff.ts (changed and replacing fields, live inputs), outputs.ts (what is stored,
 * secrets wrapped); this file is the plumbing that calls the controller.
 *
 * Implementation modules are never serialized: the sdk's shim `require`s them by package path at call time,
 * so module-level values here are fine. Still, nothing here reads process.env at module level.
 */
import type * as zod from "zod";
import { checkInputs } from "./check";
import { knownToEngine } from "./createJournal";
import { changedFields, isObject, liveInputs, replacedFields } from "./diff";
import { outputsOf } from "./outputs";
import type { AdoptInput } from "./schema";
import type { Fields } from "./spec";
import { collectSecrets, redact, unwrapSecrets } from "./secrets";
import { CustomTimeouts, timeoutFor } from "./timeouts";
import { UNKNOWN } from "./unknowns";

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
  /**
   * The spec's input fields (fromSpec), their defaults as data: with them check() returns unchanged inputs
   * without parsing (the fast path, core/check.ts).
   */
  inputFields?: Fields;
  /**
   * Why check() always parses (no fast path, core/check.ts): it reads something besides its inputs (a file, the
   * environment, the clock; the image file's hash), or its output is no input it takes again (a canonical form).
   */
  checkAlwaysParses?: string;
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

export { STORED_INPUTS } from "./outputs";
export { changedFields, replacedFields } from "./diff";
export { collectSecrets, SECRET_KEY } from "./secrets";

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

  const label = (p: Props, id?: string) => String(ctrl.label?.(p) ?? p.name ?? id ?? "new");

  return {
    check(olds: Props, news: Props) {
      return checkInputs(ctrl, news, olds);
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
          return { id, outs: outputsOf(ctrl, ins, outs) };
        }
        const { id, outs } = await ctrl.create(ins as I, ctx);
        return { id: String(id), outs: outputsOf(ctrl, ins, outs) };
      });
    },

    async read(id: string, props: Props) {
      knownToEngine(id);
      const state = unwrapSecrets(props);
      return guard("read", state, async () => {
        const live = await ctrl.read(id, state as I & O, context(label(state, id), state, "read"));
        if (!live) return {};
        const props = outputsOf(ctrl, state, live, true);
        const inputs = liveInputs(ctrl, state, props);
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
        return { outs: outputsOf(ctrl, n, outs) };
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
