/**
 * openstack.Router: a Neutron router and its external gateway. Everything updates in place with one PUT
 * (changing externalNetworkId moves the gateway; removing it clears the gateway).
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { createOrRecover } from "../common";
import { routerOutputs } from "./results";
import { createBody, createRouter, deleteRouter, findRouter, getRouter, routersCreatedSince, updateBody, updateRouter } from "./requests";
import { RouterInputs, RouterOutputs, schema } from "./types";

export const controller: Controller<RouterInputs, RouterOutputs> = {
  type: "openstack.Router",
  schema,
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const router = await createOrRecover({
      what: `router "${inputs.name}"`,
      create: () => createRouter(client, createBody(inputs)),
      lookup: (since) => routersCreatedSince(client, inputs.name, since),
      ctx,
    });
    ctx.progress(`created router ${router.id}`);
    return { id: router.id, outs: routerOutputs(router) };
  },

  async find(adopt, inputs) {
    return findRouter(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const router = await getRouter(await clientFor(state.cloud), id);
    return router ? routerOutputs(router) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const body = updateBody(news, ctx.changed);
    if (Object.keys(body).length) {
      ctx.progress(`updating ${Object.keys(body).join(", ")}`);
      return routerOutputs(await updateRouter(client, id, body));
    }
    const router = await getRouter(client, id);
    if (!router) throw new Error(`router ${id} no longer exists`);
    return routerOutputs(router);
  },

  async delete(id, state, ctx) {
    await deleteRouter(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
