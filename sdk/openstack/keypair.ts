import { spec } from "../../provider/openstack/keypair/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * An OpenSSH public key imported into Nova as a key pair (for the user the credentials name). Any change replaces
 * it. id = the name. Fields, docs, secrets: provider/openstack/keypair/spec.ts; see its README.md.
 */
export interface KeypairArgs extends ArgsOf<typeof spec> {}

/** An OpenSSH public key imported into Nova as a key pair. `Keypair.get(name, id = key pair name, {cloud})` reads one. */
export const Keypair = resourceClass<typeof spec, KeypairArgs>(spec);
export type Keypair = ResourceInstance<typeof spec>;
