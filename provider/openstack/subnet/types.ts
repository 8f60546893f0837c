/** openstack.Subnet: inputs, outputs and the input schema (built at call time). */
import type { Z } from "../../core/controller";
import { commonFields, descriptionSchema, nameSchema, OpenStackCommonInputs, tagsSchema } from "../common";
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

/** Input fields that need a new subnet; every other field updates in place. */
export const REPLACE_ON = ["networkId", "cidr", "ipVersion", "ipv6AddressMode", "ipv6RaMode"] as const;

export function subnetSchema(z: Z) {
  const ip = () => z.string({ error: "must be an IP address string" });
  return z
    .object({
      networkId: z.string({ error: "is required (the id of the network)" }).min(1, "must not be empty"),
      cidr: z.string({ error: "is required (e.g. \"10.0.2.0/24\")" }),
      ipVersion: z.union([z.literal(4), z.literal(6)], { error: "must be 4 or 6" }).optional(),
      name: nameSchema(z).optional(),
      description: descriptionSchema(z).optional(),
      gatewayIp: ip().optional(),
      noGateway: z.boolean().optional(),
      enableDhcp: z.boolean().optional(),
      allocationPools: z.array(z.strictObject({ start: ip(), end: ip() })).optional(),
      dnsNameservers: z.array(ip()).optional(),
      hostRoutes: z.array(z.strictObject({ destination: z.string(), nextHop: ip() })).optional(),
      ipv6AddressMode: z.enum(IPV6_MODES).optional(),
      ipv6RaMode: z.enum(IPV6_MODES).optional(),
      tags: tagsSchema(z).optional(),
      ...commonFields(z),
    })
    .superRefine((s, ctx) => {
      for (const { path, message } of checkSubnet(s)) ctx.addIssue({ code: "custom", path, message });
    });
}
