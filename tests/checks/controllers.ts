/**
 * Every resource's controller and provider by registry key (provider/registry.ts; the TypeScript sources, so no
 * build is needed). Requiring each registry path here is what checks the registry's module paths
 * (tests/checks/registry.test.ts).
 */
import type { Controller, makeProvider } from "../../provider/core/controller";
import { REGISTRY } from "../../provider/registry";

interface Module {
  controller: Controller<any, any>;
  provider: ReturnType<typeof makeProvider>;
}

export const MODULES: Record<string, Module> = Object.fromEntries(
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  Object.entries(REGISTRY).map(([key, r]) => [key, require(`../../provider/${r.controller}`) as Module]),
);
