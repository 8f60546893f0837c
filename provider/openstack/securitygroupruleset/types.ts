/** openstack.SecurityGroupRuleSet: inputs and outputs (from spec.ts), the rule list's checks and canonical form. */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { InputsOf, objectSchema } from "../../core/spec";
import { canonicalRule, MAX_RULES, refineRuleList, RuleSpec, RuleListOutputs } from "../common/rules";
import { spec } from "./spec";

/** The checked inputs: the spec's fields, the rules in canonical form. */
export type SecurityGroupRuleSetInputs = Omit<InputsOf<typeof spec>, "rules"> & { rules: RuleSpec[] };

export type SecurityGroupRuleSetOutputs = RuleListOutputs;

export { MAX_RULES };

/** The spec's fields, with the rule list's checks and its canonical form. */
export function schema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((v, ctx) => refineRuleList(v, ctx), whenValid(["rules"]))
    .transform((v) => ({ ...v, rules: v.rules.map((r) => canonicalRule(r)) }) as SecurityGroupRuleSetInputs);
}
