/** openstack.Server: inputs and outputs (from spec.ts), the schema of one network and the checks spanning fields. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { ipVersionOf, normalizeIp } from "../common/ip";
import { idSchema } from "../common/schema";
import { spec } from "./spec";

export interface ServerNetworkInput {
  /** A network to get a new port on. */
  networkId?: string;
  /** An existing port to use (its security groups are the port's own). */
  portId?: string;
  /** A fixed address on networkId. */
  fixedIp?: string;
}

export const POWER_STATES = ["active", "shutoff"] as const;

export type ServerInputs = InputsOf<typeof spec>;

export type ServerOutputs = OutputsOf<typeof spec>;

/** Nova's limit on user data (base64-encoded). */
export const USER_DATA_MAX = 65535;

/** One of `networks`: a new port on networkId, or an existing port. */
export function serverNetworkSchema(z: Z) {
  return z
    .strictObject({
      networkId: idSchema(z, "network").optional(),
      portId: idSchema(z, "port").optional(),
      fixedIp: z.string().refine((s) => ipVersionOf(s) !== null, "must be an IPv4 or IPv6 address").transform((s) => normalizeIp(s)).optional(),
    })
    .superRefine((n, ctx) => {
      if (known(n.networkId, n.portId) && !n.networkId === !n.portId) {
        ctx.addIssue({ code: "custom", path: [], message: "give exactly one of networkId (a new port on that network) or portId (an existing port)" });
      }
      if (known(n.fixedIp, n.networkId) && n.fixedIp !== undefined && !n.networkId) {
        ctx.addIssue({ code: "custom", path: ["fixedIp"], message: "needs networkId (a port's addresses are the port's own)" });
      }
    }, whenValid());
}

/** The spec's fields, with the checks spanning fields. */
export function schema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((v, ctx) => {
      if (!known(v.securityGroups)) return;
      const seen = new Set<string>();
      (v.securityGroups ?? []).forEach((g, i) => {
        if (seen.has(g)) ctx.addIssue({ code: "custom", path: ["securityGroups", i], message: `duplicate security group "${g}"` });
        seen.add(g);
      });
      if (known(v.networks) && v.securityGroups && v.networks.every((n) => n.portId)) {
        ctx.addIssue({ code: "custom", path: ["securityGroups"], message: "has no effect when every network is an existing port (set the port's security groups instead)" });
      }
    }, whenValid(["securityGroups", "networks"]));
}
