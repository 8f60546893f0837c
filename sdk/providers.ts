import { providerShim, ProviderShim } from "../provider/core/shim";
import { REGISTRY, ResourceKey } from "../provider/registry";

export type { ResourceKey };

/**
 * The ResourceProvider objects the dynamic-provider plugin calls, keyed by resource type (provider/registry.ts).
 * Each is a thin shim that loads `pulumi-openstack-lab/provider/<controller>` when called.
 */
export const providers = Object.fromEntries(
  Object.entries(REGISTRY).map(([key, r]) => [key, providerShim(r.controller)]),
) as Record<ResourceKey, ProviderShim>;
