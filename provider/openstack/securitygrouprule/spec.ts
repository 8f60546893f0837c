/**
 * openstack.SecurityGroupRule's inputs and outputs, written once (provider/core/spec.ts). Neutron cannot change a
 * rule: every field replaces it (the old one deleted first). The rule's checks and canonical form are rule.ts's.
 */
import { defineSpec, field, output } from "../../core/spec";
import type { Direction, Ethertype } from "../common/rules/rule";
import { groupRefSchema } from "../common/rules/rule";
import { ruleSpecFields } from "../common/rules/spec";
import { openStackFields } from "../common/spec";

export const spec = defineSpec({
  key: "openstack.SecurityGroupRule",
  inputs: {
    /**
     * The group's id, or "default": the default group of the project the credentials are scoped to (looked up
     * with `name=default&project_id=`, since an admin sees every project's default group).
     */
    securityGroup: field((z) => groupRefSchema(z), { replace: true }),
    ...ruleSpecFields,
    ...openStackFields,
  },
  outputs: {
    securityGroup: output<string>(),
    /** The group's id ("default" resolved). */
    securityGroupId: output<string>(),
    direction: output<Direction>(), ethertype: output<Ethertype>(),
    /** Canonical: a name when the protocol has one ("6" -> "tcp"), else the number; "any". */
    protocol: output<string>(),
    portRangeMin: output<number | null>(), portRangeMax: output<number | null>(), remoteIpPrefix: output<string | null>(),
    /** A group id, or "self": the rule's own group. */
    remoteGroupId: output<string | null>(),
    description: output<string>(),
  },
});
