import type { SourceLookup } from "../config";
import { configFromOsVars, CREDENTIAL_VARS } from "./osVars";

/** Credential source 2: the OS_* environment variables. Present when any of OS_AUTH_URL/USERNAME/PASSWORD/PROJECT_NAME is set. */
export function fromEnv(env: NodeJS.ProcessEnv): SourceLookup {
  if (!CREDENTIAL_VARS.some((k) => env[k])) return { skipped: `OS_* environment variables (${CREDENTIAL_VARS.join(", ")} not set)` };
  return { found: { name: "the OS_* environment variables", config: configFromOsVars(env, "the environment") } };
}
