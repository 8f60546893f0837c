/**
 * Doc test: README.md's walk-through, its bash lines run as written (tests/docs/readme.ts) with the real Pulumi
 * CLI, the Node.js language host stand-in (tests/support/language-host) and the real test cloud, which listens where
 * the lab's forwards do (127.0.0.1:5000 and :9696). The README's `openstack` commands (made "on the VM" in the
 * README) run with the test cloud's admin credentials in the environment, as after `source keystonerc_admin`.
 * Each step must report what the README says it reports: the fields changed by hand and nothing else, the
 * objects put back, an object deleted by hand created again, a cidr change replacing the subnet (new first, old
 * deleted), destroy removing everything; and nothing left in the repository.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { adminCloud, cliEnv } from "../../tests/support/cloud";
import { describeReadme } from "../../tests/docs/readme";

jest.setTimeout(600_000);

const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const cli = (...args: string[]): any => {
  const out = execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8" });
  return out.trim() ? JSON.parse(out) : null;
};
const cliQuiet = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore" });

const README = path.join(__dirname, "README.md");

function cleanup() {
  for (const g of cli("security", "group", "list", "--project", cloud.projectName).filter((g: any) => g.Name === "drift-demo-sg")) cliQuiet("security", "group", "delete", g.ID);
  for (const n of cli("network", "list").filter((n: any) => n.Name.startsWith("drift-demo") || n.Name === "renamed-by-hand")) cliQuiet("network", "delete", n.ID);
}

/**
 * The lines of the CLI's plain (non-terminal) progress for a resource, its type left out:
 * `~ pulumi-nodejs:dynamic/openstack:Network network update [diff: ~name]` -> `~ network update [diff: ~name]`.
 */
function step(output: string, resource: string): string {
  const lines = output.split("\n").filter((l) => new RegExp(`\\s${resource}(\\s|$)`).test(l) && !/pulumi:pulumi:Stack/.test(l));
  return lines.map((l) => l.trim().replace(/\s+/g, " ").replace(/ pulumi-nodejs:dynamic\/\S+/, "")).join("\n");
}

const seen: Record<string, any> = {};

const suite = describeReadme({
  readme: README,
  before: cleanup,
  // the OS_* variables the README's `openstack` lines use (as after `source keystonerc_admin`); PATH and HOME stay the runner's
  env: () => {
    const { PATH: _path, HOME: _home, ...osVars } = cliEnv(cloud);
    return { ...(osVars as Record<string, string>), OS_PASSWORD: cloud.password };
  },
  pauses: {
    "pulumi up --refresh": () => {
      seen.network = cli("network", "show", "drift-demo-net");
      seen.subnet = cli("subnet", "show", "drift-demo-subnet");
      seen.rules = cli("security", "group", "rule", "list", "drift-demo-sg", "--ingress").map((x: any) => `${x["IP Protocol"]} ${x["Port Range"]}`).sort();
    },
  },
  after: cleanup,
});

test("0. pulumi up creates the four resources; the second changes nothing", () => {
  expect(suite.run.output("pulumi up", 0)).toMatch(/5 created/);
  expect(suite.run.output("pulumi up", 1)).toMatch(/5 unchanged/);
  expect(suite.run.output("pulumi up", 1)).not.toMatch(/created|updated|deleted/);
});

test("2. pulumi preview --refresh names exactly the fields changed by hand", () => {
  const out = suite.run.output("pulumi preview --refresh", 0);
  expect(step(out, "network")).toMatch(/~ network update \[diff: ~name\]/);
  expect(step(out, "subnet")).toMatch(/~ subnet update \[diff: ~allocationPools\]/);
  expect(step(out, "rules")).toMatch(/~ rules update \[diff: ~rules\]/);
  expect(step(out, "group")).not.toMatch(/update|create|delete/);
  expect(out).toMatch(/3 to update/);
});

test("3. pulumi up --refresh puts everything back; the next preview --refresh is clean", () => {
  expect(suite.run.output("pulumi up --refresh", 0)).toMatch(/3 updated/);
  expect(seen.network.name).toBe("drift-demo-net");
  expect(seen.subnet.allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.100" }]);
  expect(seen.rules).toEqual(["icmp ", "tcp 22:22"]);
  const again = suite.run.output("pulumi preview --refresh", 1);
  expect(again).toMatch(/5 unchanged/);
  expect(again).not.toMatch(/to (create|update|delete|replace)/);
});

test("4. a group deleted by hand reads as gone and is created again, with its rules", () => {
  const preview = suite.run.output("pulumi preview --refresh", 2);
  expect(step(preview, "group")).toMatch(/\+ group create/);
  expect(step(preview, "rules")).toMatch(/\+ rules create/);
  expect(step(preview, "network")).not.toMatch(/update|create|delete/);
  expect(suite.run.output("pulumi up --refresh", 1)).toMatch(/2 created/);
});

test("5. a cidr change replaces the subnet: the new one first, the old one deleted", () => {
  const out = suite.run.output("pulumi up", 2);
  expect(out).toMatch(/1 replaced/);
  const lines = out.split("\n").filter((l) => /\bsubnet\b/.test(l)).join("\n");
  expect(lines.indexOf("creating replacement")).toBeGreaterThanOrEqual(0);
  expect(lines.indexOf("deleting original")).toBeGreaterThan(lines.indexOf("creating replacement"));
});

test("6. pulumi destroy removes everything", () => {
  expect(suite.run.output("pulumi destroy")).toMatch(/5 deleted/);
  expect(cli("network", "list").filter((n: any) => n.Name.startsWith("drift-demo"))).toEqual([]);
  expect(cli("security", "group", "list").filter((g: any) => g.Name === "drift-demo-sg")).toEqual([]);
});
