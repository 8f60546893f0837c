import * as pulumi from "@pulumi/pulumi";

/**
 * How to reach the lab VM over SSH. By default the VM is reached through the NAT Network's port forward
 * 127.0.0.1:2222 -> 10.0.2.15:22. The host key is pinned on first use and kept in state.
 */
export interface ConnectionArgs {
  host?: pulumi.Input<string>;
  port?: pulumi.Input<number>;
  user?: pulumi.Input<string>;
  /** PEM private key (kept secret). Preferred: Packstack then never asks for a password. */
  privateKey?: pulumi.Input<string>;
  passphrase?: pulumi.Input<string>;
  /** Password login (kept secret), when no key is set. */
  password?: pulumi.Input<string>;
  /** SHA256 fingerprint of the expected host key ("SHA256:..."); pinned on first use when absent. */
  hostKeyFingerprint?: pulumi.Input<string>;
}

/** The whole connection is kept secret in state (it carries keys and passwords). */
export function secretConnection(c: pulumi.Input<ConnectionArgs>): pulumi.Input<ConnectionArgs> {
  return pulumi.secret(c);
}
