/**
 * Credentials of the test cloud that scripts/test-cloud.sh starts on 127.0.0.1 (see that script for the
 * users it creates). Tests use these, in the same `cloud` shape the OpenStack resources take.
 */

import type { CloudConfig, ScopedCloud } from "../../provider/openstack/client/config";
import { osVars } from "../../bench/lib/cloud";

export type TestCloud = ScopedCloud & Pick<CloudConfig, "interface">;

export function adminCloud(): TestCloud {
  return {
    authUrl: "http://127.0.0.1:5000/v3",
    username: "admin",
    password: process.env.OS_TEST_ADMIN_PASSWORD ?? "secret",
    projectName: "admin",
    userDomainName: "Default",
    projectDomainName: "Default",
    regionName: "RegionOne",
  };
}

/** A non-admin user in its own project (`demo`), as Packstack's demo provisioning would make. */
export function demoCloud(): TestCloud {
  return { ...adminCloud(), username: "demo", password: process.env.OS_TEST_DEMO_PASSWORD ?? "demo-secret", projectName: "demo" };
}

/** Environment for running the real `openstack` CLI against the test cloud (the OS_* variables: bench/lib/cloud.ts). */
export function cliEnv(cloud: TestCloud = adminCloud()): NodeJS.ProcessEnv {
  return { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: process.env.HOME ?? "/root", ...osVars(cloud) };
}
