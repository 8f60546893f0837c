/**
 * The root project's program (Pulumi.yaml `main:`) as an Automation API inline program: ts-node (transpile only)
 * compiles it on require, and its exports become the stack outputs. Inline, so no Node.js language host is needed.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";

let registered = false;

/** Every resource the program declared in its latest run, as "<type>::<name>": what a complete run finishes. */
export const declared = new Set<string>();

export function labProgram(mainFile: string, repoRoot: string): PulumiFn {
  return async () => {
    if (!registered) {
      require("ts-node").register({ transpileOnly: true, dir: repoRoot, compilerOptions: { module: "commonjs" } });
      registered = true;
    }
    declared.clear();
    pulumi.runtime.registerStackTransformation((a) => {
      declared.add(`${a.type}::${a.name}`);
      return undefined;
    });
    const resolved = require.resolve(mainFile);
    delete require.cache[resolved];
    return { ...require(resolved) };
  };
}
