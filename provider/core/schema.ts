/**
 * Zod pieces every resource schema shares whatever its namespace: `adopt` and `customTimeouts`. Built inside
 * functions (never at module level) because the schema is created at call time with the `z` that makeProvider
 * passes in.
 */
import type { Z } from "./controller";
import { parseDuration } from "./timeouts";

/** `adopt`: take over an existing object instead of creating one, by its id or its (unique) name. */
export interface AdoptInput {
  id?: string;
  name?: string;
}

export interface CustomTimeoutsInput {
  create?: string;
  update?: string;
  delete?: string;
}

export function adoptSchema(z: Z) {
  return z
    .strictObject({
      id: z.string().min(1, "must not be empty").optional(),
      name: z.string().min(1, "must not be empty").optional(),
    })
    .refine((a) => a.id !== undefined || a.name !== undefined, "give the id or the name of the object to adopt");
}

/** A Go-style duration as Pulumi's customTimeouts take it ("90s", "10m", "1h30m"). */
export function durationSchema(z: Z) {
  return z.string().refine((s) => {
    try {
      parseDuration(s);
      return true;
    } catch {
      return false;
    }
  }, 'must be a duration such as "90s", "10m" or "1h30m"');
}

export function customTimeoutsSchema(z: Z) {
  return z.strictObject({ create: durationSchema(z).optional(), update: durationSchema(z).optional(), delete: durationSchema(z).optional() });
}
