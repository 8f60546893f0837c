import { spec } from "../../provider/openstack/subnet/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { AllocationPool, HostRoute } from "../../provider/openstack/subnet/types";
import type { InputsOf } from "../inputs";

/** One allocation pool: the provider's `AllocationPool`, each field a pulumi.Input. */
export interface AllocationPoolArgs extends InputsOf<AllocationPool> {}
/** One host route: the provider's `HostRoute`, each field a pulumi.Input. */
export interface HostRouteArgs extends InputsOf<HostRoute> {}

/**
 * A Neutron subnet. Addresses are checked before anything is sent (pools inside the CIDR and not overlapping,
 * gateway outside the pools, families match). Fields left out are not managed.
 * Fields, docs, what replaces, secrets: provider/openstack/subnet/spec.ts; see its README.md.
 */
export interface SubnetArgs extends ArgsOf<typeof spec> {}

/** `Subnet.get(name, id, state)` reads an existing one without managing it. */
export const Subnet = resourceClass<typeof spec, SubnetArgs>(spec);
export type Subnet = ResourceInstance<typeof spec>;
