/**
 * The input fields every OpenStack resource's spec spreads in: `cloud` (credentials, secret), `adopt` and
 * `customTimeouts` (provider/core/spec.ts). Light: zod types are built at call time.
 */
import { fieldAs, fieldNotArg } from "../../core/spec";
import { adoptSchema, AdoptInput, customTimeoutsSchema } from "../../core/schema";
import type { CloudConfig } from "../client/config";
import { cloudSchema } from "./schema";

export const openStackFields = {
  /** Credentials; kept secret in state. Absent: OS_CLOUD/clouds.yaml, OS_* env, or a keystonerc. */
  cloud: fieldAs<CloudConfig>()((z) => cloudSchema(z).optional(), { secret: true }),
  /** Take over an existing object (by id, or by its unique name) instead of creating one. */
  adopt: fieldAs<AdoptInput>()((z) => adoptSchema(z).optional()),
  /** Time limits (a resource option, passed on by the sdk class: not an Args field). */
  customTimeouts: fieldNotArg((z) => customTimeoutsSchema(z).optional()),
};
