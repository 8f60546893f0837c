/**
 * openstack.Network: a Neutron network. Provider attributes (type, physical network, segmentation id) and AZ
 * hints replace the network; everything else updates in place with one PUT (tags with one PUT .../tags).
 */
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { clientFor } from "../client";
import { createOrRecover } from "../common";
import { networkOutputs } from "./results";
import {
  createBody,
  createNetwork,
  deleteNetwork,
  findNetwork,
  getNetwork,
  networksCreatedSince,
  setNetworkTags,
  updateBody,
  updateNetwork,
} from "./requests";
import { NetworkInputs, NetworkOutputs, networkSchema, REPLACE_ON } from "./types";

export const controller: Controller<NetworkInputs, NetworkOutputs> = {
  type: "openstack.Network",
  schema: networkSchema,
  replaceOn: REPLACE_ON,
  previewSafeRefinements: true,
  compare: { tags: "set", availabilityZoneHints: "set" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },

  async create(inputs: NetworkInputs, ctx: OpContext) {
    const client = await clientFor(inputs.cloud);
    const name = inputs.name;
    let net = await createOrRecover({
      what: `network ${name ? `"${name}"` : "(no name)"}`,
      create: () => createNetwork(client, createBody(inputs)),
      lookup: name ? (since) => networksCreatedSince(client, name, since) : undefined,
      unrecoverable: "A network without a name cannot be told apart from others: look for an unnamed network made just now and delete it (or adopt it by id); give the network a name to make this recoverable.",
      ctx,
    });
    ctx.progress(`created network ${net.id}`);
    if (inputs.tags?.length) {
      try {
        net = { ...net, tags: await setNetworkTags(client, net.id, inputs.tags) };
      } catch (e) {
        // Do not leave an object Pulumi does not know about.
        await deleteNetwork(client, net.id, ctx).catch(() => undefined);
        throw e;
      }
    }
    return { id: String(net.id), outs: networkOutputs(net) };
  },

  async find(adopt, inputs) {
    return findNetwork(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const net = await getNetwork(await clientFor(state.cloud), id);
    return net ? networkOutputs(net) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const tagsChanged = ctx.changed.includes("tags");
    if (tagsChanged) await setNetworkTags(client, id, news.tags ?? []);
    const body = updateBody(news, ctx.changed);
    if (Object.keys(body).length) {
      ctx.progress(`updating ${Object.keys(body).join(", ")}`);
      return networkOutputs(await updateNetwork(client, id, body));
    }
    const net = await getNetwork(client, id);
    if (!net) throw new Error(`network ${id} no longer exists`);
    return networkOutputs(net);
  },

  async delete(id, state, ctx) {
    await deleteNetwork(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
