/**
 * openstack.Network: a Neutron network. Provider attributes (type, physical network, segmentation id) and AZ
 * hints replace the network; everything else updates in place with one PUT (tags with one PUT .../tags). The
 * Neutron calls are `networks` (requests.ts, a neutronResource: URLs from urls.ts).
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { CLOUD_COMPARE, neutronControllerParts } from "../common";
import { networkOutputs } from "./results";
import { createBody, networks, updateBody } from "./requests";
import { spec } from "./spec";
import { NetworkInputs, NetworkOutputs, networkSchema } from "./types";

/** create (recovering a lost answer, then the tags), find, read, update (tags, then one PUT), delete: common/controllerParts.ts. */
const { create: createRecovered, read, update, delete: remove, find } = neutronControllerParts(networks, networkOutputs, updateBody);

export const controller: Controller<NetworkInputs, NetworkOutputs> = {
  ...fromSpec(spec),
  schema: networkSchema,
  compare: { ...CLOUD_COMPARE, tags: "set", availabilityZoneHints: "set" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  async create(inputs, ctx) {
    const name = inputs.name;
    return createRecovered(inputs, ctx, {
      body: createBody(inputs),
      what: `network ${name ? `"${name}"` : "(no name)"}`,
      match: name ? { name } : null,
      unrecoverable:
        "A network without a name cannot be told apart from others: look for an unnamed network made just now and " +
        "delete it (or adopt it by id); give the network a name to make this recoverable.",
    });
  },

  read,
  update,
  delete: remove,
  /** adopt: by id, or by name in the caller's project. */
  find,
};

export const provider = makeProvider(controller);
