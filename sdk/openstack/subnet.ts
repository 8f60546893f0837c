import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

export interface AllocationPoolArgs {
  start: pulumi.Input<string>;
  end: pulumi.Input<string>;
}

export interface HostRouteArgs {
  destination: pulumi.Input<string>;
  nextHop: pulumi.Input<string>;
}

/**
 * A Neutron subnet. Addresses are checked before anything is sent (pools inside the CIDR and not overlapping,
 * gateway outside the pools, families match). Fields left out are not managed.
 * Replace: networkId, cidr, ipVersion, ipv6AddressMode, ipv6RaMode. In place: everything else.
 * See provider/openstack/subnet/README.md.
 */
export interface SubnetArgs {
  networkId: pulumi.Input<string>;
  /** e.g. "10.0.2.0/24" (the network address, no host bits). */
  cidr: pulumi.Input<string>;
  /** 4 or 6; defaults to the family of cidr. */
  ipVersion?: pulumi.Input<number>;
  name?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  gatewayIp?: pulumi.Input<string>;
  /** No gateway at all (exclusive with gatewayIp). */
  noGateway?: pulumi.Input<boolean>;
  enableDhcp?: pulumi.Input<boolean>;
  allocationPools?: pulumi.Input<pulumi.Input<AllocationPoolArgs>[]>;
  /** Order matters (it is the order clients get them in). */
  dnsNameservers?: pulumi.Input<pulumi.Input<string>[]>;
  hostRoutes?: pulumi.Input<pulumi.Input<HostRouteArgs>[]>;
  /** "slaac" | "dhcpv6-stateful" | "dhcpv6-stateless" (IPv6 only). */
  ipv6AddressMode?: pulumi.Input<string>;
  ipv6RaMode?: pulumi.Input<string>;
  tags?: pulumi.Input<pulumi.Input<string>[]>;
  /** Credentials; kept secret in state. Absent: OS_CLOUD/clouds.yaml, OS_* env, or a keystonerc. */
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing subnet (by id, or by its unique name on networkId) instead of creating one. */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = [
  "networkId", "cidr", "ipVersion", "name", "description", "gatewayIp", "noGateway", "enableDhcp",
  "allocationPools", "dnsNameservers", "hostRoutes", "ipv6AddressMode", "ipv6RaMode", "tags",
  "projectId", "subnetpoolId", "createdAt",
] as const;

export class Subnet extends LabResource {
  public readonly networkId!: pulumi.Output<string>;
  public readonly cidr!: pulumi.Output<string>;
  public readonly ipVersion!: pulumi.Output<number>;
  public readonly name!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly gatewayIp!: pulumi.Output<string | null>;
  public readonly noGateway!: pulumi.Output<boolean>;
  public readonly enableDhcp!: pulumi.Output<boolean>;
  public readonly allocationPools!: pulumi.Output<{ start: string; end: string }[]>;
  public readonly dnsNameservers!: pulumi.Output<string[]>;
  public readonly hostRoutes!: pulumi.Output<{ destination: string; nextHop: string }[]>;
  public readonly ipv6AddressMode!: pulumi.Output<string | null>;
  public readonly ipv6RaMode!: pulumi.Output<string | null>;
  public readonly tags!: pulumi.Output<string[]>;
  public readonly projectId!: pulumi.Output<string>;
  public readonly subnetpoolId!: pulumi.Output<string | null>;
  public readonly createdAt!: pulumi.Output<string | null>;

  constructor(name: string, args: SubnetArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Subnet", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing subnet: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<SubnetArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Subnet {
    return getExisting(Subnet, name, id, state, opts);
  }
}
