/** openstack.Router's inputs and outputs, written once (provider/core/spec.ts). Everything updates in place. */
import { defineSpec, field, output } from "../../core/spec";
import { descriptionSchema, idSchema, nameSchema } from "../common/schema";
import { openStackFields } from "../common/spec";
import type { ExternalFixedIp } from "./types";

export const spec = defineSpec({
  key: "openstack.Router",
  inputs: {
    /** Neutron's `name` (at most 255 characters, not empty). */
    name: field((z) => nameSchema(z).min(1, "must not be empty")),
    /** Neutron's `description`. */
    description: field((z) => descriptionSchema(z).optional()),
    /** The external network (router:external) of the gateway; absent/null = no gateway. Changing it moves the gateway, removing it clears it. */
    externalNetworkId: field((z) => idSchema(z, "external network").nullable(), { default: null }),
    /** SNAT on the gateway (Neutron's default: true; setting it usually needs admin); needs externalNetworkId. */
    enableSnat: field((z) => z.boolean().optional()),
    /** `admin_state_up`. */
    adminStateUp: field((z) => z.boolean().optional()),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), description: output<string>(), externalNetworkId: output<string | null>(),
    enableSnat: output<boolean | null>(), adminStateUp: output<boolean>(),
    /** The gateway's addresses on the external network. */
    externalFixedIps: output<ExternalFixedIp[]>(),
    status: output<string>(), projectId: output<string>(),
  },
});
