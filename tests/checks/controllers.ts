/** Every resource's controller and provider by registry key (the TypeScript sources, so no build is needed). */
import type { Controller, makeProvider } from "../../provider/core/controller";
import * as hostPrep from "../../provider/lab/hostprep/controller";
import * as packstack from "../../provider/lab/packstack/controller";
import * as floatingIp from "../../provider/openstack/floatingip/controller";
import * as flavor from "../../provider/openstack/flavor/controller";
import * as image from "../../provider/openstack/image/controller";
import * as keypair from "../../provider/openstack/keypair/controller";
import * as server from "../../provider/openstack/server/controller";
import * as network from "../../provider/openstack/network/controller";
import * as router from "../../provider/openstack/router/controller";
import * as routerInterface from "../../provider/openstack/routerinterface/controller";
import * as securityGroup from "../../provider/openstack/securitygroup/controller";
import * as securityGroupRule from "../../provider/openstack/securitygrouprule/controller";
import * as securityGroupRuleSet from "../../provider/openstack/securitygroupruleset/controller";
import * as subnet from "../../provider/openstack/subnet/controller";
import * as natNetwork from "../../provider/virtualbox/natnetwork/controller";
import * as snapshot from "../../provider/virtualbox/snapshot/controller";
import * as virtualMachine from "../../provider/virtualbox/virtualmachine/controller";

interface Module {
  controller: Controller<any, any>;
  provider: ReturnType<typeof makeProvider>;
}

export const MODULES: Record<string, Module> = {
  "openstack.Network": network,
  "openstack.Subnet": subnet,
  "openstack.SecurityGroup": securityGroup,
  "openstack.SecurityGroupRule": securityGroupRule,
  "openstack.SecurityGroupRuleSet": securityGroupRuleSet,
  "openstack.Router": router,
  "openstack.RouterInterface": routerInterface,
  "openstack.FloatingIp": floatingIp,
  "openstack.Keypair": keypair,
  "openstack.Flavor": flavor,
  "openstack.Image": image,
  "openstack.Server": server,
  "virtualbox.NatNetwork": natNetwork,
  "virtualbox.VirtualMachine": virtualMachine,
  "virtualbox.Snapshot": snapshot,
  "lab.HostPrep": hostPrep,
  "lab.PackstackInstall": packstack,
};
