/**
 * openstack.FloatingIp: an address from an external network. networkId and address replace; portId,
 * fixedIpAddress (associate / disassociate) and description change in place with one PUT.
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { createOrRecover } from "../common";
import { floatingIpOutputs } from "./results";
import {
  createBody,
  createFloatingIp,
  deleteFloatingIp,
  findFloatingIp,
  floatingIpsCreatedSince,
  getFloatingIp,
  recoveryMatch,
  updateBody,
  updateFloatingIp,
} from "./requests";
import { FloatingIpInputs, FloatingIpOutputs, schema } from "./types";

export const controller: Controller<FloatingIpInputs, FloatingIpOutputs> = {
  type: "openstack.FloatingIp",
  schema,
  replaceOn: ["networkId", "address"],
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 2 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const match = recoveryMatch(inputs);
    const fip = await createOrRecover({
      what: `floating IP from network ${inputs.networkId}`,
      create: () => createFloatingIp(client, createBody(inputs)),
      lookup: match ? (since) => floatingIpsCreatedSince(client, match, since) : undefined,
      unrecoverable:
        `Floating IPs have no name: look for an unassociated address from network ${inputs.networkId} allocated just now ` +
        "and release it (or adopt it by id); give `address` or `portId` to make this recoverable.",
      ctx,
    });
    ctx.progress(`allocated ${fip.floating_ip_address}${fip.port_id ? ` -> port ${fip.port_id}` : ""}`);
    return { id: fip.id, outs: floatingIpOutputs(fip) };
  },

  async find(adopt, inputs) {
    return findFloatingIp(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const fip = await getFloatingIp(await clientFor(state.cloud), id);
    return fip ? floatingIpOutputs(fip) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const body = updateBody(news, ctx.changed);
    if (Object.keys(body).length) {
      ctx.progress(body.port_id ? `associating with port ${body.port_id}` : "port_id" in body ? "disassociating" : "updating description");
      return floatingIpOutputs(await updateFloatingIp(client, id, body));
    }
    const fip = await getFloatingIp(client, id);
    if (!fip) throw new Error(`floating IP ${id} no longer exists`);
    return floatingIpOutputs(fip);
  },

  async delete(id, state) {
    await deleteFloatingIp(await clientFor(state.cloud), id);
  },
};

export const provider = makeProvider(controller);
