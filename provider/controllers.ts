/**
 * Each resource's controller module, by registry key, and the one function the sdk's provider shims call
 * (provider/core/shim.ts). The compiler checks every path here and that every registry key has one (`satisfies`
 * below: a missing key, an extra key or a wrong path does not compile). tsconfig's `module: commonjs` turns each
 * `import()` into a `require` run when it is called: loading this module loads no controller, no schema, no zod
 * and no client; a call loads its own resource's and nothing else (tests/engine/loadOnCall.test.ts).
 *
 * Before the first controller loads, Node's module compile cache is switched on (Node 22.1+: `enableCompileCache`;
 * its folder is NODE_COMPILE_CACHE's, else Node's default below the temporary folder; NODE_DISABLE_COMPILE_CACHE=1
 * keeps it off), so zod, our modules and the clients compile from the cache in later plugin processes. The engine
 * ends the plugin with a signal, which skips Node's own write at exit, so each call then writes what the process
 * compiled since the last write (`flushCompileCache`, Node 22.10+; nothing when nothing is new): with
 * NODE_COMPILE_CACHE set for the plugin (the lab's CLI does, cli/workspace.ts), that includes @pulumi/pulumi.
 * Neither may fail a call: no cache, or an unwritable folder, is a call that compiles as before.
 *
 * Stacks made before this module existed hold shims that require `pulumi-openstack-lab/provider/<dir>/controller`
 * and use its `provider` export: every controller stays at that path with that export
 * (tests/engine/serialization.test.ts loads such an old shim for each).
 */
import type { ProviderShim } from "./core/shim";
import type { ResourceKey } from "./registry";

export const CONTROLLERS = {
  "openstack.Network": () => import("./openstack/network/controller"),
  "openstack.Subnet": () => import("./openstack/subnet/controller"),
  "openstack.SecurityGroup": () => import("./openstack/securitygroup/controller"),
  "openstack.SecurityGroupRule": () => import("./openstack/securitygrouprule/controller"),
  "openstack.SecurityGroupRuleSet": () => import("./openstack/securitygroupruleset/controller"),
  "openstack.Router": () => import("./openstack/router/controller"),
  "openstack.RouterInterface": () => import("./openstack/routerinterface/controller"),
  "openstack.FloatingIp": () => import("./openstack/floatingip/controller"),
  "openstack.Keypair": () => import("./openstack/keypair/controller"),
  "openstack.Flavor": () => import("./openstack/flavor/controller"),
  "openstack.Image": () => import("./openstack/image/controller"),
  "openstack.Server": () => import("./openstack/server/controller"),
  "virtualbox.NatNetwork": () => import("./virtualbox/natnetwork/controller"),
  "virtualbox.VirtualMachine": () => import("./virtualbox/virtualmachine/controller"),
  "virtualbox.Snapshot": () => import("./virtualbox/snapshot/controller"),
  "lab.HostPrep": () => import("./lab/hostprep/controller"),
  "lab.PackstackInstall": () => import("./lab/packstack/controller"),
} satisfies Record<ResourceKey, () => Promise<{ provider: ProviderShim }>>;

type Method = keyof ProviderShim;

let cacheAsked = false;

/** Switches Node's compile cache on, once per process, where Node has one and it is not turned off. Never throws. */
function startCompileCache(): void {
  if (cacheAsked) return;
  cacheAsked = true;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  try {
    (require("module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // no cache: the call compiles as before
  }
}

/** Writes what this process compiled since the last write. Never throws. */
function flushCompileCache(): void {
  try {
    (require("module") as { flushCompileCache?: () => void }).flushCompileCache?.();
  } catch {
    // an unwritable cache folder is no failure of the call's
  }
}

/** Loads `key`'s controller module (its first call only; Node keeps it) and returns its provider. */
export async function providerOf(key: string): Promise<ProviderShim> {
  if (!Object.prototype.hasOwnProperty.call(CONTROLLERS, key)) throw new Error(`pulumi-openstack-lab has no resource ${JSON.stringify(key)} (is the installed version older than the stack's?)`);
  startCompileCache();
  return (await CONTROLLERS[key as ResourceKey]()).provider;
}

/** What every shim method does: `key`'s provider's `method` with `args`, then the compile cache written. */
export async function call(key: string, method: Method, ...args: unknown[]): Promise<any> {
  try {
    const provider = await providerOf(key);
    return await (provider[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  } finally {
    flushCompileCache();
  }
}
