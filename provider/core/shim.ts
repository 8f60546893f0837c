/**
 * The object the dynamic-provider plugin calls. Pulumi serializes it into state as `__provider`, so it must stay
 * tiny and capture nothing but one string: each method `require`s the implementation by package path at call
 * time (resolved from the program's directory, as the plugin does), so the state holds no code, no clients and
 * no credentials, and refresh/destroy always run the installed version of the library.
 */
export interface ProviderShim {
  check(olds: any, news: any): Promise<any>;
  diff(id: string, olds: any, news: any): Promise<any>;
  create(inputs: any): Promise<any>;
  read(id: string, props: any): Promise<any>;
  update(id: string, olds: any, news: any): Promise<any>;
  delete(id: string, props: any): Promise<void>;
}

/** `impl` is a module path below the package's provider/ folder, e.g. "openstack/network/controller". */
export function providerShim(impl: string): ProviderShim {
  return {
    check: (o, n) => require("pulumi-openstack-lab/provider/" + impl).provider.check(o, n),
    diff: (id, o, n) => require("pulumi-openstack-lab/provider/" + impl).provider.diff(id, o, n),
    create: (i) => require("pulumi-openstack-lab/provider/" + impl).provider.create(i),
    read: (id, p) => require("pulumi-openstack-lab/provider/" + impl).provider.read(id, p),
    update: (id, o, n) => require("pulumi-openstack-lab/provider/" + impl).provider.update(id, o, n),
    delete: (id, p) => require("pulumi-openstack-lab/provider/" + impl).provider.delete(id, p),
  };
}
