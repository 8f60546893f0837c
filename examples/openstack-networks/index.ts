/**
 * The seed's post-install Neutron commands as a Pulumi stack:
 *
 *   openstack network create external_network --provider-network-type flat --provider-physical-network extnet --external
 *   openstack subnet create public_subnet --network external_network --no-dhcp \
 *     --allocation-pool start=10.0.2.100,end=10.0.2.200 --gateway 10.0.2.1 --subnet-range 10.0.2.0/24
 *   openstack security group rule create --proto icmp default
 *   openstack security group rule create --proto tcp --dst-port 22 default
 *
 * Every value can be changed with `pulumi config set <key> <value>`; the seed's values are the defaults.
 * Credentials: `pulumi config set --secret --path cloud.password ...` (see README.md), or else whatever the
 * provider finds: OS_CLOUD + clouds.yaml, the OS_* variables, or a keystonerc file.
 */
import * as pulumi from "@pulumi/pulumi";
import { openstack } from "pulumi-openstack-lab";

const config = new pulumi.Config();
const cloud = config.getSecretObject<openstack.CloudArgs>("cloud");

const networkName = config.get("networkName") ?? "external_network";
const physicalNetwork = config.get("physicalNetwork") ?? "extnet";
const subnetName = config.get("subnetName") ?? "public_subnet";
const cidr = config.get("cidr") ?? "10.0.2.0/24";
const gatewayIp = config.get("gatewayIp") ?? "10.0.2.1";
const poolStart = config.get("poolStart") ?? "10.0.2.100";
const poolEnd = config.get("poolEnd") ?? "10.0.2.200";
const securityGroup = config.get("securityGroup") ?? "default";
const sshPort = config.getNumber("sshPort") ?? 22;
/** The openstack CLI's default remote for IPv4 rules. */
const remoteIpPrefix = config.get("remoteIpPrefix") ?? "0.0.0.0/0";

const network = new openstack.Network("external-network", {
  name: networkName,
  external: true,
  providerNetworkType: "flat",
  providerPhysicalNetwork: physicalNetwork,
  cloud,
});

const subnet = new openstack.Subnet("public-subnet", {
  name: subnetName,
  networkId: network.id,
  cidr,
  ipVersion: 4,
  gatewayIp,
  enableDhcp: false,
  allocationPools: [{ start: poolStart, end: poolEnd }],
  cloud,
});

const icmp = new openstack.SecurityGroupRule("allow-icmp", {
  securityGroup,
  direction: "ingress",
  ethertype: "IPv4",
  protocol: "icmp",
  remoteIpPrefix,
  cloud,
});

const ssh = new openstack.SecurityGroupRule("allow-ssh", {
  securityGroup,
  direction: "ingress",
  ethertype: "IPv4",
  protocol: "tcp",
  portRangeMin: sshPort,
  portRangeMax: sshPort,
  remoteIpPrefix,
  cloud,
});

export const networkId = network.id;
export const subnetId = subnet.id;
export const icmpRuleId = icmp.id;
export const sshRuleId = ssh.id;
/** The group the rules went into ("default" resolved to the project's default group). */
export const securityGroupId = icmp.securityGroupId;
