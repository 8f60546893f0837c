/** openstack.Network: inputs and outputs (from spec.ts) and the checks spanning fields (built at call time). */
import type { Z } from "../../core/controller";
import { whenValid, known } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";

export const NETWORK_TYPES = ["flat", "vlan", "vxlan", "gre", "geneve", "local"] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** Valid segmentation ids per network type (inclusive). */
export const SEGMENTATION_RANGES: Partial<Record<NetworkType, [number, number]>> = {
  vlan: [1, 4094],
  vxlan: [1, 16777215],
  geneve: [1, 16777215],
  gre: [1, 4294967295],
};

export type NetworkInputs = InputsOf<typeof spec>;
/** Live values (same names as the inputs) plus what only the cloud knows. */
export type NetworkOutputs = OutputsOf<typeof spec>;

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

export function networkSchema(z: Z) {
  /** The spec's fields, with the checks that span fields. */
  return objectSchema(spec, z)
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
