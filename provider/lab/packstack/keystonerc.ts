/** /root/keystonerc_admin (as Packstack writes it) -> the `cloud` shape the openstack.* resources take. */
import { parseKeystonerc } from "../../openstack/client/sources/keystonerc";
import type { CloudOutput } from "./types";

export const KEYSTONERC_PATH = "/root/keystonerc_admin";

/** null when the file lacks the URL, user or password. */
export function cloudFromKeystonerc(text: string): CloudOutput | null {
  const v = parseKeystonerc(text);
  if (!v.OS_AUTH_URL || !v.OS_USERNAME || !v.OS_PASSWORD) return null;
  return {
    authUrl: v.OS_AUTH_URL,
    username: v.OS_USERNAME,
    password: v.OS_PASSWORD,
    projectName: v.OS_PROJECT_NAME ?? v.OS_TENANT_NAME ?? "admin",
    userDomainName: v.OS_USER_DOMAIN_NAME ?? "Default",
    projectDomainName: v.OS_PROJECT_DOMAIN_NAME ?? "Default",
    regionName: v.OS_REGION_NAME ?? "RegionOne",
  };
}
