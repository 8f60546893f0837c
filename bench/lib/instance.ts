/**
 * The instance workload (workload.ts `InstanceWorkload`) two ways: as a Pulumi program with this library's classes
 * (variant pulumi-instance) and as the OpenTofu configuration a user of terraform-provider-openstack writes
 * (variant tofu-instance). The same objects both ways: external network + subnet, tenant network + subnet, router
 * (gateway on the external network) + its interface, key pair, image uploaded from the local qcow2, flavor, server
 * on the tenant network, floating IP on the server's port.
 */
import type { InstanceWorkload } from "../workload";
import type { BenchCloud } from "./cloud";
import { flatExternalNetwork, tofuHeader } from "./tofuConfig";

/** Declares the workload with the library's classes (`lib` = require(bin)); runs inside a Pulumi program. */
export function declareInstance(lib: any, w: InstanceWorkload, cloud: BenchCloud): void {
  const os = lib.openstack;
  const ext = new os.Network("ext", { name: w.external.name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: w.external.physnet, cloud });
  const extSubnet = new os.Subnet("ext-subnet", {
    name: w.external.subnet, networkId: ext.id, cidr: w.external.cidr, ipVersion: 4, gatewayIp: w.external.gatewayIp, enableDhcp: false,
    allocationPools: [w.external.pool], cloud,
  });
  const net = new os.Network("net", { name: w.tenant.name, cloud });
  const subnet = new os.Subnet("subnet", { name: w.tenant.subnet, networkId: net.id, cidr: w.tenant.cidr, ipVersion: 4, cloud });
  // the gateway takes an address of the external subnet: made after it, deleted before it
  const router = new os.Router("router", { name: w.router, externalNetworkId: ext.id, cloud }, { dependsOn: [extSubnet] });
  const itf = new os.RouterInterface("router-interface", { routerId: router.id, subnetId: subnet.id, cloud });
  const key = new os.Keypair("key", { name: w.keypair.name, publicKey: w.keypair.publicKey, cloud });
  const image = new os.Image("image", { name: w.image.name, file: w.image.file, cloud });
  const flavor = new os.Flavor("flavor", { name: w.flavor.name, vcpus: w.flavor.vcpus, ram: w.flavor.ram, disk: w.flavor.disk, cloud });
  const server = new os.Server("server", { name: w.server, imageId: image.id, flavorId: flavor.id, networks: [{ networkId: net.id }], keyPair: key.name, cloud }, { dependsOn: [subnet] });
  new os.FloatingIp("fip", { networkId: ext.id, portId: server.portIds.apply((p: string[]) => p[0]), description: w.floatingIp, cloud }, { dependsOn: [itf] });
}

const str = (s: string) => JSON.stringify(s);

/** main.tf of the instance workload, pinned to `providerVersion`. */
export function instanceTofuConfig(w: InstanceWorkload, providerVersion: string): string {
  return `${tofuHeader(providerVersion)}
${flatExternalNetwork("ext", "ext", w.external)}
resource "openstack_networking_network_v2" "net" {
  name = ${str(w.tenant.name)}
}

resource "openstack_networking_subnet_v2" "subnet" {
  name       = ${str(w.tenant.subnet)}
  network_id = openstack_networking_network_v2.net.id
  cidr       = ${str(w.tenant.cidr)}
  ip_version = 4
}

resource "openstack_networking_router_v2" "router" {
  name                = ${str(w.router)}
  external_network_id = openstack_networking_network_v2.ext.id
  depends_on          = [openstack_networking_subnet_v2.ext]
}

resource "openstack_networking_router_interface_v2" "router" {
  router_id = openstack_networking_router_v2.router.id
  subnet_id = openstack_networking_subnet_v2.subnet.id
}

resource "openstack_compute_keypair_v2" "key" {
  name       = ${str(w.keypair.name)}
  public_key = ${str(w.keypair.publicKey.trim())}
}

resource "openstack_images_image_v2" "image" {
  name             = ${str(w.image.name)}
  local_file_path  = ${str(w.image.file)}
  disk_format      = "qcow2"
  container_format = "bare"
}

resource "openstack_compute_flavor_v2" "flavor" {
  name  = ${str(w.flavor.name)}
  vcpus = ${w.flavor.vcpus}
  ram   = ${w.flavor.ram}
  disk  = ${w.flavor.disk}
}

resource "openstack_compute_instance_v2" "server" {
  name      = ${str(w.server)}
  image_id  = openstack_images_image_v2.image.id
  flavor_id = openstack_compute_flavor_v2.flavor.id
  key_pair  = openstack_compute_keypair_v2.key.name
  network {
    uuid = openstack_networking_network_v2.net.id
  }
  depends_on = [openstack_networking_subnet_v2.subnet]
}

resource "openstack_networking_floatingip_v2" "fip" {
  pool        = openstack_networking_network_v2.ext.name
  description = ${str(w.floatingIp)}
  port_id     = openstack_compute_instance_v2.server.network[0].port
  depends_on  = [openstack_networking_router_interface_v2.router]
}
`;
}
