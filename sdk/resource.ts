import * as pulumi from "@pulumi/pulumi";
import { providers, ResourceKey } from "./providers";

/**
 * Base of every resource class. `outputNames` lists the outputs the class exposes (Pulumi only creates Outputs
 * for keys present in the props). `customTimeouts` from the resource options is passed to the provider as an
 * input, because the dynamic-provider plugin does not forward the engine's timeouts.
 */
export abstract class LabResource extends pulumi.dynamic.Resource {
  protected constructor(
    key: ResourceKey,
    name: string,
    args: Record<string, unknown>,
    outputNames: ReadonlyArray<string>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const props: Record<string, unknown> = {};
    for (const k of outputNames) props[k] = undefined;
    Object.assign(props, args);
    if (opts?.customTimeouts) props.customTimeouts = opts.customTimeouts;
    const [module, type] = key.split(".");
    super(providers[key], name, props, opts, module, type);
  }
}
