/** openstack.SecurityGroupRule: inputs and outputs (from spec.ts), the rule's checks and canonical form. */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { canonicalRule, refineRule, RULE_FIELDS, RuleSpec } from "../common/rules";
import { spec } from "./spec";

/** The checked inputs: the spec's fields, the rule in canonical form. */
export type SecurityGroupRuleInputs = RuleSpec & Omit<InputsOf<typeof spec>, keyof RuleSpec>;

export type SecurityGroupRuleOutputs = OutputsOf<typeof spec>;

export { RULE_FIELDS };

/** The spec's fields, with the rule's checks and canonical form. */
export function schema(z: Z) {
  return objectSchema(spec, z)
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
