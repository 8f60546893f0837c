/**
 * openstack.SecurityGroup: a Neutron security group. Name, description, stateful and tags update in place.
 * Its rules are managed by SecurityGroupRule or SecurityGroupRuleSet; `deleteDefaultRules` removes the egress
 * rules Neutron adds to every new group.
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { createOrRecover } from "../common";
import { groupOutputs } from "./results";
import { createBody, createGroup, deleteGroup, findGroup, getGroup, groupsCreatedSince, removeDefaultEgress, setGroupTags, updateBody, updateGroup } from "./requests";
import { schema, SecurityGroupInputs, SecurityGroupOutputs } from "./types";

export const controller: Controller<SecurityGroupInputs, SecurityGroupOutputs> = {
  type: "openstack.SecurityGroup",
  schema,
  compare: { tags: "set" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    let g = await createOrRecover({
      what: `security group "${inputs.name}"`,
      create: () => createGroup(client, createBody(inputs)),
      lookup: (since) => groupsCreatedSince(client, inputs.name, since),
      ctx,
    });
    ctx.progress(`created security group ${g.id}`);
    try {
      if (inputs.tags?.length) g = { ...g, tags: await setGroupTags(client, g.id, inputs.tags) };
      if (inputs.deleteDefaultRules) g = await removeDefaultEgress(client, g);
    } catch (e) {
      // Do not leave a group Pulumi does not know about.
      await deleteGroup(client, g.id, ctx).catch(() => undefined);
      throw e;
    }
    return { id: g.id, outs: groupOutputs(g, inputs.deleteDefaultRules) };
  },

  async find(adopt, inputs) {
    return findGroup(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const g = await getGroup(await clientFor(state.cloud), id);
    return g ? groupOutputs(g, state.deleteDefaultRules ?? false) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const body = updateBody(news, ctx.changed);
    let g = Object.keys(body).length ? await updateGroup(client, id, body) : await getGroup(client, id);
    if (!g) throw new Error(`security group ${id} no longer exists`);
    if (ctx.changed.includes("tags")) g = { ...g, tags: await setGroupTags(client, id, news.tags ?? []) };
    if (news.deleteDefaultRules) g = await removeDefaultEgress(client, g);
    return groupOutputs(g, news.deleteDefaultRules);
  },

  async delete(id, state, ctx) {
    await deleteGroup(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
