/** Glance image body -> outputs. */
import { ImageOutputs, isOwnProperty } from "./types";

export type ApiImage = Record<string, any> & {
  id: string;
  name: string | null;
  status: string;
  disk_format: string | null;
  container_format: string | null;
  min_disk: number;
  min_ram: number;
  visibility: string;
  size: number | null;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
};

export function liveHash(i: ApiImage): string {
  return i.os_hash_algo && i.os_hash_value ? `${i.os_hash_algo}:${i.os_hash_value}` : "";
}

export function imageOutputs(i: ApiImage): ImageOutputs {
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(i)) if (!isOwnProperty(k) && v !== null && v !== undefined) properties[k] = String(v);
  return {
    name: i.name ?? "",
    fileHash: liveHash(i),
    diskFormat: i.disk_format ?? "",
    containerFormat: i.container_format ?? "",
    minDisk: i.min_disk ?? 0,
    minRam: i.min_ram ?? 0,
    visibility: i.visibility,
    properties,
    status: i.status,
    size: i.size ?? 0,
    checksum: i.checksum ?? "",
  };
}
