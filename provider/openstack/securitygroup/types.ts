/** Inputs and outputs of openstack.SecurityGroup. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { unknownKeyMessage } from "../../core/schemaShape";
import { commonFields, descriptionSchema, nameSchema, OpenStackCommonInputs, tagsSchema } from "../common";
import { canonicalRule, refineRuleList, ruleFields, ruleListSchema, RuleSpec } from "../common/rules";

export interface SecurityGroupInputs extends OpenStackCommonInputs {
  name: string;
  description?: string;
  /**
   * Remove the egress rules Neutron adds to every new group (allow all IPv4/IPv6 out). While true, a default
   * egress rule that comes back shows as drift (`deleteDefaultRules` reads false) and is removed again.
   */
  deleteDefaultRules: boolean;
  /** false: a stateless group (Neutron's stateful-security-group extension). */
  stateful?: boolean;
  tags?: string[];
  /**
   * Inline, authoritative rules (canonical form after check), exactly like SecurityGroupRuleSet's `rules`.
   * Absent: the group's rules are not managed here.
   */
  rules?: RuleSpec[];
  /** Only with `rules`: SecurityGroupRuleSet's `includeDefaultRules` (absent = false). */
  includeDefaultRules?: boolean;
}

export interface SecurityGroupOutputs {
  name: string;
  description: string;
  deleteDefaultRules: boolean;
  stateful: boolean;
  tags: string[];
  projectId: string;
  /** Ids of every rule of the group (managed here or not). */
  ruleIds: string[];
  /** With inline `rules` only: the live managed rules (the listed ones that exist, plus any other: drift). */
  rules?: RuleSpec[];
  includeDefaultRules?: boolean;
}

/** The rule list the rule set takes judges inline rules, so both resources accept and canonicalize exactly the same. */
const inlineRules = (z: Z, rules: unknown[]) =>
  z
    .strictObject({ rules: ruleListSchema(z) })
    .superRefine((v, ctx) => refineRuleList(v, ctx), whenValid(["rules"]))
    .transform((v) => ({ rules: v.rules.map((r) => canonicalRule(r)) }))
    .safeParse({ rules });

/** `rules` itself unknown (not only some value inside it). */
const containsUnknownTop = (rules: unknown) => !known(rules) && !Array.isArray(rules);

export function schema(z: Z) {
  return z
    .strictObject({
      name: nameSchema(z)
        .min(1, "must not be empty")
        .refine((n) => n !== "default", '"default" is the group Neutron makes for every project; to give it rules use securityGroup: "default" in SecurityGroupRuleSet'),
      description: descriptionSchema(z).optional(),
      deleteDefaultRules: z.boolean().default(false),
      stateful: z.boolean().optional(),
      tags: tagsSchema(z).optional(),
      rules: z.array(z.unknown()).optional(),
      includeDefaultRules: z.boolean().optional(),
      ...commonFields(z),
    })
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
