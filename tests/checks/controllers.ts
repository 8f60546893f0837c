/**
 * Every resource's controller and provider by registry key (provider/registry.ts; the TypeScript sources, so no
 * build is needed), from `provider/<dir>/controller`: the module provider/controllers.ts loads for the key (the
 * compiler checks that path; tests/checks/registry.test.ts checks the two are the same module) and the path the
 * shims of stacks made by earlier versions require.
 */
import type { Controller, makeProvider } from "../../provider/core/controller";
import { REGISTRY } from "../../provider/registry";

interface Module {
  controller: Controller<any, any>;
  provider: ReturnType<typeof makeProvider>;
}

export const MODULES: Record<string, Module> = Object.fromEntries(
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  Object.entries(REGISTRY).map(([key, r]) => [key, require(`../../provider/${r.dir}/controller`) as Module]),
);
