import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import type { RuleInput, RuleSpec } from "../../provider/openstack/common/rules/rule";
import type { InputsOf } from "../inputs";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/** One rule, as SecurityGroupRule, SecurityGroupRuleSet and SecurityGroup's `rules` take it. */
export interface RuleArgs extends InputsOf<RuleInput> {}

/** A rule exactly as read back (canonical: every field present). */
export type Rule = RuleSpec;

/**
 * One Neutron security group rule. Neutron cannot change a rule: every field replaces it (the old one is
 * deleted first). Creating a rule that already exists adopts it. See provider/openstack/securitygrouprule/README.md.
 */
export interface SecurityGroupRuleArgs extends RuleArgs {
  /** The group's id, or "default": the default group of the project the credentials are scoped to. */
  securityGroup: pulumi.Input<string>;
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing rule by id (rules have no names). */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = [
  "securityGroup", "securityGroupId", "direction", "ethertype", "protocol", "portRangeMin", "portRangeMax",
  "remoteIpPrefix", "remoteGroupId", "description",
] as const;

export class SecurityGroupRule extends LabResource {
  public readonly securityGroup!: pulumi.Output<string>;
  /** The group's id ("default" resolved). */
  public readonly securityGroupId!: pulumi.Output<string>;
  public readonly direction!: pulumi.Output<"ingress" | "egress">;
  public readonly ethertype!: pulumi.Output<"IPv4" | "IPv6">;
  /** Canonical: a name when the protocol has one ("6" -> "tcp"), else the number; "any". */
  public readonly protocol!: pulumi.Output<string>;
  public readonly portRangeMin!: pulumi.Output<number | null>;
  public readonly portRangeMax!: pulumi.Output<number | null>;
  public readonly remoteIpPrefix!: pulumi.Output<string | null>;
  public readonly remoteGroupId!: pulumi.Output<string | null>;
  public readonly description!: pulumi.Output<string>;

  constructor(name: string, args: SecurityGroupRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.SecurityGroupRule", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing security group rule: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<SecurityGroupRuleArgs, "cloud">, opts?: pulumi.CustomResourceOptions): SecurityGroupRule {
    return getExisting(SecurityGroupRule, name, id, state, opts);
  }
}
