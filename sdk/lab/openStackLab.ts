import * as pulumi from "@pulumi/pulumi";
import * as openstack from "../openstack";
import * as virtualbox from "../virtualbox";
import { ConnectionArgs } from "./connection";
import { HostPrep } from "./hostPrep";
import { PackstackInstall } from "./packstackInstall";
import { endpointOverrides, FORWARDS, ForwardKey, SEED } from "./defaults";

/**
 * The whole lab in one component, in the order a learner builds it by hand:
 * NatNetwork -> VirtualMachine (unattended CentOS Stream 9) -> HostPrep -> PackstackInstall -> Snapshot
 * ("after-packstack") -> external Network, Subnet and the default group's ICMP and SSH rules.
 *
 * The guest sits on a NAT Network, so the host reaches it only through port forwards (sdk/lab/defaults.ts FORWARDS):
 * SSH (2222 -> 22), Horizon (8080 -> 80), Keystone (5000), Neutron (9696), Nova (8774), Glance (9292), Placement
 * (8778) and the noVNC console (6080). The keystonerc Packstack writes names the guest's own address (10.0.2.15),
 * which the host cannot reach; the OpenStack resources therefore authenticate through the forwarded ports, with
 * every service's endpoint overridden to match (`cloud.endpointOverrides`).
 */
export interface OpenStackLabArgs {
  natNetwork?: {
    name?: pulumi.Input<string>; // "LabNatNetwork"
    cidr?: pulumi.Input<string>; // "10.0.2.0/24"
    hostIp?: pulumi.Input<string>; // "127.0.0.1": where the forwards listen on the PC
    sshPort?: pulumi.Input<number>; // 2222
    httpPort?: pulumi.Input<number>; // 8080
    keystonePort?: pulumi.Input<number>; // 5000
    neutronPort?: pulumi.Input<number>; // 9696
    novaPort?: pulumi.Input<number>; // 8774
    glancePort?: pulumi.Input<number>; // 9292
    placementPort?: pulumi.Input<number>; // 8778
    /** Nova's noVNC console proxy (the console URL Nova hands out names the guest: replace its host:port with this). */
    novncPort?: pulumi.Input<number>; // 6080
    adopt?: boolean;
  };
  vm: {
    name?: pulumi.Input<string>; // "openstack-lab"
    cpus?: pulumi.Input<number>; // 4
    memoryMb?: pulumi.Input<number>; // 16384
    diskSizeMb?: pulumi.Input<number>; // 102400
    /** Path to the CentOS Stream 9 DVD/boot ISO on the PC (not needed when adopting an installed VM). */
    installerIso?: pulumi.Input<string>;
    rootPassword: pulumi.Input<string>;
    sshPublicKey: pulumi.Input<string>;
    sshPrivateKey: pulumi.Input<string>;
    vboxManagePath?: pulumi.Input<string>;
    adopt?: boolean;
  };
  guest?: {
    ip?: pulumi.Input<string>; // "10.0.2.15"
    prefixLength?: pulumi.Input<number>; // 24
    gateway?: pulumi.Input<string>; // "10.0.2.1"
    dns?: pulumi.Input<pulumi.Input<string>[]>; // ["8.8.8.8", "8.8.4.4"]
    hostname?: pulumi.Input<string>; // "openstack.lab"
    interface?: pulumi.Input<string>; // "enp0s3"
  };
  packstack: {
    adminPassword: pulumi.Input<string>;
    extraAnswers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    timeoutMinutes?: pulumi.Input<number>;
    /** Nova's virt_type: "auto" (default) follows the VM (kvm with nested virtualization, qemu without). */
    virtType?: pulumi.Input<"auto" | "kvm" | "qemu">;
    /** Take over a Packstack install that already runs on the VM (its answer file and keystonerc). */
    adopt?: boolean;
  };
  networks?: {
    externalNetworkName?: pulumi.Input<string>; // "external_network"
    subnetName?: pulumi.Input<string>; // "public_subnet"
    poolStart?: pulumi.Input<string>; // "10.0.2.100"
    poolEnd?: pulumi.Input<string>; // "10.0.2.200"
    adopt?: boolean;
  };
  /**
   * Take a snapshot "after-packstack" (default true): a broken lab rolls back in a minute, not an hour.
   * "adopt": the VM already has one by that name (taken by hand): take it over.
   */
  snapshot?: boolean | "adopt";
}

export { SEED };

export class OpenStackLab extends pulumi.ComponentResource {
  public readonly natNetwork: virtualbox.NatNetwork;
  public readonly vm: virtualbox.VirtualMachine;
  public readonly hostPrep: HostPrep;
  public readonly packstack: PackstackInstall;
  public readonly snapshot?: virtualbox.Snapshot;
  public readonly externalNetwork: openstack.Network;
  public readonly publicSubnet: openstack.Subnet;
  public readonly icmpRule: openstack.SecurityGroupRule;
  public readonly sshRule: openstack.SecurityGroupRule;
  public readonly dashboardUrl: pulumi.Output<string>;
  /** The noVNC console proxy through its forward: what a console URL from Nova gets in place of the guest's address. */
  public readonly consoleBaseUrl: pulumi.Output<string>;
  /** Credentials that work from the PC (through the forwarded ports). */
  public readonly cloud: pulumi.Output<openstack.CloudArgs>;

  constructor(name: string, args: OpenStackLabArgs, opts?: pulumi.ComponentResourceOptions) {
    super("pulumi-openstack-lab:lab:OpenStackLab", name, {}, opts);
    const child = { parent: this };
    const nn = args.natNetwork ?? {};
    const g = args.guest ?? {};
    const nets = args.networks ?? {};
    const guestIp = g.ip ?? SEED.guestIp;
    const hostIp = nn.hostIp ?? SEED.hostIp;
    const port = (k: ForwardKey): pulumi.Input<number> => nn[k] ?? SEED[k];
    const sshPort = port("sshPort");
    const natName = nn.name ?? SEED.natNetworkName;
    const vmName = args.vm.name ?? SEED.vmName;

    this.natNetwork = new virtualbox.NatNetwork(`${name}-natnet`, {
      name: natName,
      cidr: nn.cidr ?? SEED.cidr,
      dhcp: false, // the VM has a static address: DHCP would hand out a different one
      enabled: true,
      ipv6: false,
      portForwards: FORWARDS.map((f) => ({
        name: f.rule,
        protocol: "tcp" as const,
        hostIp,
        hostPort: port(f.key),
        guestIp,
        guestPort: f.guestPort,
      })),
      ...(nn.adopt ? { adopt: { name: natName } } : {}),
    }, child);

    this.vm = new virtualbox.VirtualMachine(`${name}-vm`, {
      name: vmName,
      osType: "RedHat_64",
      cpus: args.vm.cpus ?? SEED.cpus,
      memoryMb: args.vm.memoryMb ?? SEED.memoryMb,
      disk: { sizeMb: args.vm.diskSizeMb ?? SEED.diskSizeMb },
      nics: [{ type: "natnetwork", natNetwork: this.natNetwork.name, promiscuous: "allow-all" }],
      bootOrder: ["disk", "dvd"],
      nestedVirtualization: true,
      state: "running",
      startType: "headless",
      installerIso: args.vm.installerIso,
      unattended: args.vm.adopt
        ? undefined
        : {
            rootPassword: args.vm.rootPassword,
            sshPublicKey: args.vm.sshPublicKey,
            ip: guestIp,
            prefixLength: g.prefixLength ?? SEED.prefixLength,
            gateway: g.gateway ?? SEED.gateway,
            dns: g.dns ?? [...SEED.dns],
            hostname: g.hostname ?? SEED.hostname,
          },
      readiness: { host: hostIp, port: sshPort },
      vboxManagePath: args.vm.vboxManagePath,
      ...(args.vm.adopt ? { adopt: { name: vmName } } : {}),
    }, { ...child, dependsOn: [this.natNetwork] });

    const connection: pulumi.Input<ConnectionArgs> = {
      host: hostIp,
      port: sshPort,
      user: "root",
      privateKey: args.vm.sshPrivateKey,
    };

    this.hostPrep = new HostPrep(`${name}-hostprep`, {
      connection,
      interface: g.interface ?? SEED.interface,
      staticIp: pulumi.interpolate`${guestIp}/${g.prefixLength ?? SEED.prefixLength}`,
      gateway: g.gateway ?? SEED.gateway,
      dns: g.dns ?? [...SEED.dns],
      hostname: g.hostname ?? SEED.hostname,
    }, { ...child, dependsOn: [this.vm], customTimeouts: { create: "30m", update: "30m" } });

    this.packstack = new PackstackInstall(`${name}-packstack`, {
      connection,
      adminPassword: args.packstack.adminPassword,
      hostIp: guestIp,
      externalInterface: g.interface ?? SEED.interface,
      gateway: g.gateway ?? SEED.gateway,
      prefixLength: g.prefixLength ?? SEED.prefixLength,
      physnet: SEED.physnet,
      extraAnswers: args.packstack.extraAnswers,
      timeoutMinutes: args.packstack.timeoutMinutes ?? 120,
      virtType: args.packstack.virtType,
      ...(args.packstack.adopt ? { adopt: {} } : {}),
    }, { ...child, dependsOn: [this.hostPrep], customTimeouts: { create: "150m", update: "150m" } });

    if (args.snapshot !== false) {
      this.snapshot = new virtualbox.Snapshot(`${name}-after-packstack`, {
        vm: this.vm.id, // the VM UUID; unlike the uuid output it stays known in the preview of a VM update
        name: "after-packstack",
        description: "OpenStack Zed installed by Packstack; restore this instead of reinstalling",
        vboxManagePath: args.vm.vboxManagePath,
        ...(args.snapshot === "adopt" ? { adopt: { name: "after-packstack" } } : {}),
      }, { ...child, dependsOn: [this.packstack] });
    }

    const ports = pulumi.all(Object.fromEntries(FORWARDS.map((f) => [f.key, port(f.key)])) as Record<ForwardKey, pulumi.Input<number>>);
    this.cloud = pulumi.all([this.packstack.keystonerc, hostIp, ports])
      .apply(([rc, host, p]) => ({
        ...rc,
        authUrl: `http://${host}:${p.keystonePort}/v3`,
        endpointOverrides: endpointOverrides(host, p),
      }));
    const cloud = pulumi.secret(this.cloud);
    const after = { ...child, dependsOn: this.snapshot ? [this.snapshot] : [this.packstack] };
    const netName = nets.externalNetworkName ?? SEED.externalNetworkName;
    const subnetName = nets.subnetName ?? SEED.subnetName;

    this.externalNetwork = new openstack.Network(`${name}-external-network`, {
      name: netName,
      external: true,
      providerNetworkType: "flat",
      providerPhysicalNetwork: SEED.physnet,
      cloud,
      ...(nets.adopt ? { adopt: { name: netName } } : {}),
    }, after);

    this.publicSubnet = new openstack.Subnet(`${name}-public-subnet`, {
      name: subnetName,
      networkId: this.externalNetwork.id,
      cidr: nn.cidr ?? SEED.cidr,
      ipVersion: 4,
      gatewayIp: g.gateway ?? SEED.gateway,
      enableDhcp: false,
      allocationPools: [{ start: nets.poolStart ?? SEED.poolStart, end: nets.poolEnd ?? SEED.poolEnd }],
      cloud,
      ...(nets.adopt ? { adopt: { name: subnetName } } : {}),
    }, after);

    this.icmpRule = new openstack.SecurityGroupRule(`${name}-default-icmp`, {
      securityGroup: "default",
      direction: "ingress",
      ethertype: "IPv4",
      protocol: "icmp",
      cloud,
    }, after);

    this.sshRule = new openstack.SecurityGroupRule(`${name}-default-ssh`, {
      securityGroup: "default",
      direction: "ingress",
      ethertype: "IPv4",
      protocol: "tcp",
      portRangeMin: 22,
      portRangeMax: 22,
      cloud,
    }, after);

    this.dashboardUrl = pulumi.interpolate`http://${hostIp}:${port("httpPort")}/dashboard`;
    this.consoleBaseUrl = pulumi.interpolate`http://${hostIp}:${port("novncPort")}`;
    this.registerOutputs({
      dashboardUrl: this.dashboardUrl,
      consoleBaseUrl: this.consoleBaseUrl,
      vmUuid: this.vm.uuid,
      externalNetworkId: this.externalNetwork.id,
      publicSubnetId: this.publicSubnet.id,
    });
  }
}
