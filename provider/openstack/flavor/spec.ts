/**
 * openstack.Flavor's inputs and outputs, written once (provider/core/spec.ts). Nova flavors are immutable: only
 * description, extra specs and access change in place, every other field replaces.
 */
import type { Z } from "../../core/controller";
import { defineSpec, field, output } from "../../core/spec";
import { requiredName } from "../common/schema";
import { openStackFields } from "../common/spec";

const count = (z: Z, what: string, min: number) =>
  z.number({ error: `must be a number (${what})` }).int("must be a whole number").min(min, `must be at least ${min}`).max(2 ** 31 - 1, "is too big");

export const spec = defineSpec({
  key: "openstack.Flavor",
  inputs: {
    /** The flavor's name (unique). */
    name: field((z) => requiredName(z, "the flavor's name").refine((s) => s.trim() === s, "must not start or end with a space"), { replace: true }),
    /** A flavor id of your own (a string, e.g. "lab.small"); absent = Nova makes a UUID. */
    flavorId: field(
      (z) =>
        z
          .string()
          .min(1, "must not be empty")
          .max(255, "must be at most 255 characters")
          .regex(/^[A-Za-z0-9_.\- ]+$/, "may hold only letters, digits, '.', '_', '-' and spaces (Nova's rule for flavor ids)")
          .optional(),
      { replace: true },
    ),
    /** Virtual CPUs. */
    vcpus: field((z) => count(z, "virtual CPUs", 1), { replace: true }),
    /** RAM, MiB. */
    ram: field((z) => count(z, "MiB of RAM", 1), { replace: true }),
    /** Root disk, GiB (0 = the image's size). */
    disk: field((z) => count(z, "GiB of root disk", 0), { default: 0, replace: true }),
    /** Ephemeral disk, GiB. */
    ephemeral: field((z) => count(z, "GiB of ephemeral disk", 0), { default: 0, replace: true }),
    /** Swap, MiB. */
    swap: field((z) => count(z, "MiB of swap", 0), { default: 0, replace: true }),
    /** Open to every project; false = only to projectIds. */
    isPublic: field((z) => z.boolean(), { default: true, replace: true }),
    /** The flavor's description, changed in place. */
    description: field((z) => z.string().max(65535, "is too long").optional()),
    /** Extra specs (e.g. {"hw:cpu_policy": "shared"}), changed in place. */
    extraSpecs: field((z) =>
      z
        .record(z.string(), z.string({ error: "an extra spec value must be a string" }).max(255, "an extra spec value must be at most 255 characters"))
        .superRefine((specs, ctx) => {
          for (const k of Object.keys(specs)) {
            if (!/^[A-Za-z0-9_:. -]{1,255}$/.test(k)) ctx.addIssue({ code: "custom", path: [k], message: "an extra spec key may hold only letters, digits, '_', ':', '.', '-' and spaces (1 to 255 of them)" });
          }
        }),
      { default: {} },
    ),
    /** Projects (ids) that may use a private flavor (isPublic: false), changed in place. */
    projectIds: field((z) => z.array(z.string().min(1, "a project id must not be empty")), { default: [] }),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), flavorId: output<string>(), vcpus: output<number>(), ram: output<number>(),
    disk: output<number>(), ephemeral: output<number>(), swap: output<number>(), isPublic: output<boolean>(),
    description: output<string>(), extraSpecs: output<Record<string, string>>(), projectIds: output<string[]>(),
  },
});
