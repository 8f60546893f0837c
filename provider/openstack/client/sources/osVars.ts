import * as fs from "fs";
import type { CloudConfig } from "../config";
import { OpenStackConfigError } from "../errors";

/** The OS_* names that say "credentials are here" (OS_REGION_NAME alone does not). */
export const CREDENTIAL_VARS = ["OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME", "OS_TENANT_NAME"];

/**
 * A CloudConfig from OS_* variables, as the `openstack` CLI reads them (from the environment or a keystonerc).
 * OS_CACERT is a file path (its PEM is read); OS_INSECURE accepts true/1/yes.
 */
export function configFromOsVars(vars: Record<string, string | undefined>, where: string): Partial<CloudConfig> {
  const get = (k: string) => {
    const v = vars[k];
    return v === undefined || v === "" ? undefined : v;
  };
  const config: Partial<CloudConfig> = {
    authUrl: get("OS_AUTH_URL"),
    username: get("OS_USERNAME"),
    password: get("OS_PASSWORD"),
    projectName: get("OS_PROJECT_NAME") ?? get("OS_TENANT_NAME"),
    userDomainName: get("OS_USER_DOMAIN_NAME"),
    projectDomainName: get("OS_PROJECT_DOMAIN_NAME"),
    regionName: get("OS_REGION_NAME"),
    interface: get("OS_INTERFACE") ?? get("OS_ENDPOINT_TYPE"),
  };
  const cacert = get("OS_CACERT");
  if (cacert) config.caCertPem = readCaFile(cacert, `OS_CACERT in ${where}`);
  const insecure = get("OS_INSECURE");
  if (insecure && /^(1|true|yes|on)$/i.test(insecure)) config.insecure = true;
  return config;
}

export function readCaFile(path: string, what: string): string {
  try {
    return fs.readFileSync(path, "utf8");
  } catch (e) {
    throw new OpenStackConfigError(`cannot read the CA certificate ${path} named by ${what}: ${(e as Error).message}`);
  }
}
