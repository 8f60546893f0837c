import { spec } from "../../provider/openstack/routerinterface/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A subnet attached to a router; id = the router's port. Both inputs replace.
 * Fields, docs, what replaces, secrets: provider/openstack/routerinterface/spec.ts; see its README.md.
 */
export interface RouterInterfaceArgs extends ArgsOf<typeof spec> {}

/** `RouterInterface.get(name, id, state)` reads an existing one without managing it. */
export const RouterInterface = resourceClass<typeof spec, RouterInterfaceArgs>(spec);
export type RouterInterface = ResourceInstance<typeof spec>;
