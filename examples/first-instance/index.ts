/**
 * The learner's first instance, as a second stack on top of the lab: the lab stack's outputs (`cloud`, the admin
 * credentials, still a secret; `externalNetworkId`) come through a StackReference. This stack makes a tenant
 * network, subnet and router on the lab's external network, imports the lab's SSH public key as a key pair,
 * uploads a CirrOS image from a file you downloaded, defines a small flavor and a security group (SSH and ping),
 * boots a server and gives it a floating IP from the seed's pool; it outputs the ssh command and the console URL.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { openstack } from "pulumi-openstack-lab";

const config = new pulumi.Config();
// `npm run lab` keeps the lab in the file backend as organization/pulumi-openstack-lab/lab.
const lab = new pulumi.StackReference(config.get("labStack") ?? "organization/pulumi-openstack-lab/lab");
const cloud = lab.getOutput("cloud") as pulumi.Output<openstack.CloudArgs>;
const externalNetworkId = lab.getOutput("externalNetworkId") as pulumi.Output<string>;
// the lab's noVNC forward on the PC (http://127.0.0.1:6080): console URLs from Nova name the VM's own address
const consoleBaseUrl = lab.getOutput("consoleBaseUrl") as pulumi.Output<string | undefined>;
const prefix = config.get("prefix") ?? "first";
const repo = path.resolve(__dirname, "..", "..");

// The key `npm run lab` made for the lab (.pulumi-state/id_ed25519), or your own (config publicKeyFile).
const publicKeyFile = path.resolve(config.get("publicKeyFile") ?? path.join(repo, ".pulumi-state", "id_ed25519.pub"));
const privateKeyFile = publicKeyFile.replace(/\.pub$/, "");
// CirrOS 0.6.2 (x86_64, qcow2, ~21 MB) from https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img
const imageFile = path.resolve(config.get("imageFile") ?? path.join(__dirname, "cirros-0.6.2-x86_64-disk.img"));

const external = openstack.Network.get("external-network", externalNetworkId, { cloud });
const network = new openstack.Network("network", { name: `${prefix}-net`, cloud });
const subnet = new openstack.Subnet("subnet", {
  networkId: network.id, name: `${prefix}-subnet`, cidr: config.get("cidr") ?? "192.168.50.0/24", dnsNameservers: ["8.8.8.8"], cloud,
});
const router = new openstack.Router("router", { name: `${prefix}-router`, externalNetworkId: external.id, cloud });
const routerInterface = new openstack.RouterInterface("router-interface", { routerId: router.id, subnetId: subnet.id, cloud });

const keypair = new openstack.Keypair("keypair", { name: `${prefix}-key`, publicKey: fs.readFileSync(publicKeyFile, "utf8"), cloud });

const image = new openstack.Image("cirros", {
  name: `${prefix}-cirros`,
  file: imageFile,
  minRam: 64,
  properties: { os_distro: "cirros", hw_disk_bus: "virtio" },
  cloud,
});

const flavor = new openstack.Flavor("flavor", { name: `${prefix}-tiny`, vcpus: 1, ram: 128, disk: 1, cloud });

const group = new openstack.SecurityGroup("ssh-and-ping", {
  name: `${prefix}-ssh-ping`,
  description: "SSH and ping from anywhere",
  rules: [
    { direction: "ingress", protocol: "tcp", portRangeMin: 22, remoteIpPrefix: "0.0.0.0/0" },
    { direction: "ingress", protocol: "icmp", remoteIpPrefix: "0.0.0.0/0" },
    { direction: "egress", ethertype: "IPv4" },
    { direction: "egress", ethertype: "IPv6" },
  ],
  cloud,
});

const server = new openstack.Server("server", {
  name: `${prefix}-vm`,
  imageId: image.id,
  flavorId: flavor.id,
  networks: [{ networkId: network.id }],
  keyPair: keypair.name,
  securityGroups: [group.id],
  metadata: { lesson: "first-instance" },
  cloud,
}, { dependsOn: [subnet] });

// The address comes from the seed's pool on the external network; associating needs the router interface.
const floatingIp = new openstack.FloatingIp("floating-ip", {
  networkId: external.id,
  portId: server.portIds.apply((ports) => ports[0]),
  description: `${prefix}-vm`,
  cloud,
}, { dependsOn: [routerInterface] });

export const serverId = server.id;
export const serverStatus = server.status;
export const fixedIp = server.accessIpV4;
export const floatingIpAddress = floatingIp.address;
export const floatingIpPortId = floatingIp.portId;
// CirrOS's user is `cirros`
export const sshCommand = pulumi.interpolate`ssh -i ${privateKeyFile} cirros@${floatingIp.address}`;
// The server's screen in the browser (Nova's noVNC console; a new link at every `pulumi up`, valid 10 minutes)
export const consoleUrl = openstack.getServerConsoleUrl({ serverId: server.id, baseUrl: consoleBaseUrl, cloud });
