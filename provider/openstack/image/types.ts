/** Inputs and outputs of openstack.Image. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, OpenStackCommonInputs } from "../common";
import { detectFormat, fileHash, fileProblem } from "./file";

export const DISK_FORMATS = ["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx", "iso", "ami", "ari", "aki", "ploop"] as const;
export const CONTAINER_FORMATS = ["bare", "ovf", "ova", "aki", "ari", "ami", "docker", "compressed"] as const;
export const VISIBILITIES = ["private", "public", "shared", "community"] as const;

export interface ImageInputs extends OpenStackCommonInputs {
  name: string;
  /** The local file to upload (relative paths: from the program's folder); or `sourceUrl`. */
  file?: string;
  /** An http(s) URL Glance downloads the image from itself (its web-download import); or `file`. */
  sourceUrl?: string;
  /** Absent = from the file's header (qcow2, vmdk, vdi, vhdx, iso; raw otherwise); required with sourceUrl. */
  diskFormat: (typeof DISK_FORMATS)[number];
  containerFormat: (typeof CONTAINER_FORMATS)[number];
  /** GiB. */
  minDisk: number;
  /** MiB. */
  minRam: number;
  visibility: (typeof VISIBILITIES)[number];
  /** Image properties, e.g. {os_distro: "cirros", hw_disk_bus: "virtio"}. */
  properties: Record<string, string>;
  /** Set by check from the file: "<algo>:<hex>", compared with Glance's os_hash_value (a change replaces). Absent with sourceUrl. */
  fileHash?: string;
}

export interface ImageOutputs {
  name: string;
  /** The URL it was imported from (Glance does not keep it: from state). */
  sourceUrl?: string;
  fileHash: string;
  diskFormat: string;
  containerFormat: string;
  minDisk: number;
  minRam: number;
  visibility: string;
  properties: Record<string, string>;
  status: string;
  size: number;
  checksum: string;
}

/** Glance's own attributes: not `properties`. */
export const BASE_ATTRIBUTES = new Set([
  "id", "name", "status", "visibility", "protected", "checksum", "owner", "size", "min_ram", "min_disk", "created_at",
  "updated_at", "tags", "virtual_size", "disk_format", "container_format", "file", "schema", "self", "locations",
  "direct_url", "os_hidden", "os_hash_algo", "os_hash_value", "stores",
]);

/** Property keys Glance or the clients set themselves (never compared). */
export const isOwnProperty = (k: string) => BASE_ATTRIBUTES.has(k) || k.startsWith("os_glance") || k.startsWith("owner_specified.");

export function schema(z: Z) {
  return z
    .strictObject({
      name: z.string({ error: (i) => (i.input === undefined ? "is required (the image's name)" : "must be a string") }).min(1, "must not be empty").max(255, "must be at most 255 characters"),
      file: z.string({ error: "must be a string (the local file's path)" }).min(1, "must not be empty").optional(),
      sourceUrl: z.string({ error: "must be a string (an http:// or https:// URL Glance downloads the image from)" }).optional(),
      diskFormat: z.enum(DISK_FORMATS).optional(),
      containerFormat: z.enum(CONTAINER_FORMATS).default("bare"),
      minDisk: z.number().int("must be a whole number").min(0, "must be at least 0").default(0),
      minRam: z.number().int("must be a whole number").min(0, "must be at least 0").default(0),
      visibility: z.enum(VISIBILITIES).default("private"),
      properties: z.record(z.string(), z.string({ error: "a property value must be a string" }).max(65535, "a property value is too long"))
        .superRefine((props, ctx) => {
          for (const k of Object.keys(props)) {
            if (!k || k.length > 255) ctx.addIssue({ code: "custom", path: [k], message: "a property name must be 1 to 255 characters" });
            else if (isOwnProperty(k)) ctx.addIssue({ code: "custom", path: [k], message: "is one of Glance's own attributes, not a property (use the input of that name)" });
          }
        })
        .default({}),
      ...commonFields(z),
    })
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
