import { providerShim, ProviderShim } from "../provider/core/shim";

/**
 * The ResourceProvider objects the dynamic-provider plugin calls, keyed by resource type. Each is a thin shim
 * that loads `pulumi-openstack-lab/provider/<path>` when called.
 */
export const providers = {
  "openstack.Network": providerShim("openstack/network/controller"),
  "openstack.Subnet": providerShim("openstack/subnet/controller"),
  "openstack.SecurityGroup": providerShim("openstack/securitygroup/controller"),
  "openstack.SecurityGroupRule": providerShim("openstack/securitygrouprule/controller"),
  "openstack.SecurityGroupRuleSet": providerShim("openstack/securitygroupruleset/controller"),
  "openstack.Router": providerShim("openstack/router/controller"),
  "openstack.RouterInterface": providerShim("openstack/routerinterface/controller"),
  "openstack.FloatingIp": providerShim("openstack/floatingip/controller"),
  "openstack.Keypair": providerShim("openstack/keypair/controller"),
  "openstack.Flavor": providerShim("openstack/flavor/controller"),
  "openstack.Image": providerShim("openstack/image/controller"),
  "openstack.Server": providerShim("openstack/server/controller"),
  "virtualbox.NatNetwork": providerShim("virtualbox/natnetwork/controller"),
  "virtualbox.VirtualMachine": providerShim("virtualbox/virtualmachine/controller"),
  "virtualbox.Snapshot": providerShim("virtualbox/snapshot/controller"),
  "lab.HostPrep": providerShim("lab/hostprep/controller"),
  "lab.PackstackInstall": providerShim("lab/packstack/controller"),
} satisfies Record<string, ProviderShim>;

export type ResourceKey = keyof typeof providers;
