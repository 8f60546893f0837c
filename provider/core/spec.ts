/**
 * A resource's spec: every fact about its inputs and outputs written once, beside its controller
 * (provider/<ns>/<res>/spec.ts). Each input field is a `field(type, {replace, secret})` under a JSDoc comment
 * (its doc line); its zod type (with `.optional()` where it may be left out) is built at call time from the `z`
 * passed in, so this module and every spec stay light (no zod at runtime). A field's top-level default is data,
 * `field(type, {default})` (a value, or a function for a fresh array or object): the helpers apply it to the zod
 * type (`.default(...)`, last) when the schema is built, and check's fast path (core/check.ts) reads it without
 * zod. A default nested inside a field's value is data too, `field(type, {nested})` (`NestedDefaults`: an object's
 * keys' defaults, or each array element's): the object's zod shape takes its keys' defaults from that same data
 * (`withDefaults`), and the fast path fills them in (`withNested`). From a spec come:
 * the controller's schema, replaceOn, secretInputs and secretOutputs (`fromSpec`), the sdk class and its Args type
 * (sdk/resource.ts `resourceClass`, `ArgsOf`), and the README tables (scripts/gen-resource-docs.js).
 */
import type * as zod from "zod";

type Z = typeof zod;

/** One input field: its zod type (a function of the `z` passed in), whether a change replaces, whether it is secret. */
export interface FieldSpec<S extends zod.ZodType = zod.ZodType, A = zod.input<S>> {
  type(z: Z): S;
  /** A change needs a new object. */
  replace?: boolean;
  /** Kept secret in state (inputs and outputs) and wrapped with pulumi.secret by the sdk class. */
  secret?: boolean;
  /** The value check() gives the field when it is left out (a function: a fresh array or object each time); `type` applies it. */
  default?: unknown;
  /** The defaults nested in the field's value (its zod type takes them from the same data: `withDefaults`). */
  nested?: NestedDefaults;
  /** Type only: the sdk's type of the field when it is not the zod input type (a shape with its own docs). */
  readonly sdkType?: A;
}

/** A field's options besides its default (`{default}` as well: see `field`'s overloads). */
export interface FieldOptions {
  replace?: boolean;
  secret?: boolean;
  nested?: NestedDefaults;
}

/**
 * Defaults nested in a field's value, as data: `{keys}` an object's keys' defaults (each a value, or a function for a
 * fresh array or object), which its zod shape applies (`withDefaults`); `{each}` those of every element of an array.
 */
export type NestedDefaults = { keys: Readonly<Record<string, unknown>> } | { each: NestedDefaults };

type Defaulted<Sh extends Record<string, zod.ZodType>, D> = { [K in keyof Sh]: K extends keyof D ? zod.ZodDefault<Sh[K]> : Sh[K] };
/** An object's zod shape with its keys' defaults (the data `defaults`, a `NestedDefaults`' keys) applied, `.default(...)` last. */
export function withDefaults<Sh extends Record<string, zod.ZodType>, D extends { [K in keyof Sh]?: DefaultOf<Sh[K]> }>(shape: Sh, defaults: D): Defaulted<Sh, D> {
  const out: Record<string, zod.ZodType> = { ...shape };
  for (const [k, d] of Object.entries(defaults)) out[k] = shape[k].default(d as never);
  return out as Defaulted<Sh, D>;
}

/**
 * A value as its schema starts from it: where it leaves out (or gives undefined for) a key with a nested default, that
 * default (what the key's `.default(...)` gives); anything else as given (a value of another kind: as is).
 */
export function withNested(v: unknown, n: NestedDefaults | undefined): unknown {
  if (!n || v === null || typeof v !== "object") return v;
  if ("each" in n) return Array.isArray(v) ? v.map((e) => withNested(e, n.each)) : v;
  if (Array.isArray(v)) return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const [k, d] of Object.entries(n.keys)) if (out[k] === undefined) out[k] = valueOfDefault(d);
  return out;
}
type DefaultOf<S extends zod.ZodType> = Exclude<zod.output<S>, undefined> | (() => Exclude<zod.output<S>, undefined>);
type WithDefault<S extends zod.ZodType> = FieldOptions & { default: NoInfer<DefaultOf<S>> };

/** Whether a field has a default (`null` is one: `"default" in`, not `!== undefined`). */
export const hasDefault = (f: FieldSpec<any, any>): boolean => Object.prototype.hasOwnProperty.call(f, "default");
/** A field's default as check() gives it (a function's value: fresh each time). */
export const defaultOf = (f: FieldSpec<any, any>): unknown => valueOfDefault(f.default);
/** A default as data gives it: a function's value (fresh each time), else the value itself. */
function valueOfDefault(d: unknown): unknown {
  return typeof d === "function" ? (d as () => unknown)() : d;
}

/** The field: its type with the default (when there is one) applied last, as `.default(...)` on the built type. */
function make(type: (z: Z) => zod.ZodType, opts: FieldOptions & { default?: unknown }): FieldSpec<any, any> {
  if (!Object.prototype.hasOwnProperty.call(opts, "default")) return { type, ...opts };
  const d = opts.default;
  return { ...opts, type: (z: Z) => type(z).default(d as never) };
}

/** One output: its type (type only) and whether it is secret in state. */
export interface OutputSpec<T = unknown> {
  secret?: boolean;
  readonly outputType?: T;
}

export type Fields = Record<string, FieldSpec<any, any>>;
export type Outputs = Record<string, OutputSpec<any>>;

export interface ResourceSpec<F extends Fields = Fields, O extends Outputs = Outputs> {
  /** The registry key, e.g. "openstack.Network". */
  key: string;
  inputs: F;
  outputs: O;
}

export function field<S extends zod.ZodType>(type: (z: Z) => S, opts: WithDefault<S>): FieldSpec<zod.ZodDefault<S>>;
export function field<S extends zod.ZodType>(type: (z: Z) => S, opts?: FieldOptions): FieldSpec<S>;
export function field(type: (z: Z) => zod.ZodType, opts: FieldOptions & { default?: unknown } = {}): FieldSpec<any, any> {
  return make(type, opts);
}

/** A field whose sdk type is `A` (e.g. a shape declared with its own field docs) rather than the zod input type. */
export function fieldAs<A>() {
  function f<S extends zod.ZodType>(type: (z: Z) => S, opts: WithDefault<S>): FieldSpec<zod.ZodDefault<S>, A>;
  function f<S extends zod.ZodType>(type: (z: Z) => S, opts?: FieldOptions): FieldSpec<S, A>;
  function f(type: (z: Z) => zod.ZodType, opts: FieldOptions & { default?: unknown } = {}): FieldSpec<any, A> {
    return make(type, opts);
  }
  return f;
}

/** An input field the sdk's Args leave out (customTimeouts, a resource option; PackstackInstall's `healthy`, an output). */
export function fieldNotArg<S extends zod.ZodType>(type: (z: Z) => S, opts: WithDefault<S>): FieldSpec<zod.ZodDefault<S>, never>;
export function fieldNotArg<S extends zod.ZodType>(type: (z: Z) => S, opts?: FieldOptions): FieldSpec<S, never>;
export function fieldNotArg(type: (z: Z) => zod.ZodType, opts: FieldOptions & { default?: unknown } = {}): FieldSpec<any, never> {
  return make(type, opts) as FieldSpec<any, never>;
}

export function output<T>(opts: { secret?: boolean } = {}): OutputSpec<T> {
  return { ...opts };
}

export function defineSpec<F extends Fields, O extends Outputs>(spec: ResourceSpec<F, O>): ResourceSpec<F, O> {
  return spec;
}

/** The zod shape of the inputs: field -> its zod type. */
export type ShapeOf<F extends Fields> = { [K in keyof F]: F[K] extends FieldSpec<infer S, any> ? S : never };
/** The checked inputs (what check() returns and the controller's create/update receive). */
export type InputsOf<S extends ResourceSpec> = zod.output<zod.ZodObject<ShapeOf<S["inputs"]>, zod.core.$strict>>;
type OutputTypes<O> = { [K in keyof O]-?: O[K] extends OutputSpec<infer T> ? T : never };
type OptionalOutputs<O> = { [K in keyof O]-?: undefined extends OutputTypes<O>[K] ? K : never }[keyof O];
/** The fields as written (each optional, of its zod input type; the fields' docs kept). */
export type FieldInputsOf<F extends Fields> = { [K in keyof F]?: Exclude<zod.input<ShapeOf<F>[K]>, undefined> };
/** The outputs (type per name; optional where the type takes undefined). */
export type OutputsOf<S extends ResourceSpec> = Pick<OutputTypes<S["outputs"]>, Exclude<keyof S["outputs"], OptionalOutputs<S["outputs"]>>> &
  Partial<Pick<OutputTypes<S["outputs"]>, OptionalOutputs<S["outputs"]>>>;

/** The strict object schema of the inputs (before any refinement spanning fields). */
export function objectSchema<F extends Fields>(spec: ResourceSpec<F, Outputs>, z: Z): zod.ZodObject<ShapeOf<F>, zod.core.$strict> {
  const shape: Record<string, zod.ZodType> = {};
  for (const [k, f] of Object.entries(spec.inputs)) shape[k] = f.type(z);
  return z.strictObject(shape) as unknown as zod.ZodObject<ShapeOf<F>, zod.core.$strict>;
}

export const replaceFields = (spec: ResourceSpec): string[] => Object.keys(spec.inputs).filter((k) => spec.inputs[k].replace);
export const secretInputFields = (spec: ResourceSpec): string[] => Object.keys(spec.inputs).filter((k) => spec.inputs[k].secret);
/** Secret in state: the secret inputs (the outputs hold the stored inputs) and the secret outputs. */
export const secretOutputFields = (spec: ResourceSpec): string[] => [
  ...secretInputFields(spec),
  ...Object.keys(spec.outputs).filter((k) => spec.outputs[k].secret && !spec.inputs[k]?.secret),
];

/** The controller's facts that come from the spec: type, input fields (check's fast path), schema, replaceOn, secretInputs, secretOutputs. */
export function fromSpec<S extends ResourceSpec>(spec: S) {
  return {
    type: spec.key,
    inputFields: spec.inputs as Fields,
    schema: (z: Z) => objectSchema(spec, z) as unknown as zod.ZodType<InputsOf<S>>,
    replaceOn: replaceFields(spec),
    secretInputs: secretInputFields(spec),
    secretOutputs: secretOutputFields(spec),
  };
}
