/** openstack.RouterInterface's inputs and outputs, written once (provider/core/spec.ts). Both inputs replace. */
import { defineSpec, field, output } from "../../core/spec";
import { idSchema } from "../common/schema";
import { openStackFields } from "../common/spec";

export const spec = defineSpec({
  key: "openstack.RouterInterface",
  inputs: {
    /** The router's id. */
    routerId: field((z) => idSchema(z, "router"), { replace: true }),
    /** The subnet to attach (its id). */
    subnetId: field((z) => idSchema(z, "subnet"), { replace: true }),
    ...openStackFields,
  },
  outputs: {
    routerId: output<string>(), subnetId: output<string>(),
    /** The router's port on the subnet (= the resource id). */
    portId: output<string>(),
    /** The router's address on the subnet (usually the subnet's gateway_ip). */
    ipAddress: output<string | null>(),
  },
});
