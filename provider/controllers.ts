/**
 * Each resource's controller module, by registry key, and the one function the sdk's provider shims call
 * (provider/core/shim.ts). The compiler checks every path here and that every registry key has one (`satisfies`
 * below: a missing key, an extra key or a wrong path does not compile). tsconfig's `module: commonjs` turns each
 * `import()` into a `require` run when it is called: loading this module loads no controller, no schema, no zod
 * and no client; a call loads its own resource's and nothing else (tests/engine/loadOnCall.test.ts).
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

/** Loads `key`'s controller module (its first call only; Node keeps it) and returns its provider. */
export async function providerOf(key: string): Promise<ProviderShim> {
  if (!Object.prototype.hasOwnProperty.call(CONTROLLERS, key)) throw new Error(`pulumi-openstack-lab has no resource ${JSON.stringify(key)} (is the installed version older than the stack's?)`);
  return (await CONTROLLERS[key as ResourceKey]()).provider;
}

/** What every shim method does: `key`'s provider's `method` with `args`. */
export async function call(key: string, method: Method, ...args: unknown[]): Promise<any> {
  const provider = await providerOf(key);
  return (provider[method] as (...a: unknown[]) => Promise<unknown>)(...args);
}
