/**
 * The one list of resources: registry key -> its folder below provider/ (README.md, spec.ts, controller.ts), its
 * spec and what its id is (for the docs). Read by sdk/providers.ts, the sdk classes, scripts/gen-resource-docs.js
 * and the test corpora. Each key's controller module is in provider/controllers.ts, which the compiler holds to
 * these keys. Light: specs build no zod at load.
 */
import type { ResourceSpec } from "./core/spec";
import { spec as flavor } from "./openstack/flavor/spec";
import { spec as floatingIp } from "./openstack/floatingip/spec";
import { spec as keypair } from "./openstack/keypair/spec";
import { spec as network } from "./openstack/network/spec";
import { spec as subnet } from "./openstack/subnet/spec";
import { spec as natNetwork } from "./virtualbox/natnetwork/spec";
import { spec as snapshot } from "./virtualbox/snapshot/spec";
import { spec as virtualMachine } from "./virtualbox/virtualmachine/spec";
import { spec as image } from "./openstack/image/spec";
import { spec as server } from "./openstack/server/spec";
import { spec as hostPrep } from "./lab/hostprep/spec";
import { spec as securityGroupRuleSet } from "./openstack/securitygroupruleset/spec";
import { spec as securityGroup } from "./openstack/securitygroup/spec";
import { spec as securityGroupRule } from "./openstack/securitygrouprule/spec";
import { spec as packstack } from "./lab/packstack/spec";
import { spec as router } from "./openstack/router/spec";
import { spec as routerInterface } from "./openstack/routerinterface/spec";

export interface RegistryEntry {
  /** The resource's folder below provider/ (its README.md, spec.ts, controller.ts). */
  dir: string;
  /** What the resource's id is. */
  id: string;
  spec?: ResourceSpec;
}

const entry = (dir: string, id: string, spec?: ResourceSpec): RegistryEntry => ({ dir, id, ...(spec ? { spec } : {}) });

export const REGISTRY = {
  "openstack.Network": entry("openstack/network", "Neutron UUID", network),
  "openstack.Subnet": entry("openstack/subnet", "Neutron UUID", subnet),
  "openstack.SecurityGroup": entry("openstack/securitygroup", "Neutron UUID", securityGroup),
  "openstack.SecurityGroupRule": entry("openstack/securitygrouprule", "Neutron UUID", securityGroupRule),
  "openstack.SecurityGroupRuleSet": entry("openstack/securitygroupruleset", "group UUID", securityGroupRuleSet),
  "openstack.Router": entry("openstack/router", "Neutron UUID", router),
  "openstack.RouterInterface": entry("openstack/routerinterface", "port UUID", routerInterface),
  "openstack.FloatingIp": entry("openstack/floatingip", "Neutron UUID", floatingIp),
  "openstack.Keypair": entry("openstack/keypair", "key pair name", keypair),
  "openstack.Flavor": entry("openstack/flavor", "flavor id", flavor),
  "openstack.Image": entry("openstack/image", "Glance UUID", image),
  "openstack.Server": entry("openstack/server", "Nova UUID", server),
  "virtualbox.NatNetwork": entry("virtualbox/natnetwork", "network name", natNetwork),
  "virtualbox.VirtualMachine": entry("virtualbox/virtualmachine", "VM UUID", virtualMachine),
  "virtualbox.Snapshot": entry("virtualbox/snapshot", "snapshot UUID", snapshot),
  "lab.HostPrep": entry("lab/hostprep", "host", hostPrep),
  "lab.PackstackInstall": entry("lab/packstack", "host", packstack),
} satisfies Record<string, RegistryEntry>;

export type ResourceKey = keyof typeof REGISTRY;
