/** Zod pieces every VirtualBox resource schema shares (built inside functions, at call time). */
import type { Z } from "../../core/controller";
import { AdoptInput, adoptSchema, CustomTimeoutsInput, customTimeoutsSchema } from "../../core/schema";

export interface VBoxCommonInputs {
  adopt?: AdoptInput;
  customTimeouts?: CustomTimeoutsInput;
  /** Full path of VBoxManage; default: VBOXMANAGE_PATH, then PATH, then the Windows install locations. */
  vboxManagePath?: string;
}

export function vboxCommonFields(z: Z) {
  return {
    adopt: adoptSchema(z).optional(),
    customTimeouts: customTimeoutsSchema(z).optional(),
    vboxManagePath: z.string().min(1, "must not be empty").optional(),
  };
}

/** A VirtualBox object name: any text (it reaches VBoxManage as one argument), but no control characters. */
export function vboxNameSchema(z: Z) {
  return z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s), "must not contain control characters or line separators (newlines, tabs, U+0085, U+2028, U+2029)")
    .refine((s) => s.trim() === s, "must not start or end with spaces");
}

export function portSchema(z: Z) {
  return z
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535");
}
