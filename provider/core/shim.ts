/**
 * The object the dynamic-provider plugin calls. Pulumi serializes it into state as `__provider`, so it must stay
 * tiny and capture nothing but one string, the resource's registry key: each method `require`s the package's
 * controller loader (provider/controllers.ts) by package path at call time (resolved from the program's
 * directory, as the plugin does), which loads that resource's controller; so the state holds no code, no clients
 * and no credentials, and refresh/destroy always run the installed version of the library.
 *
 * Stacks made by earlier versions hold the older shim, which required `pulumi-openstack-lab/provider/<dir>/controller`
 * itself: those modules stay where they are (see provider/controllers.ts).
 */
export interface ProviderShim {
  check(olds: any, news: any): Promise<any>;
  diff(id: string, olds: any, news: any): Promise<any>;
  create(inputs: any): Promise<any>;
  read(id: string, props: any): Promise<any>;
  update(id: string, olds: any, news: any): Promise<any>;
  delete(id: string, props: any): Promise<void>;
}

/** `key` is a registry key (provider/registry.ts), e.g. "openstack.Network". */
export function providerShim(key: string): ProviderShim {
  return {
    check: (o, n) => require("pulumi-openstack-lab/provider/controllers").call(key, "check", o, n),
    diff: (id, o, n) => require("pulumi-openstack-lab/provider/controllers").call(key, "diff", id, o, n),
    create: (i) => require("pulumi-openstack-lab/provider/controllers").call(key, "create", i),
    read: (id, p) => require("pulumi-openstack-lab/provider/controllers").call(key, "read", id, p),
    update: (id, o, n) => require("pulumi-openstack-lab/provider/controllers").call(key, "update", id, o, n),
    delete: (id, p) => require("pulumi-openstack-lab/provider/controllers").call(key, "delete", id, p),
  };
}
