/** Inputs and outputs of openstack.Flavor. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, OpenStackCommonInputs } from "../common";

export interface FlavorInputs extends OpenStackCommonInputs {
  name: string;
  /** A flavor id of your own (a string, e.g. "lab.small"); absent = Nova makes a UUID. */
  flavorId?: string;
  vcpus: number;
  /** MiB. */
  ram: number;
  /** Root disk, GiB (0 = the image's size). */
  disk: number;
  /** Ephemeral disk, GiB. */
  ephemeral: number;
  /** Swap, MiB. */
  swap: number;
  isPublic: boolean;
  description?: string;
  /** Extra specs (e.g. {"hw:cpu_policy": "shared"}), changed in place. */
  extraSpecs: Record<string, string>;
  /** Projects (ids) that may use a private flavor, changed in place. */
  projectIds: string[];
}

/** The live flavor: every input field but the common ones, each always present. */
export type FlavorOutputs = Required<Omit<FlavorInputs, keyof OpenStackCommonInputs>>;

/** Why the immutable fields replace: Nova has no flavor update (only description, extra specs and access). */
export const IMMUTABLE_REASON = "Nova flavors are immutable";
export const IMMUTABLE_FIELDS = ["name", "flavorId", "vcpus", "ram", "disk", "ephemeral", "swap", "isPublic"];

const count = (z: Z, what: string, min: number) =>
  z.number({ error: `must be a number (${what})` }).int("must be a whole number").min(min, `must be at least ${min}`).max(2 ** 31 - 1, "is too big");

export function schema(z: Z) {
  return z
    .strictObject({
      name: z.string({ error: (i) => (i.input === undefined ? "is required (the flavor's name)" : "must be a string") }).min(1, "must not be empty").max(255, "must be at most 255 characters")
        .refine((s) => s.trim() === s, "must not start or end with a space"),
      flavorId: z.string().min(1, "must not be empty").max(255, "must be at most 255 characters")
        .regex(/^[A-Za-z0-9_.\- ]+$/, "may hold only letters, digits, '.', '_', '-' and spaces (Nova's rule for flavor ids)").optional(),
      vcpus: count(z, "virtual CPUs", 1),
      ram: count(z, "MiB of RAM", 1),
      disk: count(z, "GiB of root disk", 0).default(0),
      ephemeral: count(z, "GiB of ephemeral disk", 0).default(0),
      swap: count(z, "MiB of swap", 0).default(0),
      isPublic: z.boolean().default(true),
      description: z.string().max(65535, "is too long").optional(),
      extraSpecs: z.record(z.string(), z.string({ error: "an extra spec value must be a string" }).max(255, "an extra spec value must be at most 255 characters"))
        .superRefine((specs, ctx) => {
          for (const k of Object.keys(specs)) {
            if (!/^[A-Za-z0-9_:. -]{1,255}$/.test(k)) ctx.addIssue({ code: "custom", path: [k], message: "an extra spec key may hold only letters, digits, '_', ':', '.', '-' and spaces (1 to 255 of them)" });
          }
        })
        .default({}),
      projectIds: z.array(z.string().min(1, "a project id must not be empty")).default([]),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => {
      if (known(v.isPublic, v.projectIds) && v.isPublic && v.projectIds.length > 0) {
        ctx.addIssue({ code: "custom", path: ["projectIds"], message: "grants access to a private flavor: set isPublic: false (a public flavor is open to every project)" });
      }
      if (known(v.projectIds)) {
        const seen = new Set<string>();
        v.projectIds.forEach((p, i) => {
          if (seen.has(p)) ctx.addIssue({ code: "custom", path: ["projectIds", i], message: `duplicate project "${p}"` });
          seen.add(p);
        });
      }
    }, whenValid(["isPublic", "projectIds"]));
}
