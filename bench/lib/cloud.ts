/**
 * Credentials of the cloud the benchmark runs against: the OS_* variables when set, else the test cloud that
 * scripts/test-cloud.sh runs on 127.0.0.1 (admin / secret, project admin). Read when called, never at load.
 */
import type { ScopedCloud } from "../../provider/openstack/client/config";
export type BenchCloud = ScopedCloud;

export function benchCloud(env: NodeJS.ProcessEnv = process.env): BenchCloud {
  return {
    authUrl: env.OS_AUTH_URL ?? "http://127.0.0.1:5000/v3",
    username: env.OS_USERNAME ?? "admin",
    password: env.OS_PASSWORD ?? env.OS_TEST_ADMIN_PASSWORD ?? "secret",
    projectName: env.OS_PROJECT_NAME ?? "admin",
    userDomainName: env.OS_USER_DOMAIN_NAME ?? "Default",
    projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? "Default",
    regionName: env.OS_REGION_NAME ?? "RegionOne",
  };
}

/** The same credentials as OS_* variables, for the `openstack` CLI and openstacksdk (system PATH, no pyenv). */
export function osEnv(cloud: BenchCloud): NodeJS.ProcessEnv {
  return { PATH: "/usr/bin:/bin:/usr/sbin:/sbin", HOME: process.env.HOME ?? "/root", LANG: "C.UTF-8", ...osVars(cloud) };
}

/** Credentials as the OS_* variables the `openstack` CLI, openstacksdk and OpenTofu's provider read (tests/support/cloud.ts too). */
export function osVars(cloud: BenchCloud): NodeJS.ProcessEnv {
  return {
    OS_AUTH_URL: cloud.authUrl,
    OS_IDENTITY_API_VERSION: "3",
    OS_USERNAME: cloud.username,
    OS_PASSWORD: cloud.password,
    OS_PROJECT_NAME: cloud.projectName,
    OS_USER_DOMAIN_NAME: cloud.userDomainName,
    OS_PROJECT_DOMAIN_NAME: cloud.projectDomainName,
    OS_REGION_NAME: cloud.regionName,
    OS_INTERFACE: "public",
  };
}
