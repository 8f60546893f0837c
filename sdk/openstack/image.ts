import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/**
 * A Glance image uploaded from a local file (streamed, with progress, checked against Glance's hash), or imported
 * by Glance from a URL (web-download). A changed
 * file (its hash), diskFormat or containerFormat replaces it; the rest changes in place.
 * See provider/openstack/image/README.md.
 */
export interface ImageArgs {
  name: pulumi.Input<string>;
  /** The local file (an absolute path, or relative to the program's folder); or sourceUrl. */
  file?: pulumi.Input<string>;
  /** An http(s) URL Glance downloads the image from (its web-download import); or file. A new URL replaces the image. */
  sourceUrl?: pulumi.Input<string>;
  /** raw, qcow2, vmdk, vdi, vhd, vhdx, iso ...; absent = from the file's header (required with sourceUrl). */
  diskFormat?: pulumi.Input<string>;
  /** Default "bare". */
  containerFormat?: pulumi.Input<string>;
  /** GiB. */
  minDisk?: pulumi.Input<number>;
  /** MiB. */
  minRam?: pulumi.Input<number>;
  /** private (default), public, shared, community. */
  visibility?: pulumi.Input<string>;
  /** e.g. {os_distro: "cirros", hw_disk_bus: "virtio"}. */
  properties?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  cloud?: pulumi.Input<CloudArgs>;
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["name", "sourceUrl", "fileHash", "diskFormat", "containerFormat", "minDisk", "minRam", "visibility", "properties", "status", "size", "checksum"] as const;

export class Image extends LabResource {
  public readonly name!: pulumi.Output<string>;
  /** The URL it was imported from (sourceUrl), when it was. */
  public readonly sourceUrl!: pulumi.Output<string | undefined>;
  /** "sha512:<hex>" of the content (Glance's os_hash_algo:os_hash_value). */
  public readonly fileHash!: pulumi.Output<string>;
  public readonly diskFormat!: pulumi.Output<string>;
  public readonly containerFormat!: pulumi.Output<string>;
  public readonly minDisk!: pulumi.Output<number>;
  public readonly minRam!: pulumi.Output<number>;
  public readonly visibility!: pulumi.Output<string>;
  public readonly properties!: pulumi.Output<Record<string, string>>;
  public readonly status!: pulumi.Output<string>;
  public readonly size!: pulumi.Output<number>;
  public readonly checksum!: pulumi.Output<string>;

  constructor(name: string, args: ImageArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Image", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<ImageArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Image {
    return getExisting(Image, name, id, state, opts);
  }
}
