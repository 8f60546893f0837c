/**
 * The whole OpenStack lab in one `pulumi up`: NAT Network, CentOS Stream 9 VM (unattended), host preparation,
 * Packstack (Zed, OVS + vxlan, extnet:br-ex), a snapshot, and the external network, subnet and default-group rules.
 *
 * Every value comes from stack config, with the seed's values as defaults (see README.md beside this file):
 *   pulumi config set installerIso ~/Downloads/CentOS-Stream-9-latest-x86_64-dvd1.iso
 *   pulumi config set --secret rootPassword ...      pulumi config set --secret adminPassword ...
 *   pulumi config set sshPrivateKeyPath ~/.ssh/id_ed25519   (its .pub beside it)
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
    novaPort: config.getNumber("novaPort"),
    glancePort: config.getNumber("glancePort"),
    placementPort: config.getNumber("placementPort"),
    novncPort: config.getNumber("novncPort"),
  },
  vm: {
    name: config.get("vmName"),
    cpus: config.getNumber("cpus"),
    memoryMb: config.getNumber("memoryMb"),
    diskSizeMb: config.getNumber("diskSizeMb"),
    installerIso: config.get("installerIso"),
    rootPassword: config.requireSecret("rootPassword"),
    sshPrivateKey: pulumi.secret(fs.readFileSync(keyPath, "utf8")),
    sshPublicKey: fs.readFileSync(`${keyPath}.pub`, "utf8").trim(),
    vboxManagePath: config.get("vboxManagePath"),
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
    adminPassword: config.requireSecret("adminPassword"),
    extraAnswers: config.getObject<Record<string, string>>("extraAnswers"),
    timeoutMinutes: config.getNumber("packstackTimeoutMinutes"),
    virtType: config.get("virtType") as "auto" | "kvm" | "qemu" | undefined,
  },
  networks: {
    externalNetworkName: config.get("externalNetworkName"),
    subnetName: config.get("subnetName"),
    poolStart: config.get("poolStart"),
    poolEnd: config.get("poolEnd"),
  },
});

export const dashboardUrl = theLab.dashboardUrl;
// for a stack on the lab: console URLs from Nova name the guest; this is the noVNC forward on the PC
export const consoleBaseUrl = theLab.consoleBaseUrl;
export const vmUuid = theLab.vm.uuid;
export const externalNetworkId = theLab.externalNetwork.id;
export const publicSubnetId = theLab.publicSubnet.id;
export const cloud = theLab.cloud;
