/**
 * openstack.RouterInterface: a subnet attached to a router. id = the router's port on the subnet. Both inputs
 * replace. read = one GET of the router's ports on the subnet.
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { clientFor } from "../client";
import { CLOUD_COMPARE, createOrRecover } from "../common";
import { interfaceOutputs } from "./results";
import { addInterface, portsAddedSince, removeInterface, routerPortsOnSubnet } from "./requests";
import { spec } from "./spec";
import { RouterInterfaceInputs, RouterInterfaceOutputs } from "./types";

export const controller: Controller<RouterInterfaceInputs, RouterInterfaceOutputs> = {
  ...fromSpec(spec),
  compare: CLOUD_COMPARE,
  // The same subnet cannot be attached twice to one router.
  deleteBeforeReplace: true,

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    let portId: string;
    try {
      portId = await createOrRecover({
        what: `interface of router ${inputs.routerId} on subnet ${inputs.subnetId}`,
        create: () => addInterface(client, inputs.routerId, inputs.subnetId),
        // re-read the router's port on the subnet before adding again
        lookup: (since) => portsAddedSince(client, inputs.routerId, inputs.subnetId, since),
        idOf: (id) => id,
        ctx,
      });
    } catch (e) {
      const existing = await routerPortsOnSubnet(client, inputs.routerId, inputs.subnetId).catch(() => []);
      if (existing.length) {
        throw new Error(`${(e as Error).message}; the router already has port ${existing[0].id} on this subnet: adopt it with adopt: {id: "${existing[0].id}"}`);
      }
      throw e;
    }
    ctx.progress(`attached subnet ${inputs.subnetId} to router ${inputs.routerId} (port ${portId})`);
    const port = (await routerPortsOnSubnet(client, inputs.routerId, inputs.subnetId)).find((p) => p.id === portId);
    const outs = port
      ? interfaceOutputs(port, inputs.subnetId)
      : { routerId: inputs.routerId, subnetId: inputs.subnetId, portId, ipAddress: null };
    return { id: portId, outs };
  },

  /** The router's port on the subnet (adopt.id, when given, must be that port). */
  async find(adopt, inputs) {
    const ports = await routerPortsOnSubnet(await clientFor(inputs.cloud), inputs.routerId, inputs.subnetId);
    const port = adopt.id ? ports.find((p) => p.id === adopt.id) : ports[0];
    return port?.id ?? null;
  },

  async read(id, state) {
    const ports = await routerPortsOnSubnet(await clientFor(state.cloud), state.routerId, state.subnetId);
    const port = ports.find((p) => p.id === id);
    return port ? interfaceOutputs(port, state.subnetId) : null;
  },

  async update(id, _olds, news) {
    const ports = await routerPortsOnSubnet(await clientFor(news.cloud), news.routerId, news.subnetId);
    const port = ports.find((p) => p.id === id);
    if (!port) throw new Error(`router interface ${id} no longer exists`);
    return interfaceOutputs(port, news.subnetId);
  },

  async delete(id, state) {
    await removeInterface(await clientFor(state.cloud), state.routerId, id);
  },
};

export const provider = makeProvider(controller);
