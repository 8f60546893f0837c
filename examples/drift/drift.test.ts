/**
 * The README's walk-through, run for real: the stack through the real Pulumi CLI (tests/support/pulumiCli.ts)
 * against the real test cloud, changes made by hand with the real `openstack` CLI, then
 * `pulumi preview --refresh --diff` must name exactly the fields that were changed (and `--expect-no-changes`
 * must fail), `pulumi up --refresh` must put them back, and an object deleted by hand must read as gone and be
 * created again. Also: in-place update and replace from config changes, and destroy.
 */
import { execFileSync } from "child_process";
import { CliStack } from "../../tests/support/pulumiCli";
import { adminCloud, cliEnv } from "../../tests/support/cloud";

jest.setTimeout(300_000);

const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const cli = (...args: string[]): any => {
  const out = execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8" });
  return out.trim() ? JSON.parse(out) : null;
};
const cliQuiet = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore" });

const PREFIX = `drift-${process.pid}`;
const REPLACED = { cidr: "192.168.60.0/24", gateway: "192.168.60.1", poolStart: "192.168.60.10", poolEnd: "192.168.60.100" };
let stack: CliStack;
let ids: Record<string, any>;

function cleanup() {
  const groups = cli("security", "group", "list", "--project", cloud.projectName).filter((g: any) => g.Name === `${PREFIX}-sg`);
  for (const g of groups) cliQuiet("security", "group", "delete", g.ID);
  for (const n of cli("network", "list").filter((n: any) => n.Name.startsWith(PREFIX))) cliQuiet("network", "delete", n.ID);
}

beforeAll(() => {
  stack = new CliStack({ programDir: __dirname, config: { prefix: PREFIX }, secretConfig: { cloud: JSON.stringify(cloud) } });
});
afterAll(async () => {
  try {
    await stack.run("destroy");
  } finally {
    cleanup();
    stack.dispose();
  }
});

test("pulumi up creates the four resources; pulumi up --expect-no-changes then passes", async () => {
  const first = await stack.run("up");
  expect(first.error).toBeNull();
  expect(first.summary).toEqual({ create: 5 }); // the stack itself + 4
  ids = first.outputs;
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-net`);
  expect(cli("subnet", "show", ids.subnetId).allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.100" }]);
  const second = await stack.run("up", { expectNoChanges: true });
  expect(second.error).toBeNull();
  expect(second.summary).toEqual({ same: 5 });
});

test("pulumi preview --refresh --expect-no-changes passes when nothing was changed by hand", async () => {
  const r = await stack.run("preview", { refresh: true, diff: true, expectNoChanges: true });
  expect(r.error).toBeNull();
  expect(r.ops()).toEqual({ network: "same", subnet: "same", group: "same", rules: "same" });
});

test("changes made by hand: preview --refresh --diff names exactly those fields, --expect-no-changes fails", async () => {
  cliQuiet("network", "set", "--name", `${PREFIX}-renamed`, ids.networkId);
  cliQuiet("subnet", "set", "--no-allocation-pool", "--allocation-pool", "start=192.168.50.20,end=192.168.50.90", ids.subnetId);
  const rules = cli("security", "group", "rule", "list", ids.securityGroupId);
  const icmp = rules.find((x: any) => x["IP Protocol"] === "icmp");
  cliQuiet("security", "group", "rule", "delete", icmp.ID);
  cliQuiet("security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "8080", ids.securityGroupId);

  const r = await stack.run("preview", { refresh: true, diff: true });
  expect(r.error).toBeNull();
  expect(r.ops()).toEqual({ network: "update", subnet: "update", group: "same", rules: "update" });
  expect(r.inputChanges()).toEqual({ network: ["name"], subnet: ["allocationPools"], rules: ["rules"] });
  // what the user reads in the --diff output
  expect(r.stdout).toMatch(new RegExp(`~ name\\s*: "${PREFIX}-renamed" => "${PREFIX}-net"`));
  expect(r.stdout).toMatch(/~ allocationPools\s*:/);

  const strict = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(strict.ok).toBe(false);
  expect(strict.error).toMatch(/no changes were expected for preview but changes were proposed/);
  // preview changes nothing in the cloud
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-renamed`);
});

test("pulumi up --refresh puts everything back, and the next preview --refresh is clean", async () => {
  const r = await stack.run("up", { refresh: true });
  expect(r.error).toBeNull();
  expect(r.ops()).toEqual({ network: "update", subnet: "update", group: "same", rules: "update" });
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-net`);
  expect(cli("subnet", "show", ids.subnetId).allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.100" }]);
  const live = cli("security", "group", "rule", "list", ids.securityGroupId, "--ingress")
    .map((x: any) => `${x["IP Protocol"]} ${x["Port Range"]}`)
    .sort();
  expect(live).toEqual(["icmp ", "tcp 22:22"]);
  const again = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(again.error).toBeNull();
});

test("an in-place change from config updates, a cidr change replaces the subnet (new one first, old one deleted)", async () => {
  const pool = await stack.run("up", {}, { config: { poolEnd: "192.168.50.150" } });
  expect(pool.error).toBeNull();
  expect(pool.ops()).toMatchObject({ subnet: "update", network: "same" });
  expect(cli("subnet", "show", ids.subnetId).allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.150" }]);

  const replaced = await stack.run("up", {}, { config: REPLACED });
  expect(replaced.error).toBeNull();
  const subnetSteps = replaced.steps().filter((s) => s.name === "subnet").map((s) => s.op);
  // the engine's create-before-delete: the new subnet first, the old one deleted at the end
  expect(subnetSteps.indexOf("create-replacement")).toBeGreaterThanOrEqual(0);
  expect(subnetSteps.indexOf("delete-replaced")).toBeGreaterThan(subnetSteps.indexOf("create-replacement"));
  const newSubnet = replaced.outputs.subnetId;
  expect(newSubnet).not.toBe(ids.subnetId);
  expect(cli("subnet", "show", newSubnet).cidr).toBe("192.168.60.0/24");
  expect(cli("subnet", "list", "--network", ids.networkId).map((s: any) => s.ID)).toEqual([newSubnet]);
  ids.subnetId = newSubnet;
});

test("an object deleted by hand reads as gone and is created again", async () => {
  cliQuiet("security", "group", "delete", ids.securityGroupId);
  const preview = await stack.run("preview", { refresh: true });
  expect(preview.error).toBeNull();
  expect(preview.ops()).toMatchObject({ group: "create", rules: "create", network: "same", subnet: "same" });
  const up = await stack.run("up", { refresh: true });
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({ group: "create", rules: "create", network: "same", subnet: "same" });
  const group = up.outputs.securityGroupId;
  expect(cli("security", "group", "show", group).name).toBe(`${PREFIX}-sg`);
});

test("pulumi destroy removes everything the stack made", async () => {
  const r = await stack.run("destroy");
  expect(r.error).toBeNull();
  expect(r.summary).toEqual({ delete: 5 });
  expect(cli("network", "list").filter((n: any) => n.Name.startsWith(PREFIX))).toEqual([]);
  expect(cli("security", "group", "list").filter((g: any) => g.Name.startsWith(PREFIX))).toEqual([]);
});
