/** Inputs and outputs of openstack.Router. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, idSchema, descriptionSchema, nameSchema, OpenStackCommonInputs } from "../common";

export interface RouterInputs extends OpenStackCommonInputs {
  name: string;
  description?: string;
  /** The external network (router:external) of the gateway; null (default) = no gateway. */
  externalNetworkId: string | null;
  /** SNAT on the gateway (Neutron's default: true). Needs externalNetworkId. */
  enableSnat?: boolean;
  adminStateUp?: boolean;
}

export interface ExternalFixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface RouterOutputs {
  name: string;
  description: string;
  externalNetworkId: string | null;
  enableSnat: boolean | null;
  adminStateUp: boolean;
  /** The gateway's addresses on the external network. */
  externalFixedIps: ExternalFixedIp[];
  status: string;
  projectId: string;
}

export function schema(z: Z) {
  return z
    .strictObject({
      name: nameSchema(z).min(1, "must not be empty"),
      description: descriptionSchema(z).optional(),
      externalNetworkId: idSchema(z, "external network").nullable().default(null),
      enableSnat: z.boolean().optional(),
      adminStateUp: z.boolean().optional(),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => {
      if (known(v.enableSnat, v.externalNetworkId) && v.enableSnat !== undefined && !v.externalNetworkId) {
        ctx.addIssue({ code: "custom", path: ["enableSnat"], message: "needs externalNetworkId (SNAT happens on the external gateway)" });
      }
    }, whenValid(["enableSnat", "externalNetworkId"]));
}
