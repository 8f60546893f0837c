import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";
import { Rule, RuleArgs } from "./securityGroupRule";

/**
 * A Neutron security group. Everything updates in place. Its rules: inline and authoritative (`rules`: one bulk
 * POST to create, one GET to read, deleted with the group), or, without `rules`, SecurityGroupRule or
 * SecurityGroupRuleSet. See provider/openstack/securitygroup/README.md.
 */
export interface SecurityGroupArgs {
  /** Not "default" (that is the group Neutron makes for every project). */
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Remove the allow-all egress rules Neutron adds to every new group (and again if they come back). */
  deleteDefaultRules?: pulumi.Input<boolean>;
  /** false: a stateless group. */
  stateful?: pulumi.Input<boolean>;
  tags?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Every rule the group must have (authoritative, like SecurityGroupRuleSet's `rules`): rules not listed are
   * removed, and shown as drift when added elsewhere. Absent: the group's rules are not managed here.
   */
  rules?: pulumi.Input<pulumi.Input<RuleArgs>[]>;
  /** Only with `rules`: true = Neutron's own egress rules are managed too (removed unless listed). Default false. */
  includeDefaultRules?: pulumi.Input<boolean>;
  /** Credentials; kept secret in state. Absent: OS_CLOUD/clouds.yaml, OS_* env, or a keystonerc. */
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing group (by id, or by its unique name in the project) instead of creating one. */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["name", "description", "deleteDefaultRules", "stateful", "tags", "projectId", "ruleIds", "rules", "includeDefaultRules"] as const;

export class SecurityGroup extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly deleteDefaultRules!: pulumi.Output<boolean>;
  public readonly stateful!: pulumi.Output<boolean>;
  public readonly tags!: pulumi.Output<string[]>;
  public readonly projectId!: pulumi.Output<string>;
  /** Every rule of the group, managed here or not. */
  public readonly ruleIds!: pulumi.Output<string[]>;
  /** With inline rules: the group's live managed rules (undefined when `rules` is not given). */
  public readonly rules!: pulumi.Output<Rule[] | undefined>;
  public readonly includeDefaultRules!: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: SecurityGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.SecurityGroup", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing security group: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<SecurityGroupArgs, "cloud">, opts?: pulumi.CustomResourceOptions): SecurityGroup {
    return getExisting(SecurityGroup, name, id, state, opts);
  }
}
