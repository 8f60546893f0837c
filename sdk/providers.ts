import { providerShim, ProviderShim } from "../provider/core/shim";
import { REGISTRY, ResourceKey } from "../provider/registry";

export type { ResourceKey };

/**
 * The ResourceProvider objects the dynamic-provider plugin calls, keyed by resource type (provider/registry.ts).
 * Each is a thin shim holding only its key: when called it loads `pulumi-openstack-lab/provider/controllers`, which
 * loads that resource's controller (provider/controllers.ts).
 */
export const providers = Object.fromEntries(Object.keys(REGISTRY).map((key) => [key, providerShim(key)])) as Record<ResourceKey, ProviderShim>;
