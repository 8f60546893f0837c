/**
 * openstack.SecurityGroupRuleSet: the authoritative rule set of one security group. id = the group's id.
 * read = one GET of the group (it embeds its rules, and a gone group answers 404); any rule not in `rules` shows
 * as drift; create/update delete what is not wanted, then create what is missing with ONE bulk POST.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { CLOUD_COMPARE, findByIdOrName } from "../common";
import { schema, SecurityGroupRuleSetInputs, SecurityGroupRuleSetOutputs } from "./types";
import { CANONICAL_RULES, deleteManaged, getLiveGroup, GROUP_COLLECTION, plan, readOutputs, reconcile, resolveGroupId, ruleSetOutputs } from "../common/rules";

export const controller: Controller<SecurityGroupRuleSetInputs, SecurityGroupRuleSetOutputs> = {
  ...fromSpec(spec),
  schema,
  checkAlwaysParses: CANONICAL_RULES,
  compare: { ...CLOUD_COMPARE, rules: "set" },
  defaultTimeoutMs: { create: 5 * 60e3, update: 5 * 60e3, delete: 5 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const groupId = await resolveGroupId(client, inputs.securityGroup);
    const { kept } = await reconcile(client, groupId, inputs.rules, inputs.includeDefaultRules, ctx);
    return { id: groupId, outs: ruleSetOutputs(inputs, groupId, kept, []) };
  },

  /** Adopting a group's rules is what create does anyway; adopt only checks that the group is the one meant. */
  async find(adopt, inputs) {
    const client = await clientFor(inputs.cloud);
    const id = await findByIdOrName(client, GROUP_COLLECTION, adopt);
    if (id && id !== (await resolveGroupId(client, inputs.securityGroup))) {
      throw new Error(`adopt: names group ${id}, but securityGroup is ${inputs.securityGroup}`);
    }
    return id;
  },

  async read(id, state) {
    const client = await clientFor(state.cloud);
    const group = await getLiveGroup(client, id);
    if (!group) return null;
    const includeDefaultRules = state.includeDefaultRules ?? false;
    return readOutputs({ securityGroup: state.securityGroup, includeDefaultRules }, id, plan(group, state.rules ?? [], includeDefaultRules));
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const { kept } = await reconcile(client, id, news.rules, news.includeDefaultRules, ctx);
    return ruleSetOutputs(news, id, kept, []);
  },

  async delete(id, state, ctx) {
    const client = await clientFor(state.cloud);
    await deleteManaged(client, id, state.rules ?? [], state.includeDefaultRules ?? false, ctx);
  },
};

export const provider = makeProvider(controller);
