/** A planned/reconciled group -> the rule set's outputs. */
import type { ApiRule } from "../securitygrouprule/results";
import type { RuleSpec } from "../securitygrouprule/rule";
import { liveSpec, Plan } from "./plan";
import type { SecurityGroupRuleSetOutputs } from "./types";

export function ruleSetOutputs(
  inputs: { securityGroup: string; includeDefaultRules: boolean },
  groupId: string,
  kept: Array<{ rule: ApiRule; as: RuleSpec }>,
  others: ApiRule[],
): SecurityGroupRuleSetOutputs {
  return {
    securityGroup: inputs.securityGroup,
    securityGroupId: groupId,
    rules: [...kept.map((k) => k.as), ...others.map(liveSpec)],
    ruleIds: [...kept.map((k) => k.rule.id), ...others.map((r) => r.id)],
    includeDefaultRules: inputs.includeDefaultRules,
  };
}

/** What read reports: the wanted rules that exist, and every other managed rule as drift. */
export function readOutputs(inputs: { securityGroup: string; includeDefaultRules: boolean }, groupId: string, p: Plan) {
  return ruleSetOutputs(inputs, groupId, p.keep, p.remove);
}
