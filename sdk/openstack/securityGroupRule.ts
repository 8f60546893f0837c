import { spec } from "../../provider/openstack/securitygrouprule/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { RuleInput, RuleSpec } from "../../provider/openstack/common/rules/rule";
import type { InputsOf } from "../inputs";

/** One rule, as SecurityGroupRule, SecurityGroupRuleSet and SecurityGroup's `rules` take it. */
export interface RuleArgs extends InputsOf<RuleInput> {}

/** A rule exactly as read back (canonical: every field present). */
export type Rule = RuleSpec;

/**
 * One Neutron security group rule. Neutron cannot change a rule: every field replaces it (the old one is
 * deleted first). Creating a rule that already exists adopts it.
 * Fields, docs, what replaces, secrets: provider/openstack/securitygrouprule/spec.ts; see its README.md.
 */
export interface SecurityGroupRuleArgs extends ArgsOf<typeof spec> {}

/** `SecurityGroupRule.get(name, id, state)` reads an existing one without managing it. */
export const SecurityGroupRule = resourceClass<typeof spec, SecurityGroupRuleArgs>(spec);
export type SecurityGroupRule = ResourceInstance<typeof spec>;
