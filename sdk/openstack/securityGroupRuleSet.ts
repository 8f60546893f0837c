import { spec } from "../../provider/openstack/securitygroupruleset/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * The authoritative rule set of one security group: rules not listed are removed (and shown as drift when
 * added elsewhere). One GET per read, one bulk POST per create/update. Do not mix with SecurityGroupRule on the
 * same group.
 * Fields, docs, what replaces, secrets: provider/openstack/securitygroupruleset/spec.ts; see its README.md.
 */
export interface SecurityGroupRuleSetArgs extends ArgsOf<typeof spec> {}

/** `SecurityGroupRuleSet.get(name, id, state)` reads an existing one without managing it. */
export const SecurityGroupRuleSet = resourceClass<typeof spec, SecurityGroupRuleSetArgs>(spec);
export type SecurityGroupRuleSet = ResourceInstance<typeof spec>;
