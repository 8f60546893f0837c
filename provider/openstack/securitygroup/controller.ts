/**
 * openstack.SecurityGroup: a Neutron security group. Name, description, stateful and tags update in place.
 * Its rules are managed by SecurityGroupRule or SecurityGroupRuleSet; `deleteDefaultRules` removes the egress
 * rules Neutron adds to every new group.
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { neutronControllerParts } from "../common";
import { ApiGroup, groupOutputs } from "./results";
import { createBody, groups, removeDefaultEgress, updateBody } from "./requests";
import { schema, SecurityGroupInputs, SecurityGroupOutputs } from "./types";

const outputs = (g: ApiGroup, state: SecurityGroupInputs) => groupOutputs(g, state.deleteDefaultRules ?? false);
const { find, read, delete: remove } = neutronControllerParts(groups, outputs, updateBody);

export const controller: Controller<SecurityGroupInputs, SecurityGroupOutputs> = {
  type: "openstack.SecurityGroup",
  schema,
  compare: { tags: "set" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  find,
  read,
  delete: remove,

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const g = await groups.createOrRecover(client, createBody(inputs), {
      what: `security group "${inputs.name}"`,
      match: { name: inputs.name },
      ctx,
      finish: async (made, id) => {
        let g = made;
        if (inputs.tags?.length) g = { ...g, tags: await groups.setTags(client, id, inputs.tags) };
        return inputs.deleteDefaultRules ? removeDefaultEgress(client, g) : g;
      },
    });
    ctx.progress(`created security group ${g.id}`);
    return { id: g.id, outs: outputs(g, inputs) };
  },

  /** One PUT of the changed fields (or a GET), then the tags, then Neutron's default rules if they must go. */
  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    let g = await groups.putOrGet(client, id, updateBody(news, ctx.changed), ctx);
    if (ctx.changed.includes("tags")) g = { ...g, tags: await groups.setTags(client, id, news.tags ?? []) };
    if (news.deleteDefaultRules) g = await removeDefaultEgress(client, g);
    return outputs(g, news);
  },
};

export const provider = makeProvider(controller);
