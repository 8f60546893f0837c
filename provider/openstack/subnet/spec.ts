/**
 * openstack.Subnet's inputs and outputs, written once (provider/core/spec.ts). A field left out is not managed:
 * Neutron picks its default at create and drift in it is not reported. The address checks spanning fields are in
 * checks.ts (applied by types.ts).
 */
import { defineSpec, field, output } from "../../core/spec";
import { descriptionSchema, idSchema, nameSchema, tagsSchema } from "../common/schema";
import { openStackFields } from "../common/spec";
import { AllocationPool, HostRoute, IPV6_MODES, MAX_DNS, MAX_ROUTES } from "./types";

export const spec = defineSpec({
  key: "openstack.Subnet",
  inputs: {
    /** `network_id`: the network's id. */
    networkId: field((z) => idSchema(z, "network"), { replace: true }),
    /** `cidr`, e.g. "10.0.2.0/24" (the network address, no host bits). */
    cidr: field((z) => z.string({ error: "is required (e.g. \"10.0.2.0/24\")" }), { replace: true }),
    /** `ip_version`: 4 or 6; defaults to the family of cidr. */
    ipVersion: field((z) => z.union([z.literal(4), z.literal(6)], { error: "must be 4 or 6" }).optional(), { replace: true }),
    /** Neutron's `name`. */
    name: field((z) => nameSchema(z).optional()),
    /** Neutron's `description`. */
    description: field((z) => descriptionSchema(z).optional()),
    /** `gateway_ip`. */
    gatewayIp: field((z) => z.string({ error: "must be an IP address string" }).optional()),
    /** No gateway at all (`gateway_ip: null`; exclusive with gatewayIp; `false` after `true` restores the first address). */
    noGateway: field((z) => z.boolean().optional()),
    /** `enable_dhcp`. */
    enableDhcp: field((z) => z.boolean().optional()),
    /** `allocation_pools` `[{start, end}]`, compared as a set. */
    allocationPools: field((z) => z.array(z.strictObject({ start: z.string({ error: "must be an IP address string" }), end: z.string({ error: "must be an IP address string" }) })).optional()),
    /** `dns_nameservers`: order matters (it is the order clients get them in). */
    dnsNameservers: field((z) => z.array(z.string({ error: "must be an IP address string" })).max(MAX_DNS, `at most ${MAX_DNS} DNS servers (Neutron's max_dns_nameservers)`).optional()),
    /** `host_routes` `[{destination, nextHop}]`, compared as a set. */
    hostRoutes: field((z) =>
      z
        .array(z.strictObject({ destination: z.string({ error: "must be a CIDR string" }), nextHop: z.string({ error: "must be an IP address string" }) }))
        .max(MAX_ROUTES, `at most ${MAX_ROUTES} host routes (Neutron's max_subnet_host_routes)`)
        .optional(),
    ),
    /** `ipv6_address_mode` (IPv6 only). */
    ipv6AddressMode: field((z) => z.enum(IPV6_MODES).optional(), { replace: true }),
    /** `ipv6_ra_mode` (IPv6 only). */
    ipv6RaMode: field((z) => z.enum(IPV6_MODES).optional(), { replace: true }),
    /** Tags: a set, updated with one `PUT .../tags`. */
    tags: field((z) => tagsSchema(z).optional()),
    ...openStackFields,
  },
  outputs: {
    networkId: output<string>(), cidr: output<string>(), ipVersion: output<4 | 6>(), name: output<string>(),
    description: output<string>(), gatewayIp: output<string | null>(), noGateway: output<boolean>(),
    enableDhcp: output<boolean>(), allocationPools: output<AllocationPool[]>(), dnsNameservers: output<string[]>(),
    hostRoutes: output<HostRoute[]>(), ipv6AddressMode: output<string | null>(), ipv6RaMode: output<string | null>(),
    tags: output<string[]>(), projectId: output<string>(), subnetpoolId: output<string | null>(),
    createdAt: output<string | null>(),
  },
});
