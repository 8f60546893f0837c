import { spec } from "../../provider/openstack/router/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

export type { ExternalFixedIp } from "../../provider/openstack/router/types";

/**
 * A Neutron router with an optional external gateway. Everything updates in place.
 * Fields, docs, what replaces, secrets: provider/openstack/router/spec.ts; see its README.md.
 */
export interface RouterArgs extends ArgsOf<typeof spec> {}

/** `Router.get(name, id, state)` reads an existing one without managing it. */
export const Router = resourceClass<typeof spec, RouterArgs>(spec);
export type Router = ResourceInstance<typeof spec>;
