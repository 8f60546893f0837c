/**
 * The cheap path: load a serialized provider in this process the way cmd/dynamic-provider/index.js getProvider()
 * does -- requireFromString(text).handler(), with NO file name, so requires resolve from process.cwd() -- and call
 * it directly, without the plugin or gRPC. Skips the wire (Struct encoding) and the engine's secret rules.
 */
import * as path from "path";

const requireFromString: (code: string, filename?: string) => any = require(
  require.resolve("require-from-string", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }),
);

export function loadSerializedProvider<T = any>(text: string): T {
  return requireFromString(text).handler();
}
