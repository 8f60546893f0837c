/**
 * openstack.SecurityGroupRule: one Neutron security group rule. Rules cannot be updated, so every field replaces
 * (delete first: the new rule would otherwise collide with the old one). Creating a rule that already exists
 * adopts it (Neutron's 409 SecurityGroupRuleExists names it).
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { CLOUD_COMPARE } from "../common";
import { schema, SecurityGroupRuleInputs, SecurityGroupRuleOutputs } from "./types";
import { ApiRule, CANONICAL_RULES, deleteRule, describeRule, getRule, resolveGroupId, ruleFromApi, RuleSpec, SELF } from "../common/rules";
import { createRule } from "./requests";

/** Live values; the rule's own group shows as "self" when the inputs said so. */
function outputsOf(rule: ApiRule, inputs: Pick<SecurityGroupRuleInputs, "securityGroup" | "remoteGroupId">): SecurityGroupRuleOutputs {
  const live = ruleFromApi(rule);
  if (inputs.remoteGroupId === SELF && live.remoteGroupId === rule.security_group_id) live.remoteGroupId = SELF;
  return { ...live, securityGroup: inputs.securityGroup, securityGroupId: rule.security_group_id };
}

export const controller: Controller<SecurityGroupRuleInputs, SecurityGroupRuleOutputs> = {
  ...fromSpec(spec),
  compare: CLOUD_COMPARE,
  schema,
  checkAlwaysParses: CANONICAL_RULES,
  deleteBeforeReplace: true,

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const groupId = await resolveGroupId(client, inputs.securityGroup);
    const { rule, adopted } = await createRule(client, groupId, inputs as RuleSpec, ctx);
    ctx.progress(`${adopted ? "adopted existing" : "created"} rule ${rule.id}: ${describeRule(inputs)}`);
    return { id: rule.id, outs: outputsOf(rule, inputs) };
  },

  async find(adopt, inputs) {
    if (!adopt.id) {
      throw new Error("adopt: rules have no name; adopt by id (or just create: an identical existing rule is adopted)");
    }
    const client = await clientFor(inputs.cloud);
    const rule = await getRule(client, adopt.id);
    if (!rule) return null;
    const groupId = await resolveGroupId(client, inputs.securityGroup);
    if (rule.security_group_id !== groupId) {
      throw new Error(`adopt: rule ${adopt.id} belongs to group ${rule.security_group_id}, not ${groupId}`);
    }
    return rule.id;
  },

  async read(id, state) {
    const client = await clientFor(state.cloud);
    const rule = await getRule(client, id);
    return rule ? outputsOf(rule, state) : null;
  },

  // Only non-rule inputs (cloud) can change in place: nothing to send.
  async update(id, olds, news) {
    const client = await clientFor(news.cloud);
    const rule = await getRule(client, id);
    if (!rule) throw new Error(`rule ${id} is gone; refresh to recreate it`);
    return outputsOf(rule, news);
  },

  async delete(id, state, ctx) {
    await deleteRule(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
