/**
 * openstack.Subnet: a Neutron subnet. networkId, cidr, ipVersion and the IPv6 modes replace the subnet;
 * everything else updates in place with one PUT (tags with one PUT .../tags).
 */
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { clientFor } from "../client";
import { createOrRecover } from "../common";
import { SUBNET_COMPARE } from "./compare";
import { createBody, createSubnet, deleteSubnet, findSubnet, getSubnet, setSubnetTags, subnetsCreatedSince, updateBody, updateSubnet } from "./requests";
import { subnetOutputs } from "./results";
import { REPLACE_ON, SubnetInputs, SubnetOutputs, subnetSchema } from "./types";

export const controller: Controller<SubnetInputs, SubnetOutputs> = {
  type: "openstack.Subnet",
  schema: subnetSchema,
  replaceOn: REPLACE_ON,
  previewSafeRefinements: true,
  compare: SUBNET_COMPARE,
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },

  async create(inputs: SubnetInputs, ctx: OpContext) {
    const client = await clientFor(inputs.cloud);
    const name = inputs.name;
    let subnet = await createOrRecover({
      what: `subnet ${name ? `"${name}"` : "(no name)"} (${inputs.cidr})`,
      create: () => createSubnet(client, createBody(inputs)),
      lookup: name ? (since) => subnetsCreatedSince(client, name, inputs.networkId, since) : undefined,
      unrecoverable: `A subnet without a name cannot be told apart from others: look at the subnets of network ${inputs.networkId}, delete one made just now (or adopt it by id); give the subnet a name to make this recoverable.`,
      ctx,
    });
    ctx.progress(`created subnet ${subnet.id} (${subnet.cidr})`);
    if (inputs.tags?.length) {
      try {
        subnet = { ...subnet, tags: await setSubnetTags(client, subnet.id, inputs.tags) };
      } catch (e) {
        await deleteSubnet(client, subnet.id, ctx).catch(() => undefined);
        throw e;
      }
    }
    return { id: String(subnet.id), outs: subnetOutputs(subnet) };
  },

  async find(adopt, inputs) {
    return findSubnet(await clientFor(inputs.cloud), adopt, inputs.networkId);
  },

  async read(id, state) {
    const subnet = await getSubnet(await clientFor(state.cloud), id);
    return subnet ? subnetOutputs(subnet) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    if (ctx.changed.includes("tags")) await setSubnetTags(client, id, news.tags ?? []);
    const body = updateBody(news, ctx.changed);
    if (Object.keys(body).length) {
      ctx.progress(`updating ${Object.keys(body).join(", ")}`);
      return subnetOutputs(await updateSubnet(client, id, body));
    }
    const subnet = await getSubnet(client, id);
    if (!subnet) throw new Error(`subnet ${id} no longer exists`);
    return subnetOutputs(subnet);
  },

  async delete(id, state, ctx) {
    await deleteSubnet(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
