/**
 * A tenant network on top of the lab, as a second stack: the lab stack's outputs (`cloud`, the admin credentials,
 * still a secret; `externalNetworkId`) come through a StackReference, and this stack builds a tenant network, its
 * subnet and a router whose gateway is on the lab's external network. The external network itself is only
 * referenced (`openstack.Network.get`): this stack reads it and never changes or deletes it.
 */
import * as pulumi from "@pulumi/pulumi";
import { openstack } from "pulumi-openstack-lab";

const config = new pulumi.Config();
// `npm run lab` keeps the lab in the file backend as organization/pulumi-openstack-lab/lab.
const lab = new pulumi.StackReference(config.get("labStack") ?? "organization/pulumi-openstack-lab/lab");
const cloud = lab.getOutput("cloud") as pulumi.Output<openstack.CloudArgs>; // secret in the lab, secret here
const externalNetworkId = lab.getOutput("externalNetworkId") as pulumi.Output<string>;
const prefix = config.get("prefix") ?? "tenant";

const external = openstack.Network.get("external-network", externalNetworkId, { cloud });

const network = new openstack.Network("network", { name: `${prefix}-net`, cloud });

const subnet = new openstack.Subnet("subnet", {
  networkId: network.id,
  name: `${prefix}-subnet`,
  cidr: config.get("cidr") ?? "192.168.100.0/24",
  dnsNameservers: ["8.8.8.8"],
  cloud,
});

const router = new openstack.Router("router", { name: `${prefix}-router`, externalNetworkId: external.id, cloud });

const routerInterface = new openstack.RouterInterface("router-interface", { routerId: router.id, subnetId: subnet.id, cloud });

export const externalNetworkName = external.name;
export const networkId = network.id;
export const subnetId = subnet.id;
export const routerId = router.id;
export const routerInterfacePortId = routerInterface.portId;
export const routerGatewayIps = router.externalFixedIps;
