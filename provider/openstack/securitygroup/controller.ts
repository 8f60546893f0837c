/**
 * openstack.SecurityGroup: a Neutron security group. Name, description, stateful and tags update in place.
 * Rules: inline and authoritative (`rules`, planned like SecurityGroupRuleSet: create = group POST + ONE bulk
 * POST, read = ONE GET, delete = ONE DELETE, Neutron drops the rules with the group), or, without `rules`,
 * managed elsewhere (SecurityGroupRule, SecurityGroupRuleSet); `deleteDefaultRules` removes the egress rules
 * Neutron adds to every new group.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { CLOUD_COMPARE, neutronControllerParts } from "../common";
import { CANONICAL_RULES } from "../common/rules/rule";
import { applyRules, inlineRuleOutputs } from "./inlineRules";
import { ApiGroup, groupOutputs } from "./results";
import { createBody, groups, removeDefaultEgress, updateBody } from "./requests";
import { schema, SecurityGroupInputs, SecurityGroupOutputs } from "./types";

const outputs = (g: ApiGroup, state: SecurityGroupInputs): SecurityGroupOutputs => ({
  ...groupOutputs(g, state.deleteDefaultRules ?? false),
  ...inlineRuleOutputs(g, state),
});
const { find, read, delete: remove } = neutronControllerParts(groups, outputs, updateBody);

type Client = Awaited<ReturnType<typeof clientFor>>;

/** The group's rules as the inputs want them (inline rules, or Neutron's default egress rules gone). */
function settleRules(client: Client, g: ApiGroup, inputs: SecurityGroupInputs, ctx: Parameters<Controller<SecurityGroupInputs, SecurityGroupOutputs>["create"]>[1]) {
  if (inputs.rules !== undefined) {
    return applyRules(client, g, inputs.rules, inputs.includeDefaultRules ?? false, ctx, () => groups.get(client, g.id));
  }
  return inputs.deleteDefaultRules ? removeDefaultEgress(client, g, ctx) : Promise.resolve(g);
}

export const controller: Controller<SecurityGroupInputs, SecurityGroupOutputs> = {
  ...fromSpec(spec),
  schema,
  checkAlwaysParses: CANONICAL_RULES,
  compare: { ...CLOUD_COMPARE, tags: "set", rules: "set" },
  defaultTimeoutMs: { create: 3 * 60e3, update: 3 * 60e3, delete: 3 * 60e3 },
  find,
  read,
  delete: remove,

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const g = await groups.createOrRecover(client, createBody(inputs), {
      what: `security group "${inputs.name}"`,
      match: { name: inputs.name },
      ctx,
      // A failure here deletes the new group (and so any rule it got): nothing is left behind.
      finish: async (made, id) => {
        let g = made;
        if (inputs.tags?.length) g = { ...g, tags: await groups.setTags(client, id, inputs.tags) };
        return settleRules(client, g, inputs, ctx);
      },
    });
    ctx.progress(`created security group ${g.id}`);
    return { id: g.id, outs: outputs(g, inputs) };
  },

  /** One PUT of the changed fields (or a GET), then the tags, then the rules (deletes + one bulk POST). */
  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    let g = await groups.putOrGet(client, id, updateBody(news, ctx.changed), ctx);
    if (ctx.changed.includes("tags")) g = { ...g, tags: await groups.setTags(client, id, news.tags ?? []) };
    g = await settleRules(client, g, news, ctx);
    return outputs(g, news);
  },
};

export const provider = makeProvider(controller);
