import * as pulumi from "@pulumi/pulumi";
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
