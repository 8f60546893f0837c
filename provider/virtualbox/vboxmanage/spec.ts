/** The input fields every VirtualBox resource's spec spreads in (provider/core/spec.ts). Light: zod types are built at call time. */
import { field, fieldAs, fieldNotArg } from "../../core/spec";
import { adoptSchema, AdoptInput, customTimeoutsSchema } from "../../core/schema";

export const vboxFields = {
  /** Take over an existing object (by id, or by its unique name) instead of creating one. */
  adopt: fieldAs<AdoptInput>()((z) => adoptSchema(z).optional()),
  /** Time limits (a resource option, passed on by the sdk class: not an Args field). */
  customTimeouts: fieldNotArg((z) => customTimeoutsSchema(z).optional()),
  /** Full path of VBoxManage; default: VBOXMANAGE_PATH, then PATH, then the Windows install locations. */
  vboxManagePath: field((z) => z.string().min(1, "must not be empty").optional()),
};
