/** Inputs and outputs of openstack.FloatingIp. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, idSchema, descriptionSchema, ipVersionOf, normalizeIp, OpenStackCommonInputs } from "../common";

export interface FloatingIpInputs extends OpenStackCommonInputs {
  /** The external network the address comes from (floating_network_id). */
  networkId: string;
  /** A specific address to allocate (admin); absent = Neutron picks one. */
  address?: string;
  /** The port to associate with; null (default) = not associated (an association made elsewhere is drift). */
  portId: string | null;
  /** Which of the port's fixed addresses (when it has several). */
  fixedIpAddress?: string;
  description?: string;
}

export interface FloatingIpOutputs {
  networkId: string;
  address: string;
  portId: string | null;
  fixedIpAddress: string | null;
  description: string;
  routerId: string | null;
  status: string;
  projectId: string;
}

function ipAddress(z: Z) {
  return z
    .string()
    .refine((s) => ipVersionOf(s) !== null, "must be an IPv4 or IPv6 address")
    .transform((s) => normalizeIp(s));
}

export function schema(z: Z) {
  return z
    .strictObject({
      networkId: idSchema(z, "external network"),
      address: ipAddress(z).optional(),
      portId: idSchema(z, "port").nullable().default(null),
      fixedIpAddress: ipAddress(z).optional(),
      description: descriptionSchema(z).optional(),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => {
      if (known(v.fixedIpAddress, v.portId) && v.fixedIpAddress !== undefined && !v.portId) {
        ctx.addIssue({ code: "custom", path: ["fixedIpAddress"], message: "needs portId (the port whose fixed address it is)" });
      }
    }, whenValid(["fixedIpAddress", "portId"]));
}
