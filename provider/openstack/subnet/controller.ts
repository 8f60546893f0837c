/**
 * openstack.Subnet: a Neutron subnet. networkId, cidr, ipVersion and the IPv6 modes replace the subnet;
 * everything else updates in place with one PUT (tags with one PUT .../tags). The Neutron calls are `subnets`
 * (requests.ts, a neutronResource: URLs from urls.ts).
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { fromSpec } from "../../core/spec";
import { CLOUD_COMPARE } from "../common";
import { SUBNET_COMPARE } from "./compare";
import { createBody, subnets, updateBody } from "./requests";
import { subnetOutputs } from "./results";
import { spec } from "./spec";
import { SubnetInputs, SubnetOutputs, subnetSchema } from "./types";

export const controller: Controller<SubnetInputs, SubnetOutputs> = {
  ...fromSpec(spec),
  schema: subnetSchema,
  compare: { ...CLOUD_COMPARE, ...SUBNET_COMPARE },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const name = inputs.name;
    const tags = inputs.tags ?? [];
    const subnet = await subnets.createOrRecover(client, createBody(inputs), {
      what: `subnet ${name ? `"${name}"` : "(no name)"} (${inputs.cidr})`,
      match: name ? { name, network_id: inputs.networkId } : null,
      unrecoverable:
        `A subnet without a name cannot be told apart from others: look at the subnets of network ${inputs.networkId}, ` +
        "delete one made just now (or adopt it by id); give the subnet a name to make this recoverable.",
      ctx,
      finish: async (s, id) => (tags.length ? { ...s, tags: await subnets.setTags(client, id, tags) } : s),
    });
    ctx.progress(`created subnet ${subnet.id} (${subnet.cidr})`);
    return { id: String(subnet.id), outs: subnetOutputs(subnet) };
  },

  async read(id, state) {
    const subnet = await subnets.get(await clientFor(state.cloud), id);
    return subnet ? subnetOutputs(subnet) : null;
  },

  async update(id, _olds, news, ctx) {
    const tags = ctx.changed.includes("tags") ? (news.tags ?? []) : undefined;
    return subnetOutputs(await subnets.updateInPlace(await clientFor(news.cloud), id, updateBody(news, ctx.changed), tags, ctx));
  },

  async delete(id, state, ctx) {
    await subnets.remove(await clientFor(state.cloud), id, ctx);
  },

  /** adopt: by id, or by name among the subnets of `networkId` (names only need to be unique per network). */
  async find(adopt, inputs) {
    return subnets.find(await clientFor(inputs.cloud), adopt, inputs.networkId ? { network_id: inputs.networkId } : {});
  },
};

export const provider = makeProvider(controller);
