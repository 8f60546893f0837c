/** openstack.Network: inputs, outputs and the input schema (built at call time). */
import type { Z } from "../../core/controller";
import { whenValid, known } from "../../core/refine";
import { commonFields, descriptionSchema, nameSchema, OpenStackCommonInputs, tagsSchema } from "../common";

export const NETWORK_TYPES = ["flat", "vlan", "vxlan", "gre", "geneve", "local"] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** Valid segmentation ids per network type (inclusive). */
export const SEGMENTATION_RANGES: Partial<Record<NetworkType, [number, number]>> = {
  vlan: [1, 4094],
  vxlan: [1, 16777215],
  geneve: [1, 16777215],
  gre: [1, 4294967295],
};

/** Fields left out are not managed: Neutron picks its default at create and drift in them is not reported. */
export interface NetworkInputs extends OpenStackCommonInputs {
  name?: string;
  description?: string;
  /** router:external — a network routers can use as their gateway (floating IPs come from it). */
  external?: boolean;
  shared?: boolean;
  providerNetworkType?: NetworkType;
  providerPhysicalNetwork?: string;
  providerSegmentationId?: number;
  mtu?: number;
  portSecurityEnabled?: boolean;
  adminStateUp?: boolean;
  tags?: string[];
  availabilityZoneHints?: string[];
}

/** Live values (same names as the inputs) plus what only the cloud knows. */
export interface NetworkOutputs {
  name: string;
  description: string;
  external: boolean;
  shared: boolean;
  providerNetworkType: string | null;
  providerPhysicalNetwork: string | null;
  providerSegmentationId: number | null;
  mtu: number | null;
  portSecurityEnabled: boolean | null;
  adminStateUp: boolean;
  tags: string[];
  availabilityZoneHints: string[];
  status: string;
  projectId: string;
  subnetIds: string[];
  availabilityZones: string[];
  createdAt: string | null;
}

/** In-place fields and their Neutron attribute names (everything else a user sets replaces the network). */
export const UPDATABLE: Record<string, string> = {
  name: "name",
  description: "description",
  external: "router:external",
  shared: "shared",
  mtu: "mtu",
  portSecurityEnabled: "port_security_enabled",
  adminStateUp: "admin_state_up",
};

export const REPLACE_ON = ["providerNetworkType", "providerPhysicalNetwork", "providerSegmentationId", "availabilityZoneHints"] as const;

export function networkSchema(z: Z) {
  return z
    .strictObject({
      name: nameSchema(z).optional(),
      description: descriptionSchema(z).optional(),
      external: z.boolean().optional(),
      shared: z.boolean().optional(),
      providerNetworkType: z.enum(NETWORK_TYPES, { error: `must be one of ${NETWORK_TYPES.join(", ")}` }).optional(),
      providerPhysicalNetwork: z
        .string()
        .min(1, "must not be empty")
        .max(64, "must be at most 64 characters")
        .optional(),
      providerSegmentationId: z.number().int("must be a whole number").optional(),
      mtu: z.number().int("must be a whole number").min(68, "must be at least 68").max(9216, "must be at most 9216").optional(),
      portSecurityEnabled: z.boolean().optional(),
      adminStateUp: z.boolean().optional(),
      tags: tagsSchema(z).optional(),
      availabilityZoneHints: z.array(z.string().min(1)).optional(),
      ...commonFields(z),
    })
    .superRefine((n, ctx) => {
      if (!known(n.providerNetworkType, n.providerPhysicalNetwork, n.providerSegmentationId)) return;
      const type = n.providerNetworkType;
      const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
      if (!type) {
        if (n.providerPhysicalNetwork !== undefined) issue("providerPhysicalNetwork", "needs providerNetworkType (flat or vlan)");
        if (n.providerSegmentationId !== undefined) issue("providerSegmentationId", "needs providerNetworkType");
        return;
      }
      if (type === "flat") {
        if (!n.providerPhysicalNetwork) issue("providerPhysicalNetwork", "a flat network needs a physical network (e.g. \"extnet\")");
        if (n.providerSegmentationId !== undefined) issue("providerSegmentationId", "a flat network has no segmentation id");
      }
      if (["vxlan", "gre", "geneve", "local"].includes(type) && n.providerPhysicalNetwork !== undefined) {
        issue("providerPhysicalNetwork", `a ${type} network has no physical network`);
      }
      if (type === "local" && n.providerSegmentationId !== undefined) issue("providerSegmentationId", "a local network has no segmentation id");
      const range = SEGMENTATION_RANGES[type];
      const id = n.providerSegmentationId;
      if (range && id !== undefined && (id < range[0] || id > range[1])) {
        issue("providerSegmentationId", `a ${type} segmentation id must be between ${range[0]} and ${range[1]} (got ${id})`);
      }
    }, whenValid(["providerNetworkType", "providerPhysicalNetwork", "providerSegmentationId"]));
}
