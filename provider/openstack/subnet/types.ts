/** openstack.Subnet: inputs, outputs and the input schema (built at call time). */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { commonFields, idSchema, descriptionSchema, nameSchema, OpenStackCommonInputs, tagsSchema } from "../common";
import { checkSubnet } from "./checks";

export const IPV6_MODES = ["slaac", "dhcpv6-stateful", "dhcpv6-stateless"] as const;
export type Ipv6Mode = (typeof IPV6_MODES)[number];

export interface AllocationPool {
  start: string;
  end: string;
}

export interface HostRoute {
  destination: string;
  nextHop: string;
}

/** Fields left out are not managed: Neutron picks its default at create and drift in them is not reported. */
export interface SubnetInputs extends OpenStackCommonInputs {
  networkId: string;
  cidr: string;
  /** 4 or 6; defaults to the family of `cidr`. */
  ipVersion?: 4 | 6;
  name?: string;
  description?: string;
  gatewayIp?: string;
  /** A subnet without a gateway (exclusive with gatewayIp). */
  noGateway?: boolean;
  enableDhcp?: boolean;
  allocationPools?: AllocationPool[];
  dnsNameservers?: string[];
  hostRoutes?: HostRoute[];
  ipv6AddressMode?: Ipv6Mode;
  ipv6RaMode?: Ipv6Mode;
  tags?: string[];
}

export interface SubnetOutputs {
  networkId: string;
  cidr: string;
  ipVersion: 4 | 6;
  name: string;
  description: string;
  gatewayIp: string | null;
  noGateway: boolean;
  enableDhcp: boolean;
  allocationPools: AllocationPool[];
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
  ipv6AddressMode: string | null;
  ipv6RaMode: string | null;
  tags: string[];
  projectId: string;
  subnetpoolId: string | null;
  createdAt: string | null;
}

/** Neutron's defaults for max_dns_nameservers and max_subnet_host_routes. */
export const MAX_DNS = 5;
export const MAX_ROUTES = 20;

/** Input fields that need a new subnet; every other field updates in place. */
export const REPLACE_ON = ["networkId", "cidr", "ipVersion", "ipv6AddressMode", "ipv6RaMode"] as const;

export function subnetSchema(z: Z) {
  const ip = () => z.string({ error: "must be an IP address string" });
  return z
    .strictObject({
      networkId: idSchema(z, "network"),
      cidr: z.string({ error: "is required (e.g. \"10.0.2.0/24\")" }),
      ipVersion: z.union([z.literal(4), z.literal(6)], { error: "must be 4 or 6" }).optional(),
      name: nameSchema(z).optional(),
      description: descriptionSchema(z).optional(),
      gatewayIp: ip().optional(),
      noGateway: z.boolean().optional(),
      enableDhcp: z.boolean().optional(),
      allocationPools: z.array(z.strictObject({ start: ip(), end: ip() })).optional(),
      dnsNameservers: z.array(ip()).max(MAX_DNS, `at most ${MAX_DNS} DNS servers (Neutron's max_dns_nameservers)`).optional(),
      hostRoutes: z
        .array(z.strictObject({ destination: z.string({ error: "must be a CIDR string" }), nextHop: ip() }))
        .max(MAX_ROUTES, `at most ${MAX_ROUTES} host routes (Neutron's max_subnet_host_routes)`)
        .optional(),
      ipv6AddressMode: z.enum(IPV6_MODES).optional(),
      ipv6RaMode: z.enum(IPV6_MODES).optional(),
      tags: tagsSchema(z).optional(),
      ...commonFields(z),
    })
    .superRefine((s, ctx) => {
      for (const { path, message } of checkSubnet(s)) ctx.addIssue({ code: "custom", path, message });
    }, whenValid(["cidr", "ipVersion", "gatewayIp", "noGateway", "allocationPools", "dnsNameservers", "hostRoutes", "ipv6AddressMode", "ipv6RaMode"]));
}
