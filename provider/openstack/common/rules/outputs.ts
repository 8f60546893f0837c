/** A planned/reconciled group -> the rule set's outputs. */
import type { ApiRule } from "./api";
import type { RuleSpec } from "./rule";
import { liveSpec, Plan } from "./plan";

/** A group's managed rules as the rule set (and a group's inline rules) report them. */
export interface RuleListOutputs {
  securityGroup: string;
  securityGroupId: string;
  /** The group's live managed rules: the listed ones that exist, plus any other (drift). */
  rules: RuleSpec[];
  /** Neutron ids, parallel to `rules`. */
  ruleIds: string[];
  includeDefaultRules: boolean;
}

export function ruleSetOutputs(
  inputs: { securityGroup: string; includeDefaultRules: boolean },
  groupId: string,
  kept: Array<{ rule: ApiRule; as: RuleSpec }>,
  others: ApiRule[],
): RuleListOutputs {
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
