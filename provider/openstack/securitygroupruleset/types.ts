/** Inputs and outputs of openstack.SecurityGroupRuleSet. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, OpenStackCommonInputs } from "../common";
import { canonicalRule, checkRule, groupRefSchema, ruleFields, ruleKey, RuleSpec } from "../securitygrouprule/rule";
import { RULE_FIELDS } from "../securitygrouprule/types";

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

export interface SecurityGroupRuleSetOutputs {
  securityGroup: string;
  securityGroupId: string;
  /** The group's live managed rules: the listed ones that exist, plus any other (drift). */
  rules: RuleSpec[];
  /** Neutron ids, parallel to `rules`. */
  ruleIds: string[];
  includeDefaultRules: boolean;
}

export const MAX_RULES = 1000;

export function schema(z: Z) {
  const rule = z.strictObject(ruleFields(z)).superRefine((r, ctx) => {
    for (const i of checkRule(r)) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
  }, whenValid(RULE_FIELDS));
  return z
    .strictObject({
      securityGroup: groupRefSchema(z),
      rules: z.array(rule).max(MAX_RULES, `at most ${MAX_RULES} rules`),
      includeDefaultRules: z.boolean().default(false),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => {
      // Neutron rejects two rules that differ only in their description (DuplicateSecurityGroupRuleInPost).
      const seen = new Map<string, number>();
      if (!Array.isArray(v.rules)) return; // unknown in preview
      v.rules.forEach((r, i) => {
        if (!known(r)) return;
        const key = ruleKey(canonicalRule(r));
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: "custom", path: ["rules", i], message: `is the same rule as rules[${first}] (Neutron ignores descriptions when comparing rules)` });
        } else seen.set(key, i);
      });
    }, whenValid(["rules"]))
    .transform((v) => ({ ...v, rules: v.rules.map((r) => canonicalRule(r)) }) as SecurityGroupRuleSetInputs);
}
