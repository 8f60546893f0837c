/**
 * Produces `__provider` exactly like pulumi.dynamic.Resource does (@pulumi/pulumi/dynamic/index.js
 * serializeFunctionMaybeSecret): serializeFunction(() => provider, { allowSecrets: true }); the value is a secret
 * Output when the closure captured a secret. The plugin later runs requireFromString(text).handler().
 *
 * Only for providers already known to serialize well: inside jest's VM realm bad captures can "succeed" and crash
 * at load time. The serializability guard runs in a plain node child instead (serializeInChild.ts).
 */
import * as pulumi from "@pulumi/pulumi";

export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<{ text: string; containsSecrets: boolean }> {
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return { text: sf.text, containsSecrets: sf.containsSecrets };
}

/** The `require("…")` specifiers in serialized text. */
export function requiredModules(text: string): string[] {
  return [...new Set([...text.matchAll(/require\(\s*(["'`])(.*?)\1\s*\)/g)].map((m) => m[2]))];
}
