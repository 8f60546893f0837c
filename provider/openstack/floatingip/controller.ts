/**
 * openstack.FloatingIp: an address from an external network. networkId and address replace; portId,
 * fixedIpAddress (associate / disassociate) and description change in place with one PUT.
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { clientFor } from "../client";
import { CLOUD_COMPARE, neutronControllerParts } from "../common";
import { floatingIpOutputs } from "./results";
import { createBody, findFloatingIp, floatingIps, recoveryMatch, updateBody } from "./requests";
import { spec } from "./spec";
import { FloatingIpInputs, FloatingIpOutputs, schema } from "./types";

const parts = neutronControllerParts(floatingIps, floatingIpOutputs, updateBody);

export const controller: Controller<FloatingIpInputs, FloatingIpOutputs> = {
  ...fromSpec(spec),
  compare: CLOUD_COMPARE,
  schema,
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 2 * 60e3 },
  read: parts.read,
  delete: parts.delete,

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const fip = await floatingIps.createOrRecover(client, createBody(inputs), {
      what: `floating IP from network ${inputs.networkId}`,
      match: recoveryMatch(inputs),
      unrecoverable:
        `Floating IPs have no name: look for an unassociated address from network ${inputs.networkId} allocated just now ` +
        "and release it (or adopt it by id); give `address` or `portId` to make this recoverable.",
      ctx,
    });
    ctx.progress(`allocated ${fip.floating_ip_address}${fip.port_id ? ` -> port ${fip.port_id}` : ""}`);
    return { id: fip.id, outs: floatingIpOutputs(fip) };
  },

  /** By id, or by `name` = the floating address. */
  async find(adopt, inputs) {
    return findFloatingIp(await clientFor(inputs.cloud), adopt);
  },

  async update(id, _olds, news, ctx) {
    const body = updateBody(news, ctx.changed);
    const says = body.port_id ? `associating with port ${body.port_id}` : "port_id" in body ? "disassociating" : "updating description";
    return floatingIpOutputs(await floatingIps.putOrGet(await clientFor(news.cloud), id, body, ctx, says));
  },
};

export const provider = makeProvider(controller);
