/**
 * Zod pieces every OpenStack resource schema shares: `cloud` (credentials), names, descriptions and tags; `adopt`
 * and `customTimeouts` come from provider/core/schema.ts (re-exported here). Built inside functions (never at
 * module level) because the schema is created at call time with the `z` that makeProvider passes in.
 */
import type { Z } from "../../core/controller";
import { SERVICE_TYPES } from "../client/catalog";
import type { CloudConfig } from "../client/config";
import { AdoptInput, adoptSchema, CustomTimeoutsInput, customTimeoutsSchema } from "../../core/schema";

export { adoptSchema, customTimeoutsSchema };
export type { AdoptInput, CustomTimeoutsInput };

/**
 * Where and how to authenticate: the client's `CloudConfig` (provider/openstack/client/config.ts, which documents
 * each field), with `interface` limited to the values the schema accepts. The same shape as sdk/openstack/cloud.ts
 * `CloudArgs`.
 */
export interface CloudInput extends Omit<CloudConfig, "interface"> {
  interface?: "public" | "internal" | "admin";
}

/** Inputs every OpenStack resource takes besides its own fields. */
export interface OpenStackCommonInputs {
  cloud?: CloudInput;
  adopt?: AdoptInput;
  customTimeouts?: CustomTimeoutsInput;
}

function httpUrl(z: Z) {
  return z.string().refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");
}

/** The OpenStack controllers' secret outputs: `cloud` holds the password. */
export const CLOUD_SECRET_OUTPUTS = ["cloud"] as const;
/** `cloud` says how to reach the API: an unknown value in a preview is no change of the object (core FieldCompare). */
export const CLOUD_COMPARE = { cloud: "credentials" } as const;

export function cloudSchema(z: Z) {
  return z.strictObject({
    authUrl: httpUrl(z),
    username: z.string().min(1, "must not be empty"),
    password: z.string().min(1, "must not be empty"),
    projectName: z.string().min(1, "must not be empty"),
    userDomainName: z.string().min(1).optional(),
    projectDomainName: z.string().min(1).optional(),
    regionName: z.string().min(1).optional(),
    interface: z.enum(["public", "internal", "admin"]).optional(),
    caCertPem: z.string().optional(),
    insecure: z.boolean().optional(),
    endpointOverrides: z
      .record(z.string(), httpUrl(z))
      .superRefine((o, ctx) => {
        for (const k of Object.keys(o ?? {})) {
          if (!(SERVICE_TYPES as readonly string[]).includes(k)) {
            ctx.addIssue({ code: "custom", path: [k], message: `is not a service the library calls (one of ${SERVICE_TYPES.join(", ")})` });
          }
        }
      })
      .optional(),
  });
}

/** `{cloud, adopt, customTimeouts}` to spread into a resource's z.object({...}). */
export function commonFields(z: Z) {
  return {
    cloud: cloudSchema(z).optional(),
    adopt: adoptSchema(z).optional(),
    customTimeouts: customTimeoutsSchema(z).optional(),
  };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(s: unknown): boolean {
  return typeof s === "string" && UUID.test(s);
}

/** A Neutron id (a UUID): names are refused, they are not unique and Neutron does not take them here. */
export function idSchema(z: Z, what: string) {
  return z
    .string({ error: (i) => (i.input === undefined ? `is required (the ${what}'s id, a UUID)` : `must be the ${what}'s id (a UUID)`) })
    .refine(isUuid, `must be the ${what}'s id (a UUID such as 2f1c1b3a-0b8e-4a51-9a7e-4ec4b6a09d11), not a name`);
}

/**
 * A required name of 1 to 255 characters (Nova's and Glance's limit) whose messages say what it is:
 * "is required (<what>)" when absent, `wrongType` when not a string.
 */
export function requiredName(z: Z, what: string, wrongType = "must be a string") {
  return z
    .string({ error: (i) => (i.input === undefined ? `is required (${what})` : wrongType) })
    .min(1, "must not be empty")
    .max(255, "must be at most 255 characters");
}

/** Neutron limits names to 255 characters. */
export function nameSchema(z: Z) {
  return z.string().max(255, "must be at most 255 characters");
}

export function descriptionSchema(z: Z) {
  return z.string().max(255, "must be at most 255 characters");
}

/** Neutron tags: a set of non-empty strings of at most 60 characters (no commas: they separate tag filters). */
export function tagsSchema(z: Z) {
  return z
    .array(
      z
        .string({ error: "each tag must be a string" })
        .min(1, "a tag must not be empty")
        .max(60, "a tag must be at most 60 characters")
        .refine((t) => !t.includes(","), "a tag must not contain a comma"),
    )
    .superRefine((tags, ctx) => {
      const seen = new Set<string>();
      tags.forEach((t, i) => {
        if (seen.has(t)) ctx.addIssue({ code: "custom", path: [i], message: `duplicate tag "${t}"` });
        seen.add(t);
      });
    });
}
