/** openstack.Subnet: inputs and outputs (from spec.ts) and the address checks spanning fields (built at call time). */
import type { Z } from "../../core/controller";
import { whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { checkSubnet } from "./checks";
import { spec } from "./spec";

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

export type SubnetInputs = InputsOf<typeof spec>;
export type SubnetOutputs = OutputsOf<typeof spec>;

/** Neutron's defaults for max_dns_nameservers and max_subnet_host_routes. */
export const MAX_DNS = 5;
export const MAX_ROUTES = 20;

export function subnetSchema(z: Z) {
  /** The spec's fields, with the address checks spanning fields (checks.ts). */
  return objectSchema(spec, z)
    .superRefine((s, ctx) => {
      for (const { path, message } of checkSubnet(s)) ctx.addIssue({ code: "custom", path, message });
    }, whenValid(["cidr", "ipVersion", "gatewayIp", "noGateway", "allocationPools", "dnsNameservers", "hostRoutes", "ipv6AddressMode", "ipv6RaMode"]));
}
