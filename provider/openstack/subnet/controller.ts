/**
 * openstack.Subnet: a Neutron subnet. networkId, cidr, ipVersion and the IPv6 modes replace the subnet;
 * everything else updates in place with one PUT (tags with one PUT .../tags). The Neutron calls are `subnets`
 * (requests.ts, a neutronResource: URLs from urls.ts).
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { CLOUD_COMPARE, neutronControllerParts } from "../common";
import { SUBNET_COMPARE } from "./compare";
import { createBody, subnets, updateBody } from "./requests";
import { subnetOutputs } from "./results";
import { spec } from "./spec";
import { SubnetInputs, SubnetOutputs, subnetSchema } from "./types";

/** create (recovering a lost answer, then the tags), find, read, update (tags, then one PUT), delete: common/controllerParts.ts. */
const { create: createRecovered, read, update, delete: remove, find } = neutronControllerParts(subnets, subnetOutputs, updateBody, (inputs): Record<string, string> => (inputs.networkId ? { network_id: inputs.networkId } : {}));

export const controller: Controller<SubnetInputs, SubnetOutputs> = {
  ...fromSpec(spec),
  schema: subnetSchema,
  compare: { ...CLOUD_COMPARE, ...SUBNET_COMPARE },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 3 * 60e3 },
  async create(inputs, ctx) {
    const name = inputs.name;
    return createRecovered(inputs, ctx, {
      body: createBody(inputs),
      what: `subnet ${name ? `"${name}"` : "(no name)"} (${inputs.cidr})`,
      match: name ? { name, network_id: inputs.networkId } : null,
      unrecoverable:
        `A subnet without a name cannot be told apart from others: look at the subnets of network ${inputs.networkId}, ` +
        "delete one made just now (or adopt it by id); give the subnet a name to make this recoverable.",
      created: (subnet) => `created subnet ${subnet.id} (${subnet.cidr})`,
    });
  },

  read,
  update,
  delete: remove,
  /** adopt: by id, or by name among the subnets of `networkId` (names only need to be unique per network). */
  find,
};

export const provider = makeProvider(controller);
