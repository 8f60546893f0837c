/** openstack.SecurityGroupRuleSet's inputs and outputs, written once (provider/core/spec.ts). Only the group replaces. */
import { defineSpec, field, fieldAs, output } from "../../core/spec";
import type { RuleInput, RuleSpec } from "../common/rules/rule";
import { groupRefSchema, ruleListSchema } from "../common/rules/rule";
import { openStackFields } from "../common/spec";

export const spec = defineSpec({
  key: "openstack.SecurityGroupRuleSet",
  inputs: {
    /** The group's id, or "default": the default group of the project the credentials are scoped to. */
    securityGroup: field((z) => groupRefSchema(z), { replace: true }),
    /** Every rule the group must have (canonical form after check); rules not listed are removed (and shown as drift when added elsewhere). */
    rules: fieldAs<RuleInput[]>()((z) => ruleListSchema(z)),
    /**
     * false: the rules Neutron creates by itself (egress any IPv4/IPv6; in the `default` group also ingress any
     * from the group itself) are left alone and not reported as drift, unless `rules` lists them. true: they are
     * managed like any other rule (removed unless listed).
     */
    includeDefaultRules: field((z) => z.boolean(), { default: false }),
    ...openStackFields,
  },
  outputs: {
    securityGroup: output<string>(),
    /** The group's id ("default" resolved). */
    securityGroupId: output<string>(),
    /** The group's live managed rules: the listed ones that exist, plus any other (drift). */
    rules: output<RuleSpec[]>(),
    /** Neutron rule ids, parallel to `rules`. */
    ruleIds: output<string[]>(),
    includeDefaultRules: output<boolean>(),
  },
});
