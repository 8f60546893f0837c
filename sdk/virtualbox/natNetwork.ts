import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";

export interface VBoxAdoptArgs {
  id?: pulumi.Input<string>;
  name?: pulumi.Input<string>;
}

export interface PortForwardArgs {
  /** Rule name (no ':', ',' or spaces). */
  name: pulumi.Input<string>;
  protocol: pulumi.Input<"tcp" | "udp">;
  /** Host address to listen on; omitted = all addresses. */
  hostIp?: pulumi.Input<string>;
  hostPort: pulumi.Input<number>;
  guestIp: pulumi.Input<string>;
  guestPort: pulumi.Input<number>;
}

/**
 * A VirtualBox NAT Network (id = its name). Replace: name. In place: everything else; port forwards are
 * reconciled as a set. See provider/virtualbox/natnetwork/README.md.
 */
export interface NatNetworkArgs {
  name: pulumi.Input<string>;
  /** IPv4 range, e.g. "10.0.2.0/24"; the gateway is its first address. */
  cidr: pulumi.Input<string>;
  /** VirtualBox's DHCP server on the network (default true). */
  dhcp?: pulumi.Input<boolean>;
  /** Default true. */
  enabled?: pulumi.Input<boolean>;
  /** Default false. */
  ipv6?: pulumi.Input<boolean>;
  portForwards?: pulumi.Input<pulumi.Input<PortForwardArgs>[]>;
  /** Full path of VBoxManage (default: VBOXMANAGE_PATH, PATH, the Windows install location). */
  vboxManagePath?: pulumi.Input<string>;
  /** Take over an existing NAT network (by name; id = name) instead of creating one. */
  adopt?: pulumi.Input<VBoxAdoptArgs>;
}

const OUTPUTS = ["name", "cidr", "gateway", "dhcp", "enabled", "ipv6", "portForwards"] as const;

export class NatNetwork extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly cidr!: pulumi.Output<string>;
  public readonly gateway!: pulumi.Output<string | null>;
  public readonly dhcp!: pulumi.Output<boolean>;
  public readonly enabled!: pulumi.Output<boolean>;
  public readonly ipv6!: pulumi.Output<boolean>;
  public readonly portForwards!: pulumi.Output<Array<{ name: string; protocol: "tcp" | "udp"; hostIp?: string; hostPort: number; guestIp: string; guestPort: number }>>;

  constructor(name: string, args: NatNetworkArgs, opts?: pulumi.CustomResourceOptions) {
    super("virtualbox.NatNetwork", name, { ...args }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing NAT Network (id = its name): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<NatNetworkArgs, "vboxManagePath">, opts?: pulumi.CustomResourceOptions): NatNetwork {
    return getExisting(NatNetwork, name, id, state, opts);
  }
}
