/** Inputs and outputs of openstack.SecurityGroupRule. */
import type { Z } from "../../core/controller";
import { commonFields, OpenStackCommonInputs } from "../common";
import { canonicalRule, refineRule, ruleFields, RuleSpec } from "./rule";

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

/** Every rule field replaces the rule: Neutron cannot update rules (not even the description). */
export const RULE_FIELDS = [
  "direction",
  "ethertype",
  "protocol",
  "portRangeMin",
  "portRangeMax",
  "remoteIpPrefix",
  "remoteGroupId",
  "description",
] as const;

export function schema(z: Z) {
  return z
    .strictObject({ securityGroup: z.string().min(1, 'must be a group id or "default"'), ...ruleFields(z), ...commonFields(z) })
    .superRefine((r, ctx) => refineRule(r, ctx))
    .transform((r) => ({ ...r, ...canonicalRule(r) }) as SecurityGroupRuleInputs);
}
