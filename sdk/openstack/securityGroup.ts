import { spec } from "../../provider/openstack/securitygroup/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A Neutron security group. Everything updates in place. Its rules: inline and authoritative (`rules`: one bulk
 * POST to create, one GET to read, deleted with the group), or, without `rules`, SecurityGroupRule or
 * SecurityGroupRuleSet.
 * Fields, docs, what replaces, secrets: provider/openstack/securitygroup/spec.ts; see its README.md.
 */
export interface SecurityGroupArgs extends ArgsOf<typeof spec> {}

/** `SecurityGroup.get(name, id, state)` reads an existing one without managing it. */
export const SecurityGroup = resourceClass<typeof spec, SecurityGroupArgs>(spec);
export type SecurityGroup = ResourceInstance<typeof spec>;
