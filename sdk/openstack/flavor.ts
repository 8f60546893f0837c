import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/**
 * A Nova flavor. Flavors are immutable in Nova: name, flavorId, vcpus, ram, disk, ephemeral, swap and isPublic
 * replace it; description, extraSpecs and projectIds change in place. See provider/openstack/flavor/README.md.
 */
export interface FlavorArgs {
  name: pulumi.Input<string>;
  /** An id of your own (e.g. "lab.small"); absent = Nova makes a UUID. */
  flavorId?: pulumi.Input<string>;
  vcpus: pulumi.Input<number>;
  /** MiB. */
  ram: pulumi.Input<number>;
  /** Root disk, GiB (default 0: the image's size). */
  disk?: pulumi.Input<number>;
  /** GiB (default 0). */
  ephemeral?: pulumi.Input<number>;
  /** MiB (default 0). */
  swap?: pulumi.Input<number>;
  /** Default true. */
  isPublic?: pulumi.Input<boolean>;
  description?: pulumi.Input<string>;
  extraSpecs?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Projects that may use a private flavor (isPublic: false). */
  projectIds?: pulumi.Input<pulumi.Input<string>[]>;
  cloud?: pulumi.Input<CloudArgs>;
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["name", "flavorId", "vcpus", "ram", "disk", "ephemeral", "swap", "isPublic", "description", "extraSpecs", "projectIds"] as const;

export class Flavor extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly flavorId!: pulumi.Output<string>;
  public readonly vcpus!: pulumi.Output<number>;
  public readonly ram!: pulumi.Output<number>;
  public readonly disk!: pulumi.Output<number>;
  public readonly ephemeral!: pulumi.Output<number>;
  public readonly swap!: pulumi.Output<number>;
  public readonly isPublic!: pulumi.Output<boolean>;
  public readonly description!: pulumi.Output<string>;
  public readonly extraSpecs!: pulumi.Output<Record<string, string>>;
  public readonly projectIds!: pulumi.Output<string[]>;

  constructor(name: string, args: FlavorArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Flavor", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<FlavorArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Flavor {
    return getExisting(Flavor, name, id, state, opts);
  }
}
