/** openstack.SecurityGroup: inputs and outputs (from spec.ts), the inline rules' checks and canonical form. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { unknownKeyMessage } from "../../core/schemaShape";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";
import { canonicalRule, refineRuleList, ruleFields, ruleListSchema, RuleSpec } from "../common/rules";

/** The checked inputs: the spec's fields, inline rules in canonical form. */
export type SecurityGroupInputs = Omit<InputsOf<typeof spec>, "rules"> & { rules?: RuleSpec[] };

export type SecurityGroupOutputs = OutputsOf<typeof spec>;

/** The rule list the rule set takes judges inline rules, so both resources accept and canonicalize exactly the same. */
const inlineRules = (z: Z, rules: unknown[]) =>
  z
    .strictObject({ rules: ruleListSchema(z) })
    .superRefine((v, ctx) => refineRuleList(v, ctx), whenValid(["rules"]))
    .transform((v) => ({ rules: v.rules.map((r) => canonicalRule(r)) }))
    .safeParse({ rules });

/** `rules` itself unknown (not only some value inside it). */
const containsUnknownTop = (rules: unknown) => !known(rules) && !Array.isArray(rules);

/** The spec's fields, with the inline rules' checks and canonical form. */
export function schema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((v, ctx) => {
      if (!known(v.includeDefaultRules, v.deleteDefaultRules) || containsUnknownTop(v.rules)) return;
      if (v.rules === undefined) {
        if (v.includeDefaultRules !== undefined) ctx.addIssue({ code: "custom", path: ["includeDefaultRules"], message: "only means something with inline rules (give `rules`)" });
        return;
      }
      if (v.deleteDefaultRules) {
        ctx.addIssue({ code: "custom", path: ["deleteDefaultRules"], message: "with inline rules use includeDefaultRules: true instead (Neutron's egress rules are then removed unless listed)" });
      }
      const parsed = inlineRules(z, v.rules);
      if (parsed.success) return;
      for (const i of parsed.error.issues) {
        if (i.code !== "unrecognized_keys") ctx.addIssue({ code: "custom", path: i.path, message: i.message });
        else for (const k of i.keys) ctx.addIssue({ code: "custom", path: [...i.path, k], message: unknownKeyMessage(k, Object.keys(ruleFields(z))) });
      }
    }, whenValid(["rules", "includeDefaultRules", "deleteDefaultRules"]))
    .transform((v) => {
      if (v.rules === undefined) return v as SecurityGroupInputs;
      const parsed = inlineRules(z, v.rules);
      return { ...v, rules: parsed.success ? parsed.data.rules : [] } as SecurityGroupInputs;
    });
}
