/** Inputs and outputs of openstack.RouterInterface. */
import type { Z } from "../../core/controller";
import { commonFields, idSchema, OpenStackCommonInputs } from "../common";

export interface RouterInterfaceInputs extends OpenStackCommonInputs {
  routerId: string;
  subnetId: string;
}

export interface RouterInterfaceOutputs {
  routerId: string;
  subnetId: string;
  /** The router's port on the subnet (= the resource id). */
  portId: string;
  /** The router's address on the subnet (usually the subnet's gateway_ip). */
  ipAddress: string | null;
}

export function schema(z: Z) {
  return z.strictObject({
    routerId: idSchema(z, "router"),
    subnetId: idSchema(z, "subnet"),
    ...commonFields(z),
  });
}
