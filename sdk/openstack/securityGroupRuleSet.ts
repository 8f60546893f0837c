import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";
import { Rule, RuleArgs } from "./securityGroupRule";

/**
 * The authoritative rule set of one security group: rules not listed are removed (and shown as drift when
 * added elsewhere). One GET per read, one bulk POST per create/update. Do not mix with SecurityGroupRule on the
 * same group. See provider/openstack/securitygroupruleset/README.md.
 */
export interface SecurityGroupRuleSetArgs {
  /** The group's id, or "default": the default group of the project the credentials are scoped to. */
  securityGroup: pulumi.Input<string>;
  rules: pulumi.Input<pulumi.Input<RuleArgs>[]>;
  /**
   * false (default): Neutron's own rules (egress any IPv4/IPv6; in the default group also ingress any from the
   * group itself) are left alone and not reported, unless listed. true: they are managed like the others.
   */
  includeDefaultRules?: pulumi.Input<boolean>;
  cloud?: pulumi.Input<CloudArgs>;
  /** Check that the group is the one meant (by id or name); the set takes over the group's rules anyway. */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["securityGroup", "securityGroupId", "rules", "ruleIds", "includeDefaultRules"] as const;

export class SecurityGroupRuleSet extends LabResource {
  public readonly securityGroup!: pulumi.Output<string>;
  public readonly securityGroupId!: pulumi.Output<string>;
  /** The group's live managed rules. */
  public readonly rules!: pulumi.Output<Rule[]>;
  /** Neutron rule ids, parallel to rules. */
  public readonly ruleIds!: pulumi.Output<string[]>;
  public readonly includeDefaultRules!: pulumi.Output<boolean>;

  constructor(name: string, args: SecurityGroupRuleSetArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.SecurityGroupRuleSet", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing rule set (id = its security group): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<SecurityGroupRuleSetArgs, "cloud" | "securityGroup">, opts?: pulumi.CustomResourceOptions): SecurityGroupRuleSet {
    return getExisting(SecurityGroupRuleSet, name, id, state, opts);
  }
}
