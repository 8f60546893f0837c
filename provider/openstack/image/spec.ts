/**
 * openstack.Image's inputs and outputs, written once (provider/core/spec.ts). The checks spanning fields (file or
 * sourceUrl, the format against the file's header) and the file's hash (`fileHash`, set by check; a changed
 * file replaces the image) are in types.ts.
 */
import { defineSpec, field, output } from "../../core/spec";
import { requiredName } from "../common/schema";
import { openStackFields } from "../common/spec";
import { CONTAINER_FORMATS, DISK_FORMATS, isOwnProperty, VISIBILITIES } from "./types";

export const spec = defineSpec({
  key: "openstack.Image",
  inputs: {
    /** The image's name. */
    name: field((z) => requiredName(z, "the image's name")),
    /**
     * The local file to upload (absolute, or relative to the program's folder); or `sourceUrl`. check refuses a
     * missing, empty or unreadable file. Its path is not compared: its content is (`fileHash`, a change replaces).
     */
    file: field((z) => z.string({ error: "must be a string (the local file's path)" }).min(1, "must not be empty").optional()),
    /**
     * Instead of `file`: an `http://` or `https://` URL Glance downloads the image from itself (its web-download
     * import); no user name or password in it; `diskFormat` is then required. A new URL replaces the image.
     */
    sourceUrl: field((z) => z.string({ error: "must be a string (an http:// or https:// URL Glance downloads the image from)" }).optional(), { replace: true }),
    /** Absent = from the file's header (qcow2, vmdk, vdi, vhdx, iso, else raw); required with sourceUrl; check refuses a format the file's header contradicts. */
    diskFormat: field((z) => z.enum(DISK_FORMATS).optional(), { replace: true }),
    /** The container format. */
    containerFormat: field((z) => z.enum(CONTAINER_FORMATS), { default: "bare", replace: true }),
    /** GiB (JSON patch in place). */
    minDisk: field((z) => z.number().int("must be a whole number").min(0, "must be at least 0"), { default: 0 }),
    /** MiB. */
    minRam: field((z) => z.number().int("must be a whole number").min(0, "must be at least 0"), { default: 0 }),
    /** Who sees the image. */
    visibility: field((z) => z.enum(VISIBILITIES), { default: "private" }),
    /** Image properties, e.g. {os_distro: "cirros", hw_disk_bus: "virtio"}; Glance's own attributes are refused here. */
    properties: field((z) =>
      z
        .record(z.string(), z.string({ error: "a property value must be a string" }).max(65535, "a property value is too long"))
        .superRefine((props, ctx) => {
          for (const k of Object.keys(props)) {
            if (!k || k.length > 255) ctx.addIssue({ code: "custom", path: [k], message: "a property name must be 1 to 255 characters" });
            else if (isOwnProperty(k)) ctx.addIssue({ code: "custom", path: [k], message: "is one of Glance's own attributes, not a property (use the input of that name)" });
          }
        }),
      { default: {} },
    ),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(),
    /** The URL it was imported from (Glance does not keep it: from state). */
    sourceUrl: output<string | undefined>(),
    /** "sha512:<hex>" of the content (Glance's os_hash_algo:os_hash_value); set by check from the file. */
    fileHash: output<string>(),
    diskFormat: output<string>(), containerFormat: output<string>(), minDisk: output<number>(),
    minRam: output<number>(), visibility: output<string>(), properties: output<Record<string, string>>(),
    status: output<string>(), size: output<number>(), checksum: output<string>(),
  },
});
