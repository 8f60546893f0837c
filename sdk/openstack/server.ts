import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/** One of a server's networks: a new port on `networkId`, or an existing port. */
export interface ServerNetworkArgs {
  networkId?: pulumi.Input<string>;
  portId?: pulumi.Input<string>;
  /** A fixed address on networkId. */
  fixedIp?: pulumi.Input<string>;
}

/**
 * A Nova server. Waits for ACTIVE; a server that goes to ERROR fails the update with Nova's fault message and is
 * deleted again. name, metadata, securityGroups and powerState change in place; the rest replaces.
 * See provider/openstack/server/README.md.
 */
export interface ServerArgs {
  name: pulumi.Input<string>;
  imageId: pulumi.Input<string>;
  flavorId: pulumi.Input<string>;
  networks: pulumi.Input<pulumi.Input<ServerNetworkArgs>[]>;
  /** The key pair's name. */
  keyPair?: pulumi.Input<string>;
  /** By id or name; absent = Nova's default group, not managed. */
  securityGroups?: pulumi.Input<pulumi.Input<string>[]>;
  /** cloud-init user data (kept secret). */
  userData?: pulumi.Input<string>;
  metadata?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  availabilityZone?: pulumi.Input<string>;
  /** "active" (default) or "shutoff". */
  powerState?: pulumi.Input<"active" | "shutoff">;
  cloud?: pulumi.Input<CloudArgs>;
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = [
  "name", "imageId", "flavorId", "keyPair", "securityGroups", "metadata", "availabilityZone", "powerState",
  "status", "addresses", "accessIpV4", "portIds", "hostId",
] as const;

export class Server extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly imageId!: pulumi.Output<string>;
  public readonly flavorId!: pulumi.Output<string>;
  public readonly keyPair!: pulumi.Output<string | null>;
  public readonly securityGroups!: pulumi.Output<string[]>;
  public readonly metadata!: pulumi.Output<Record<string, string>>;
  public readonly availabilityZone!: pulumi.Output<string>;
  public readonly powerState!: pulumi.Output<string>;
  public readonly status!: pulumi.Output<string>;
  /** Network name -> addresses. */
  public readonly addresses!: pulumi.Output<Record<string, string[]>>;
  public readonly accessIpV4!: pulumi.Output<string>;
  /** The server's Neutron ports (give one to FloatingIp.portId). */
  public readonly portIds!: pulumi.Output<string[]>;
  public readonly hostId!: pulumi.Output<string>;

  constructor(name: string, args: ServerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "openstack.Server",
      name,
      { ...args, userData: args.userData === undefined ? undefined : pulumi.secret(args.userData), cloud: secretCloud(args.cloud) },
      OUTPUTS,
      opts,
    );
  }

  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<ServerArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Server {
    return getExisting(Server, name, id, state, opts);
  }
}
