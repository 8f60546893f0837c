/**
 * openstack.Router: a Neutron router and its external gateway. Everything updates in place with one PUT
 * (changing externalNetworkId moves the gateway; removing it clears the gateway).
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { clientFor } from "../client";
import { CLOUD_COMPARE, neutronControllerParts } from "../common";
import { routerOutputs } from "./results";
import { createBody, routers, updateBody } from "./requests";
import { spec } from "./spec";
import { RouterInputs, RouterOutputs, schema } from "./types";

export const controller: Controller<RouterInputs, RouterOutputs> = {
  ...fromSpec(spec),
  compare: CLOUD_COMPARE,
  schema,
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  ...neutronControllerParts(routers, routerOutputs, updateBody),

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const router = await routers.createOrRecover(client, createBody(inputs), { what: `router "${inputs.name}"`, match: { name: inputs.name }, ctx });
    ctx.progress(`created router ${router.id}`);
    return { id: router.id, outs: routerOutputs(router) };
  },
};

export const provider = makeProvider(controller);
