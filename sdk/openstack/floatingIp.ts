import { spec } from "../../provider/openstack/floatingip/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A floating IP from an external network. networkId and address replace; portId / fixedIpAddress associate and
 * disassociate in place.
 * Fields, docs, what replaces, secrets: provider/openstack/floatingip/spec.ts; see its README.md.
 */
export interface FloatingIpArgs extends ArgsOf<typeof spec> {}

/** `FloatingIp.get(name, id, state)` reads an existing one without managing it. */
export const FloatingIp = resourceClass<typeof spec, FloatingIpArgs>(spec);
export type FloatingIp = ResourceInstance<typeof spec>;
