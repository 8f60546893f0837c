/**
 * openstack.Network's inputs and outputs, written once (provider/core/spec.ts). A field left out is not managed:
 * Neutron picks its default at create and drift in it is not reported. The checks spanning fields (type vs
 * physical network vs segmentation id) are in types.ts.
 */
import { defineSpec, field, output } from "../../core/spec";
import { descriptionSchema, nameSchema, tagsSchema } from "../common/schema";
import { openStackFields } from "../common/spec";
import { NETWORK_TYPES } from "./types";

export const spec = defineSpec({
  key: "openstack.Network",
  inputs: {
    /** Neutron's `name` (at most 255 characters). */
    name: field((z) => nameSchema(z).optional()),
    /** Neutron's `description`. */
    description: field((z) => descriptionSchema(z).optional()),
    /** `router:external`: routers can use it as their gateway; floating IPs come from it. */
    external: field((z) => z.boolean().optional()),
    /** Neutron's `shared`. */
    shared: field((z) => z.boolean().optional()),
    /** `provider:network_type`: flat, vlan, vxlan, gre, geneve or local (admin only). */
    providerNetworkType: field((z) => z.enum(NETWORK_TYPES, { error: `must be one of ${NETWORK_TYPES.join(", ")}` }).optional(), { replace: true }),
    /** `provider:physical_network`: required for flat; e.g. "extnet" (Packstack's name for br-ex). */
    providerPhysicalNetwork: field((z) => z.string().min(1, "must not be empty").max(64, "must be at most 64 characters").optional(), { replace: true }),
    /** `provider:segmentation_id`: vlan 1-4094; vxlan/geneve 1-16777215; gre 1-4294967295; none for flat. */
    providerSegmentationId: field((z) => z.number().int("must be a whole number").optional(), { replace: true }),
    /** Neutron's `mtu`: 68-9216. */
    mtu: field((z) => z.number().int("must be a whole number").min(68, "must be at least 68").max(9216, "must be at most 9216").optional()),
    /** `port_security_enabled`. */
    portSecurityEnabled: field((z) => z.boolean().optional()),
    /** `admin_state_up`. */
    adminStateUp: field((z) => z.boolean().optional()),
    /** Tags: a set (order is ignored; unique, 1-60 characters, no commas), updated with one `PUT .../tags`. */
    tags: field((z) => tagsSchema(z).optional()),
    /** `availability_zone_hints`. */
    availabilityZoneHints: field((z) => z.array(z.string().min(1)).optional(), { replace: true }),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), description: output<string>(), external: output<boolean>(), shared: output<boolean>(),
    providerNetworkType: output<string | null>(), providerPhysicalNetwork: output<string | null>(),
    providerSegmentationId: output<number | null>(), mtu: output<number | null>(),
    portSecurityEnabled: output<boolean | null>(), adminStateUp: output<boolean>(), tags: output<string[]>(),
    availabilityZoneHints: output<string[]>(),
    /** "ACTIVE", "DOWN", "BUILD" or "ERROR". */
    status: output<string>(),
    projectId: output<string>(), subnetIds: output<string[]>(), availabilityZones: output<string[]>(),
    createdAt: output<string | null>(),
  },
});
