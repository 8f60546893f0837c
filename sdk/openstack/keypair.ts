import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/**
 * An OpenSSH public key imported into Nova as a key pair (for the user the credentials name). Any change replaces
 * it. id = the name. See provider/openstack/keypair/README.md.
 */
export interface KeypairArgs {
  name: pulumi.Input<string>;
  /** The public key line (ssh-ed25519 / ssh-rsa / ecdsa-sha2-nistp*), e.g. the content of ~/.ssh/id_ed25519.pub. */
  publicKey: pulumi.Input<string>;
  /** "ssh" (default) or "x509". */
  type?: pulumi.Input<"ssh" | "x509">;
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing key pair by its name (id and name are the same). */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["name", "publicKey", "type", "fingerprint", "userId"] as const;

export class Keypair extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly publicKey!: pulumi.Output<string>;
  public readonly type!: pulumi.Output<string>;
  public readonly fingerprint!: pulumi.Output<string>;
  public readonly userId!: pulumi.Output<string>;

  constructor(name: string, args: KeypairArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Keypair", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing key pair (id = its name). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<KeypairArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Keypair {
    return getExisting(Keypair, name, id, state, opts);
  }
}
