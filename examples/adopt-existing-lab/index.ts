/**
 * Adopt the OpenStack lab you built by hand: the NAT Network and the VM by name, the Packstack install from its
 * answer file and /root/keystonerc_admin, external_network and public_subnet by name, and the default group's
 * ICMP and SSH rules (an identical rule is adopted on Neutron's 409). Nothing is created or reinstalled when the
 * settings below match what you built; what differs in place is reconciled (see README.md).
 *
 *   pulumi config set natNetworkName LabNatNetwork     pulumi config set vmName openstack-lab
 *   pulumi config set sshPrivateKeyPath ~/.ssh/id_ed25519   (a key root on the VM accepts)
 *   pulumi config set --secret adminPassword <OS_PASSWORD from /root/keystonerc_admin>
 */
import * as fs from "fs";
import * as os from "os";
import * as pulumi from "@pulumi/pulumi";
import { lab } from "pulumi-openstack-lab";

const config = new pulumi.Config();
const expand = (p: string) => p.replace(/^~(?=$|\/)/, os.homedir());
const keyPath = expand(config.get("sshPrivateKeyPath") ?? "~/.ssh/id_ed25519");

const theLab = new lab.OpenStackLab("lab", {
  natNetwork: {
    name: config.get("natNetworkName"),
    cidr: config.get("cidr"),
    sshPort: config.getNumber("sshPort"),
    httpPort: config.getNumber("httpPort"),
    keystonePort: config.getNumber("keystonePort"),
    neutronPort: config.getNumber("neutronPort"),
    adopt: true,
  },
  vm: {
    name: config.get("vmName"),
    cpus: config.getNumber("cpus"),
    memoryMb: config.getNumber("memoryMb"),
    diskSizeMb: config.getNumber("diskSizeMb"),
    // The VM is installed already: no ISO, no unattended install, so no root password or public key is used.
    rootPassword: pulumi.secret(""),
    sshPublicKey: "",
    sshPrivateKey: pulumi.secret(fs.readFileSync(keyPath, "utf8")),
    vboxManagePath: config.get("vboxManagePath"),
    adopt: true,
  },
  guest: {
    ip: config.get("guestIp"),
    prefixLength: config.getNumber("prefixLength"),
    gateway: config.get("gateway"),
    dns: config.getObject<string[]>("dns"),
    hostname: config.get("hostname"),
    interface: config.get("interface"),
  },
  packstack: {
    // Must be the install's admin password (OS_PASSWORD in /root/keystonerc_admin): a different one re-runs Packstack.
    adminPassword: config.requireSecret("adminPassword"),
    extraAnswers: config.getObject<Record<string, string>>("extraAnswers"),
    adopt: true,
  },
  networks: {
    externalNetworkName: config.get("externalNetworkName"),
    subnetName: config.get("subnetName"),
    poolStart: config.get("poolStart"),
    poolEnd: config.get("poolEnd"),
    adopt: true,
  },
  // A snapshot would be a new object in VirtualBox; take one with `pulumi config set takeSnapshot true`.
  snapshot: config.getBoolean("takeSnapshot") ?? false,
});

export const dashboardUrl = theLab.dashboardUrl;
export const vmUuid = theLab.vm.uuid;
export const externalNetworkId = theLab.externalNetwork.id;
export const publicSubnetId = theLab.publicSubnet.id;
export const icmpRuleId = theLab.icmpRule.id;
export const sshRuleId = theLab.sshRule.id;
export const cloud = theLab.cloud;
