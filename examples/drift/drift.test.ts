/**
 * The README's walk-through, run for real: the stack "pulumi up"-ed through the real dynamic-provider plugin
 * (tests/harness/miniUp.ts) against the real test cloud, changes made by hand with the real `openstack` CLI, then
 * `preview --refresh` must report exactly the fields that were changed, `up` must put them back, and an object
 * deleted by hand must read as gone and be created again. Also: in-place update and replace from config changes.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { changedFields } from "../../provider/core/controller";
import { miniUp, StackRunOptions } from "../../tests/harness/miniUp";
import { stripSecrets } from "../../tests/harness/wire";
import { adminCloud, cliEnv } from "../../tests/support/cloud";

const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const cli = (...args: string[]): any => {
  const out = execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8" });
  return out.trim() ? JSON.parse(out) : null;
};
const cliQuiet = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore" });

const PREFIX = `drift-${process.pid}`;
const CONTROLLERS: Record<string, string> = {
  Network: "network",
  Subnet: "subnet",
  SecurityGroup: "securitygroup",
  SecurityGroupRuleSet: "securitygroupruleset",
};

let stateDir: string;
const stateFile = () => path.join(stateDir, "state.json");
const run = (operation: StackRunOptions["operation"], opts: { refresh?: boolean; config?: Record<string, string> } = {}) => {
  const r = miniUp({
    programDir: __dirname,
    stateFile: stateFile(),
    operation,
    refresh: opts.refresh,
    config: { cloud: JSON.stringify(cloud), prefix: PREFIX, ...opts.config },
    secretConfig: ["cloud"],
  });
  expect(r.errors).toEqual([]);
  return r;
};

/** Per resource name: the ops of the run's non-refresh steps. */
const opsByName = (r: ReturnType<typeof run>) =>
  Object.fromEntries(r.steps.filter((s) => !s.op.startsWith("refresh")).map((s) => [s.urn.split("::").pop(), s.op]));

/**
 * What `preview --refresh` reports per resource: the fields whose refreshed (live) value differs from the program's
 * inputs, judged by the resource's own diff rules (the same code the plugin runs).
 */
function driftedFields(r: ReturnType<typeof run>): Record<string, string[]> {
  const state = JSON.parse(fs.readFileSync(stateFile(), "utf8")); // preview does not save: the inputs as of the last up
  const out: Record<string, string[]> = {};
  for (const res of r.resources) {
    const type = res.type.split(":").pop()!;
    const { controller } = require(`../../provider/openstack/${CONTROLLERS[type]}/controller`);
    const inputs = stripSecrets(state.resources.find((s: any) => s.urn === res.urn).inputs);
    delete inputs.__provider;
    out[res.name] = changedFields(controller, stripSecrets(res.outputs), inputs);
  }
  return out;
}

function cleanup() {
  const groups = cli("security", "group", "list", "--project", cloud.projectName).filter((g: any) => g.Name === `${PREFIX}-sg`);
  for (const g of groups) cliQuiet("security", "group", "delete", g.ID);
  for (const n of cli("network", "list").filter((n: any) => n.Name.startsWith(PREFIX) || n.Name === `${PREFIX}-renamed`)) {
    cliQuiet("network", "delete", n.ID);
  }
}

beforeAll(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-drift-"));
});
afterAll(() => {
  try {
    if (fs.existsSync(stateFile())) miniUp({ programDir: __dirname, stateFile: stateFile(), operation: "destroy", config: { cloud: JSON.stringify(cloud), prefix: PREFIX }, secretConfig: ["cloud"] });
  } finally {
    cleanup();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

let ids: Record<string, any>;

test("up creates the four resources; a second up changes nothing", () => {
  const first = run("up");
  expect(first.summary).toEqual({ create: 4 });
  ids = stripSecrets(first.outputs);
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-net`);
  const second = run("up");
  expect(second.summary).toEqual({ same: 4 });
});

test("preview --refresh with nothing changed by hand reports nothing", () => {
  const r = run("preview", { refresh: true });
  expect(Object.values(opsByName(r))).toEqual(["same", "same", "same", "same"]);
  expect(driftedFields(r)).toEqual({ network: [], subnet: [], group: [], rules: [] });
});

test("changes made by hand with the openstack CLI show as exactly those fields", () => {
  cliQuiet("network", "set", "--name", `${PREFIX}-renamed`, ids.networkId);
  cliQuiet("subnet", "set", "--no-allocation-pool", "--allocation-pool", "start=192.168.50.20,end=192.168.50.90", ids.subnetId);
  const rules = cli("security", "group", "rule", "list", ids.securityGroupId);
  const icmp = rules.find((x: any) => x["IP Protocol"] === "icmp");
  cliQuiet("security", "group", "rule", "delete", icmp.ID);
  cliQuiet("security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "8080", ids.securityGroupId);

  const r = run("preview", { refresh: true });
  expect(driftedFields(r)).toEqual({ network: ["name"], subnet: ["allocationPools"], group: [], rules: ["rules"] });
  expect(opsByName(r)).toEqual({ network: "update", subnet: "update", group: "same", rules: "update" });
  // preview changes nothing in the cloud
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-renamed`);
});

test("up puts everything back, and the next preview --refresh is clean", () => {
  const r = run("up", { refresh: true });
  expect(opsByName(r)).toEqual({ network: "update", subnet: "update", group: "same", rules: "update" });
  expect(cli("network", "show", ids.networkId).name).toBe(`${PREFIX}-net`);
  expect(cli("subnet", "show", ids.subnetId).allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.100" }]);
  const live = cli("security", "group", "rule", "list", ids.securityGroupId, "--ingress")
    .map((x: any) => `${x["IP Protocol"]} ${x["Port Range"]}`)
    .sort();
  expect(live).toEqual(["icmp ", "tcp 22:22"]);
  const again = run("preview", { refresh: true });
  expect(driftedFields(again)).toEqual({ network: [], subnet: [], group: [], rules: [] });
});

test("an in-place change from config updates, a cidr change replaces", () => {
  const pool = run("up", { config: { poolEnd: "192.168.50.150" } });
  expect(opsByName(pool)).toMatchObject({ subnet: "update", network: "same" });
  expect(cli("subnet", "show", ids.subnetId).allocation_pools).toEqual([{ start: "192.168.50.10", end: "192.168.50.150" }]);

  const cfg = { cidr: "192.168.60.0/24", gateway: "192.168.60.1", poolStart: "192.168.60.10", poolEnd: "192.168.60.100" };
  const replaced = run("up", { config: cfg });
  expect(opsByName(replaced)).toMatchObject({ subnet: "replace", network: "same" });
  const newSubnet = stripSecrets(replaced.outputs).subnetId;
  expect(newSubnet).not.toBe(ids.subnetId);
  expect(cli("subnet", "show", newSubnet).cidr).toBe("192.168.60.0/24");
  expect(cli("subnet", "list", "--network", ids.networkId).map((s: any) => s.ID)).toEqual([newSubnet]);
  ids.subnetId = newSubnet;
});

test("an object deleted by hand reads as gone and is created again", () => {
  cliQuiet("security", "group", "delete", ids.securityGroupId);
  const preview = run("preview", { refresh: true });
  expect(preview.steps.filter((s) => s.op === "refresh-deleted").map((s) => s.urn.split("::").pop()).sort()).toEqual(["group", "rules"]);
  const up = run("up", { refresh: true, config: { cidr: "192.168.60.0/24", gateway: "192.168.60.1", poolStart: "192.168.60.10", poolEnd: "192.168.60.100" } });
  expect(opsByName(up)).toMatchObject({ group: "create", rules: "create", network: "same", subnet: "same" });
  const group = stripSecrets(up.outputs).securityGroupId;
  expect(cli("security", "group", "show", group).name).toBe(`${PREFIX}-sg`);
});

test("destroy removes everything the stack made", () => {
  const r = miniUp({ programDir: __dirname, stateFile: stateFile(), operation: "destroy", config: { cloud: JSON.stringify(cloud), prefix: PREFIX }, secretConfig: ["cloud"] });
  expect(r.errors).toEqual([]);
  expect(r.summary).toEqual({ delete: 4 });
  expect(cli("network", "list").filter((n: any) => n.Name.startsWith(PREFIX))).toEqual([]);
  expect(cli("security", "group", "list").filter((g: any) => g.Name.startsWith(PREFIX))).toEqual([]);
});
