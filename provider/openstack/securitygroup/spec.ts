/**
 * openstack.SecurityGroup's inputs and outputs, written once (provider/core/spec.ts). Everything updates in place.
 * The inline rules are judged (and made canonical) like SecurityGroupRuleSet's, in types.ts.
 */
import { defineSpec, field, fieldAs, output } from "../../core/spec";
import type { RuleInput, RuleSpec } from "../common/rules/rule";
import { descriptionSchema, nameSchema, tagsSchema } from "../common/schema";
import { openStackFields } from "../common/spec";

export const spec = defineSpec({
  key: "openstack.SecurityGroup",
  inputs: {
    /** The group's name; not "default" (that is the group Neutron makes for every project). */
    name: field((z) =>
      nameSchema(z)
        .min(1, "must not be empty")
        .refine((n) => n !== "default", '"default" is the group Neutron makes for every project; to give it rules use securityGroup: "default" in SecurityGroupRuleSet'),
    ),
    /** Neutron's `description`. */
    description: field((z) => descriptionSchema(z).optional()),
    /**
     * Only without `rules`. Remove the egress rules Neutron adds to every new group (allow all IPv4/IPv6 out) at
     * create. While true, a default egress rule that comes back shows as drift (`deleteDefaultRules` reads false)
     * and is removed again by the next update.
     */
    deleteDefaultRules: field((z) => z.boolean(), { default: false }),
    /** false: a stateless group (Neutron's stateful-security-group extension; Neutron refuses the change while ports use the group). */
    stateful: field((z) => z.boolean().optional()),
    /** Tags: a set, updated with one `PUT .../tags`. */
    tags: field((z) => tagsSchema(z).optional()),
    /**
     * Every rule the group must have (authoritative, like SecurityGroupRuleSet's `rules`): rules not listed are
     * removed, and shown as drift when added elsewhere. Absent: the group's rules are not managed here.
     */
    rules: fieldAs<RuleInput[]>()((z) => z.array(z.unknown()).optional()),
    /** Only with `rules`: true = Neutron's own egress rules are managed too (removed unless listed); absent = false. */
    includeDefaultRules: field((z) => z.boolean().optional()),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), description: output<string>(), deleteDefaultRules: output<boolean>(),
    stateful: output<boolean>(), tags: output<string[]>(), projectId: output<string>(),
    /** Ids of every rule of the group (managed here or not). */
    ruleIds: output<string[]>(),
    /** With inline `rules` only: the live managed rules (the listed ones that exist, plus any other: drift). */
    rules: output<RuleSpec[] | undefined>(),
    includeDefaultRules: output<boolean | undefined>(),
  },
});
