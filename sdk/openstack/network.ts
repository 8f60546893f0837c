import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/**
 * A Neutron network. Fields left out are not managed (Neutron's default at create, no drift reported).
 * Replace: providerNetworkType, providerPhysicalNetwork, providerSegmentationId, availabilityZoneHints.
 * In place: everything else. See provider/openstack/network/README.md.
 */
export interface NetworkArgs {
  name?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** router:external: routers can use it as their gateway; floating IPs come from it. */
  external?: pulumi.Input<boolean>;
  shared?: pulumi.Input<boolean>;
  /** "flat" | "vlan" | "vxlan" | "gre" | "geneve" | "local" (admin only). */
  providerNetworkType?: pulumi.Input<string>;
  /** Required for flat; e.g. "extnet" (Packstack's name for br-ex). */
  providerPhysicalNetwork?: pulumi.Input<string>;
  /** vlan: 1-4094; vxlan/geneve: 1-16777215; none for flat. */
  providerSegmentationId?: pulumi.Input<number>;
  /** 68-9216. */
  mtu?: pulumi.Input<number>;
  portSecurityEnabled?: pulumi.Input<boolean>;
  adminStateUp?: pulumi.Input<boolean>;
  tags?: pulumi.Input<pulumi.Input<string>[]>;
  availabilityZoneHints?: pulumi.Input<pulumi.Input<string>[]>;
  /** Credentials; kept secret in state. Absent: OS_CLOUD/clouds.yaml, OS_* env, or a keystonerc. */
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing network (by id, or by its unique name in the project) instead of creating one. */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = [
  "name", "description", "external", "shared", "providerNetworkType", "providerPhysicalNetwork",
  "providerSegmentationId", "mtu", "portSecurityEnabled", "adminStateUp", "tags", "availabilityZoneHints",
  "status", "projectId", "subnetIds", "availabilityZones", "createdAt",
] as const;

export class Network extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly external!: pulumi.Output<boolean>;
  public readonly shared!: pulumi.Output<boolean>;
  public readonly providerNetworkType!: pulumi.Output<string | null>;
  public readonly providerPhysicalNetwork!: pulumi.Output<string | null>;
  public readonly providerSegmentationId!: pulumi.Output<number | null>;
  public readonly mtu!: pulumi.Output<number | null>;
  public readonly portSecurityEnabled!: pulumi.Output<boolean | null>;
  public readonly adminStateUp!: pulumi.Output<boolean>;
  public readonly tags!: pulumi.Output<string[]>;
  public readonly availabilityZoneHints!: pulumi.Output<string[]>;
  /** "ACTIVE", "DOWN", "BUILD" or "ERROR". */
  public readonly status!: pulumi.Output<string>;
  public readonly projectId!: pulumi.Output<string>;
  public readonly subnetIds!: pulumi.Output<string[]>;
  public readonly availabilityZones!: pulumi.Output<string[]>;
  public readonly createdAt!: pulumi.Output<string | null>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Network", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing network: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<NetworkArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Network {
    return getExisting(Network, name, id, state, opts);
  }
}
