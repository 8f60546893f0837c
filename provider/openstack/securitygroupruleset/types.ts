/** Inputs and outputs of openstack.SecurityGroupRuleSet. */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { commonFields, OpenStackCommonInputs } from "../common";
import { canonicalRule, groupRefSchema, MAX_RULES, refineRuleList, ruleListSchema, RuleSpec, RuleListOutputs } from "../common/rules";

export interface SecurityGroupRuleSetInputs extends OpenStackCommonInputs {
  /** The group's id, or "default": the default group of the project the credentials are scoped to. */
  securityGroup: string;
  /** Every rule the group must have (canonical form after check). */
  rules: RuleSpec[];
  /**
   * false (default): the rules Neutron creates by itself (egress any IPv4/IPv6; in the `default` group also
   * ingress any from the group itself) are left alone and not reported as drift, unless `rules` lists them.
   * true: they are managed like any other rule (removed unless listed).
   */
  includeDefaultRules: boolean;
}

export type SecurityGroupRuleSetOutputs = RuleListOutputs;

export { MAX_RULES };

export function schema(z: Z) {
  return z
    .strictObject({
      securityGroup: groupRefSchema(z),
      rules: ruleListSchema(z),
      includeDefaultRules: z.boolean().default(false),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => refineRuleList(v, ctx), whenValid(["rules"]))
    .transform((v) => ({ ...v, rules: v.rules.map((r) => canonicalRule(r)) }) as SecurityGroupRuleSetInputs);
}
