/**
 * An external (router:external) network with a subnet for the Router, RouterInterface and FloatingIp tests:
 * flat on a free spare physnet when one is free, else a VLAN provider network on extnet.
 */
import { Cleanup, freePhysnet, openstack, openstackQuiet, uniqueName } from "../common/helpers";

export interface ExternalNetwork {
  networkId: string;
  subnetId: string;
}

export async function externalNetwork(cleanup: Cleanup): Promise<ExternalNetwork> {
  const name = uniqueName("ext");
  const physnet = await freePhysnet(15_000).catch(() => null);
  const vlan = () => ["--provider-network-type", "vlan", "--provider-physical-network", "extnet", "--provider-segment", String(100 + Math.floor(Math.random() * 3900))];
  // Other suites take spare physnets too: if ours was taken meanwhile (or a VLAN id is in use), try a VLAN.
  const attempts = [physnet ? ["--provider-network-type", "flat", "--provider-physical-network", physnet] : vlan(), vlan(), vlan()];
  let net: any;
  for (const [i, provider] of attempts.entries()) {
    try {
      net = await openstack(["network", "create", "--external", ...provider, name]);
      break;
    } catch (e) {
      if (i === attempts.length - 1) throw e;
    }
  }
  cleanup.add(() => openstackQuiet(["network", "delete", net.id]));
  const subnet = await openstack(["subnet", "create", "--network", net.id, "--subnet-range", "198.51.100.0/24", "--no-dhcp", `${name}-sub`]);
  cleanup.add(() => openstackQuiet(["subnet", "delete", subnet.id]));
  return { networkId: net.id, subnetId: subnet.id };
}

/** A tenant network and subnet (10.<n>.0.0/24) to attach to routers. */
export async function internalSubnet(cleanup: Cleanup, octet = 10 + Math.floor(Math.random() * 200)): Promise<{ networkId: string; subnetId: string; cidr: string }> {
  const name = uniqueName("int");
  const net = await openstack(["network", "create", name]);
  cleanup.add(() => openstackQuiet(["network", "delete", net.id]));
  const cidr = `10.${octet}.0.0/24`;
  const subnet = await openstack(["subnet", "create", "--network", net.id, "--subnet-range", cidr, `${name}-sub`]);
  cleanup.add(() => openstackQuiet(["subnet", "delete", subnet.id]));
  return { networkId: net.id, subnetId: subnet.id, cidr };
}
