import { spec } from "../../provider/openstack/network/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A Neutron network. Fields left out are not managed (Neutron's default at create, no drift reported).
 * Fields, docs, what replaces, secrets: provider/openstack/network/spec.ts; see its README.md.
 */
export interface NetworkArgs extends ArgsOf<typeof spec> {}

/** A Neutron network. `Network.get(name, id, {cloud})` reads an existing one without managing it. */
export const Network = resourceClass<typeof spec, NetworkArgs>(spec);
export type Network = ResourceInstance<typeof spec>;
