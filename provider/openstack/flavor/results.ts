/** Nova flavor body -> outputs. */
import type { FlavorOutputs } from "./types";

export interface ApiFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  swap: number | string;
  "OS-FLV-EXT-DATA:ephemeral"?: number;
  "os-flavor-access:is_public"?: boolean;
  description?: string | null;
  extra_specs?: Record<string, string>;
}

export function flavorOutputs(f: ApiFlavor, projectIds: string[]): FlavorOutputs {
  return {
    name: f.name,
    flavorId: f.id,
    vcpus: f.vcpus,
    ram: f.ram,
    disk: f.disk,
    ephemeral: f["OS-FLV-EXT-DATA:ephemeral"] ?? 0,
    swap: typeof f.swap === "number" ? f.swap : Number(f.swap) || 0,
    isPublic: f["os-flavor-access:is_public"] ?? true,
    description: f.description ?? "",
    extraSpecs: { ...(f.extra_specs ?? {}) },
    projectIds: [...projectIds].sort(),
  };
}
