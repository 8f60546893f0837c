import { spec } from "../../provider/openstack/flavor/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A Nova flavor. Flavors are immutable in Nova: only description, extraSpecs and projectIds change in place.
 * Fields, docs, what replaces, secrets: provider/openstack/flavor/spec.ts; see its README.md.
 */
export interface FlavorArgs extends ArgsOf<typeof spec> {}

/** `Flavor.get(name, id, state)` reads an existing one without managing it. */
export const Flavor = resourceClass<typeof spec, FlavorArgs>(spec);
export type Flavor = ResourceInstance<typeof spec>;
