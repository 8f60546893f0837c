/** openstack.FloatingIp's inputs and outputs, written once (provider/core/spec.ts). */
import type { Z } from "../../core/controller";
import { defineSpec, field, output } from "../../core/spec";
import { ipVersionOf, normalizeIp } from "../common/ip";
import { descriptionSchema, idSchema } from "../common/schema";
import { openStackFields } from "../common/spec";

function ipAddress(z: Z) {
  return z
    .string()
    .refine((s) => ipVersionOf(s) !== null, "must be an IPv4 or IPv6 address")
    .transform((s) => normalizeIp(s));
}

export const spec = defineSpec({
  key: "openstack.FloatingIp",
  inputs: {
    /** The external network the address comes from (floating_network_id). */
    networkId: field((z) => idSchema(z, "external network"), { replace: true }),
    /** A specific address to allocate (admin); absent = Neutron picks one. */
    address: field((z) => ipAddress(z).optional(), { replace: true }),
    /** The port to associate with; absent/null = not associated (an association made elsewhere is drift). Associate, move, disassociate: one PUT. */
    portId: field((z) => idSchema(z, "port").nullable(), { default: null }),
    /** Which of the port's fixed addresses (when it has several); needs portId. */
    fixedIpAddress: field((z) => ipAddress(z).optional()),
    /** Neutron's `description`. */
    description: field((z) => descriptionSchema(z).optional()),
    ...openStackFields,
  },
  outputs: {
    networkId: output<string>(), address: output<string>(), portId: output<string | null>(),
    fixedIpAddress: output<string | null>(), description: output<string>(), routerId: output<string | null>(),
    status: output<string>(), projectId: output<string>(),
  },
});
