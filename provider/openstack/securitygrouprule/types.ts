/** Inputs and outputs of openstack.SecurityGroupRule. */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { commonFields, OpenStackCommonInputs } from "../common";
import { canonicalRule, groupRefSchema, refineRule, RULE_FIELDS, ruleFields, RuleSpec } from "../common/rules";

export type SecurityGroupRuleInputs = RuleSpec &
  OpenStackCommonInputs & {
    /** The group's id, or "default": the default group of the project the credentials are scoped to. */
    securityGroup: string;
  };

export interface SecurityGroupRuleOutputs extends RuleSpec {
  securityGroup: string;
  /** The group's id ("default" resolved). */
  securityGroupId: string;
}

export { RULE_FIELDS };

export function schema(z: Z) {
  return z
    .strictObject({ securityGroup: groupRefSchema(z), ...ruleFields(z), ...commonFields(z) })
    .superRefine((r, ctx) => {
      // Neutron rules have no name: an adopt by name could never find one (and create would throw).
      const adopt = r.adopt as { name?: unknown } | undefined;
      if (adopt && typeof adopt === "object" && adopt.name !== undefined) {
        ctx.addIssue({ code: "custom", path: ["adopt", "name"], message: "security group rules have no name in Neutron: adopt a rule by its id ({ id: \"<rule UUID>\" })" });
      }
    })
    .superRefine((r, ctx) => refineRule(r, ctx), whenValid(RULE_FIELDS))
    .transform((r) => ({ ...r, ...canonicalRule(r) }) as SecurityGroupRuleInputs);
}
