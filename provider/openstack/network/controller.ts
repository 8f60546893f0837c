/**
 * openstack.Network: a Neutron network. Provider attributes (type, physical network, segmentation id) and AZ
 * hints replace the network; everything else updates in place with one PUT (tags with one PUT .../tags). The
 * Neutron calls are `networks` (requests.ts, a neutronResource: URLs from urls.ts).
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { fromSpec } from "../../core/spec";
import { CLOUD_COMPARE } from "../common";
import { networkOutputs } from "./results";
import { createBody, networks, updateBody } from "./requests";
import { spec } from "./spec";
import { NetworkInputs, NetworkOutputs, networkSchema } from "./types";

export const controller: Controller<NetworkInputs, NetworkOutputs> = {
  ...fromSpec(spec),
  schema: networkSchema,
  compare: { ...CLOUD_COMPARE, tags: "set", availabilityZoneHints: "set" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const name = inputs.name;
    const tags = inputs.tags ?? [];
    const net = await networks.createOrRecover(client, createBody(inputs), {
      what: `network ${name ? `"${name}"` : "(no name)"}`,
      match: name ? { name } : null,
      unrecoverable:
        "A network without a name cannot be told apart from others: look for an unnamed network made just now and " +
        "delete it (or adopt it by id); give the network a name to make this recoverable.",
      ctx,
      finish: async (n, id) => (tags.length ? { ...n, tags: await networks.setTags(client, id, tags) } : n),
    });
    ctx.progress(`created network ${net.id}`);
    return { id: String(net.id), outs: networkOutputs(net) };
  },

  async read(id, state) {
    const net = await networks.get(await clientFor(state.cloud), id);
    return net ? networkOutputs(net) : null;
  },

  async update(id, _olds, news, ctx) {
    const tags = ctx.changed.includes("tags") ? (news.tags ?? []) : undefined;
    return networkOutputs(await networks.updateInPlace(await clientFor(news.cloud), id, updateBody(news, ctx.changed), tags, ctx));
  },

  async delete(id, state, ctx) {
    await networks.remove(await clientFor(state.cloud), id, ctx);
  },

  /** adopt: by id, or by name in the caller's project. */
  async find(adopt, inputs) {
    return networks.find(await clientFor(inputs.cloud), adopt);
  },
};

export const provider = makeProvider(controller);
