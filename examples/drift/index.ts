/**
 * A small tenant network, its subnet, and a security group whose rules are managed as one authoritative set:
 * enough to see every kind of drift `pulumi preview --refresh` reports (README.md beside this file walks through it).
 * Names, CIDR and pool come from stack config so the walk-through can change them.
 */
import * as pulumi from "@pulumi/pulumi";
import { openstack } from "pulumi-openstack-lab";

const config = new pulumi.Config();
const cloud = config.getSecretObject<openstack.CloudArgs>("cloud"); // else OS_CLOUD / OS_* / keystonerc
const prefix = config.get("prefix") ?? "drift-demo";

const network = new openstack.Network("network", {
  name: `${prefix}-net`,
  description: "changed by hand? pulumi preview --refresh will say so",
  cloud,
});

const subnet = new openstack.Subnet("subnet", {
  networkId: network.id,
  name: `${prefix}-subnet`,
  cidr: config.get("cidr") ?? "192.168.50.0/24",
  gatewayIp: config.get("gateway") ?? "192.168.50.1",
  enableDhcp: false,
  allocationPools: [{ start: config.get("poolStart") ?? "192.168.50.10", end: config.get("poolEnd") ?? "192.168.50.100" }],
  cloud,
});

const group = new openstack.SecurityGroup("group", { name: `${prefix}-sg`, description: "rules owned by the rule set", cloud });

const rules = new openstack.SecurityGroupRuleSet("rules", {
  securityGroup: group.id,
  rules: [
    { direction: "ingress", ethertype: "IPv4", protocol: "icmp" },
    { direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 22, portRangeMax: 22 },
  ],
  cloud,
});

export const networkId = network.id;
export const subnetId = subnet.id;
export const securityGroupId = group.id;
export const ruleIds = rules.ruleIds;
