import * as pulumi from "@pulumi/pulumi";
import type * as zod from "zod";
import { FieldSpec, OutputSpec, ResourceSpec, secretInputFields } from "../provider/core/spec";
import { providers, ResourceKey } from "./providers";

/**
 * How the `import` resource option becomes the library's own adopt for each class. Pulumi's import cannot work
 * with a dynamic provider (pulumi/pulumi#16175: the plugin's Read gets no `__provider`), so the class drops the
 * option and asks its provider to adopt the object instead: the engine runs a Create, which finds the object,
 * refuses it when a field that cannot change in place differs, and reconciles the others.
 * Default: adopt by id. HostPrep has no adopt (preparing a host is idempotent: its create checks every item and
 * fixes what differs); PackstackInstall adopts the install on the host its `connection` reaches (`adopt: {}`).
 */
const IMPORT_AS: Partial<Record<ResourceKey, (id: pulumi.Input<pulumi.ID>) => Record<string, unknown>>> = {
  "lab.HostPrep": () => ({}),
  "lab.PackstackInstall": () => ({ adopt: {} }),
};

/** The inputs and options a class passes on for `opts.import`: adopt in the inputs, no `import` in the options. */
export function importAsAdopt(
  key: ResourceKey,
  args: Record<string, unknown>,
  opts: pulumi.CustomResourceOptions | undefined,
): { args: Record<string, unknown>; opts: pulumi.CustomResourceOptions | undefined } {
  if (opts?.import === undefined) return { args, opts };
  const { import: id, ...rest } = opts;
  if (args.adopt !== undefined) throw new Error(`${key}: give either the import option or adopt, not both`);
  const adopt = IMPORT_AS[key] ? IMPORT_AS[key]!(id) : { adopt: { id } };
  return { args: { ...args, ...adopt }, opts: rest };
}

/**
 * Base of every resource class. `outputNames` lists the outputs the class exposes (Pulumi only creates Outputs
 * for keys present in the props). `customTimeouts` from the resource options is passed to the provider as an
 * input, because the dynamic-provider plugin does not forward the engine's timeouts. The `import` option is
 * turned into adopt (see `importAsAdopt`).
 */
export abstract class LabResource extends pulumi.dynamic.Resource {
  protected constructor(
    key: ResourceKey,
    name: string,
    args: Record<string, unknown>,
    outputNames: ReadonlyArray<string>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const adopted = importAsAdopt(key, args, opts);
    const props: Record<string, unknown> = {};
    for (const k of outputNames) props[k] = undefined;
    Object.assign(props, adopted.args);
    if (adopted.opts?.customTimeouts) props.customTimeouts = adopted.opts.customTimeouts;
    const [module, type] = key.split(".");
    super(providers[key], name, props, adopted.opts, module, type);
  }
}

/**
 * A read-only reference to an existing object (the classes' static `get`): Pulumi reads it by id through the
 * provider's Read, with `state` as the properties the read starts from (e.g. `cloud` credentials, `vboxManagePath`;
 * the class's constructor keeps them secret as it does for its inputs). The stack never creates, updates or deletes it.
 */
export function getExisting<A, T>(
  cls: new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => T,
  name: string,
  id: pulumi.Input<pulumi.ID>,
  state?: Partial<A>,
  opts?: pulumi.CustomResourceOptions,
): T {
  return new cls(name, (state ?? {}) as A, { ...opts, id });
}

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
/** A provider-side value as the sdk takes it: every nested field and element a `pulumi.Input` (field docs kept). */
export type DeepInput<T> = T extends Primitive
  ? T
  : T extends ReadonlyArray<infer E>
    ? pulumi.Input<DeepInput<E>>[]
    : T extends object
      ? { [K in keyof T]: pulumi.Input<DeepInput<T[K]>> }
      : T;

type ArgOf<F> = F extends FieldSpec<any, infer A> ? A : never;
/** Fields that are no Args: declared with `fieldNotArg` (customTimeouts is a resource option, passed on by LabResource). */
type NotArgs<F> = { [K in keyof F]-?: [ArgOf<F[K]>] extends [never] ? K : never }[keyof F];
type AllArgs<F> = { [K in keyof F]-?: pulumi.Input<DeepInput<Exclude<ArgOf<F[K]>, undefined>>> };
/** Optional or with a default: the zod input type takes undefined. */
type OptionalKeys<F> = { [K in keyof F]-?: F[K] extends FieldSpec<infer S, any> ? (undefined extends zod.input<S> ? K : never) : never }[keyof F];

/**
 * A resource's Args, from its spec: each input field a `pulumi.Input` of its zod input type (or of the type the
 * spec names with `fieldAs`), optional when it is optional or has a default; the spec's field docs are kept.
 */
export type ArgsOf<S extends ResourceSpec> = Pick<AllArgs<S["inputs"]>, Exclude<keyof S["inputs"], OptionalKeys<S["inputs"]> | NotArgs<S["inputs"]>>> &
  Partial<Pick<AllArgs<S["inputs"]>, Exclude<OptionalKeys<S["inputs"]>, NotArgs<S["inputs"]>>>>;

/** The sdk type of one input field (a nested shape's Args: every field a pulumi.Input). */
export type FieldArgsOf<S extends ResourceSpec, K extends keyof S["inputs"]> = DeepInput<Exclude<ArgOf<S["inputs"][K]>, undefined>>;
/** The sdk type of one element of a list field. */
export type ElementArgsOf<S extends ResourceSpec, K extends keyof S["inputs"]> = DeepInput<Exclude<ArgOf<S["inputs"][K]>, undefined> extends ReadonlyArray<infer E> ? E : never>;

/** A resource's output properties, from its spec (docs kept). */
export type OutputProps<S extends ResourceSpec> = { readonly [K in keyof S["outputs"]]-?: pulumi.Output<S["outputs"][K] extends OutputSpec<infer T> ? T : never> };

export type ResourceInstance<S extends ResourceSpec> = LabResource & OutputProps<S>;

export interface ResourceClass<S extends ResourceSpec, A> {
  new (name: string, args: A, opts?: pulumi.CustomResourceOptions): ResourceInstance<S>;
  /**
   * A read-only reference to an existing object: read by id, never changed or deleted by this stack (see
   * `getExisting`); `state` gives what the read needs (credentials, `vboxManagePath`).
   */
  get(name: string, id: pulumi.Input<pulumi.ID>, state?: Partial<A>, opts?: pulumi.CustomResourceOptions): ResourceInstance<S>;
}

/** The inputs with the spec's secret fields wrapped in pulumi.secret. */
export function secretArgs(spec: ResourceSpec, args: Record<string, unknown>): Record<string, unknown> {
  const out = { ...args };
  for (const k of secretInputFields(spec)) if (out[k] !== undefined) out[k] = pulumi.secret(out[k]);
  return out;
}

/**
 * The sdk class of a resource, from its spec: its outputs as `pulumi.Output` properties, its secret inputs wrapped
 * with pulumi.secret, a static `get`. `A` is the Args type (`ArgsOf<typeof spec>`, declared beside the class).
 */
export function resourceClass<S extends ResourceSpec, A = ArgsOf<S>>(spec: S): ResourceClass<S, A> {
  const key = spec.key as ResourceKey;
  const outputNames = Object.keys(spec.outputs);
  class Resource extends LabResource {
    constructor(name: string, args: A, opts?: pulumi.CustomResourceOptions) {
      const secretOuts = outputNames.filter((k) => spec.outputs[k].secret);
      const withSecrets = secretOuts.length ? { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOuts] } : opts;
      super(key, name, secretArgs(spec, (args ?? {}) as Record<string, unknown>), outputNames, withSecrets);
    }

    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Partial<A>, opts?: pulumi.CustomResourceOptions) {
      return getExisting(Resource, name, id, state, opts);
    }
  }
  Object.defineProperty(Resource, "name", { value: key.split(".")[1] });
  return Resource as unknown as ResourceClass<S, A>;
}
