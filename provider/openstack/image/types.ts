/** openstack.Image: inputs and outputs (from spec.ts), the checks spanning fields and the file's hash. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";
import { detectFormat, fileHash, fileProblem } from "./file";

export const DISK_FORMATS = ["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx", "iso", "ami", "ari", "aki", "ploop"] as const;
export const CONTAINER_FORMATS = ["bare", "ovf", "ova", "aki", "ari", "ami", "docker", "compressed"] as const;
export const VISIBILITIES = ["private", "public", "shared", "community"] as const;

/** The checked inputs: the spec's fields plus `fileHash`, set by check from the file ("<algo>:<hex>", compared with Glance's os_hash_value; a change replaces; absent with sourceUrl). */
export type ImageInputs = InputsOf<typeof spec> & { diskFormat: (typeof DISK_FORMATS)[number]; fileHash?: string };

export type ImageOutputs = OutputsOf<typeof spec>;

/** Glance's own attributes: not `properties`. */
export const BASE_ATTRIBUTES = new Set([
  "id", "name", "status", "visibility", "protected", "checksum", "owner", "size", "min_ram", "min_disk", "created_at",
  "updated_at", "tags", "virtual_size", "disk_format", "container_format", "file", "schema", "self", "locations",
  "direct_url", "os_hidden", "os_hash_algo", "os_hash_value", "stores",
]);

/** Property keys Glance or the clients set themselves (never compared). */
export const isOwnProperty = (k: string) => BASE_ATTRIBUTES.has(k) || k.startsWith("os_glance") || k.startsWith("owner_specified.");

/** The spec's fields, with the checks spanning fields and the file's hash. */
export function schema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((v, ctx) => {
      if (v.sourceUrl !== undefined) {
        if (v.file !== undefined) {
          return void ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "cannot be given with file: the image comes either from a local file (uploaded) or from a URL (Glance downloads it), not both" });
        }
        if (!known(v.sourceUrl)) return;
        const problem = urlProblem(v.sourceUrl);
        if (problem) ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: problem });
        if (v.diskFormat === undefined) {
          ctx.addIssue({ code: "custom", path: ["diskFormat"], message: `is required with sourceUrl (the file is not read here, so its format is not known: one of ${DISK_FORMATS.join(", ")})` });
        }
        return;
      }
      if (v.file === undefined) return void ctx.addIssue({ code: "custom", path: ["file"], message: "is required (the local image file to upload), unless sourceUrl is given (a URL Glance downloads it from)" });
      if (!known(v.file)) return;
      const problem = fileProblem(v.file);
      if (problem) return void ctx.addIssue({ code: "custom", path: ["file"], message: problem });
      if (!known(v.diskFormat)) return;
      const detected = detectFormat(v.file);
      if (v.diskFormat && detected && v.diskFormat !== detected && !(detected === "iso" && v.diskFormat === "raw")) {
        ctx.addIssue({ code: "custom", path: ["diskFormat"], message: `is "${v.diskFormat}" but the file is a ${detected} image (Nova would fail to boot it)` });
      }
      if (v.diskFormat && v.diskFormat !== "raw" && v.diskFormat !== "iso" && ["qcow2", "vmdk", "vdi", "vhdx"].includes(v.diskFormat) && !detected) {
        ctx.addIssue({ code: "custom", path: ["diskFormat"], message: `is "${v.diskFormat}" but the file has no ${v.diskFormat} header (a raw image? then diskFormat: "raw")` });
      }
    }, whenValid(["file", "sourceUrl", "diskFormat"]))
    .transform((v) => {
      if (v.sourceUrl !== undefined) return v as ImageInputs; // no fileHash: Glance's hash is only known after the import
      if (v.file === undefined || !known(v.file)) return { ...v, diskFormat: v.diskFormat ?? "raw", fileHash: v.file } as ImageInputs;
      return {
        ...v,
        diskFormat: v.diskFormat ?? (detectFormat(v.file) as ImageInputs["diskFormat"]) ?? "raw",
        fileHash: fileHash(v.file),
      } as ImageInputs;
    });
}

/** Why `url` cannot be a web-download source, or undefined. */
export function urlProblem(url: string): string | undefined {
  if (/[\s]/.test(url)) return "must not contain spaces or line breaks";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `is not a URL (${JSON.stringify(url)}); give http://host/path or https://host/path`;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return `must be an http:// or https:// URL (Glance's web-download fetches only those), not ${u.protocol}//`;
  if (u.username || u.password) return "must not carry a user name or password (Glance would keep them in its task records)";
  return undefined;
}
