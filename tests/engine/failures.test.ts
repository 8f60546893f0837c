/**
 * Failure as the engine does it, through the real Pulumi CLI (tests/support/pulumiCli) against the real test cloud
 * (program: fixtures/failures-stack):
 * - a resource that fails mid-stack (Neutron refuses a subnet whose cidr overlaps its sibling's) stops the run,
 *   nothing is deleted, and every object that exists is in the stack; the rerun after the fix completes;
 * - replacing the network two subnets sit on completes (new network and subnets first, old ones deleted last);
 * - `pulumi up` stopped with SIGINT (Ctrl-C) and killed with SIGKILL in the middle of a create: after what the
 *   CLI asks for (README: "An interrupted pulumi up"), the next `pulumi up` ends with every object exactly once.
 */
import { execFileSync } from "child_process";
import { randomUUID } from "crypto";
import { adminCloud, cliEnv } from "../support/cloud";
import { alive } from "../support/cli/procs";
import { FaultProxy, startFaultProxy } from "../support/faultProxy";
import { CliStack } from "../support/pulumiCli";
import { Witness } from "../support/witness";

jest.setTimeout(10 * 60_000);

const PREFIX = `fail-${randomUUID().slice(0, 8)}`;
const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const openstack = (...args: string[]): any => JSON.parse(execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8" }) || "null");
const quiet = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore" });
const GOOD = { cidrB: "10.232.1.0/24", segmentationId: "41001" };

const witness = new Witness(cloud);
let stack: CliStack;
let neutron: FaultProxy;

/** What the cloud holds of this stack, by name (ids sorted), counted by the witness (plain HTTP, not our code). */
async function inventory() {
  const [networks, a, b, groups] = await Promise.all([
    witness.idsNamed("networks", `${PREFIX}-net`),
    witness.idsNamed("subnets", `${PREFIX}-a`),
    witness.idsNamed("subnets", `${PREFIX}-b`),
    witness.idsNamed("security_groups", `${PREFIX}-sg`),
  ]);
  return { networks, a, b, groups };
}

/** The ids the stack's state holds per resource name. */
function stateIds(): Record<string, string> {
  const resources = stack.checkpoint().checkpoint.latest?.resources ?? [];
  return Object.fromEntries(resources.filter((r: any) => r.type.startsWith("pulumi-nodejs:dynamic")).map((r: any) => [r.urn.split("::").pop(), r.id]));
}

/** Every object exactly once, and the stack's state holding exactly those. */
async function expectExactlyOnce() {
  const live = await inventory();
  for (const k of ["networks", "a", "b", "groups"] as const) expect(live[k]).toHaveLength(1);
  expect(stateIds()).toEqual({ net: live.networks[0], "subnet-a": live.a[0], "subnet-b": live.b[0], group: live.groups[0] });
}

/** Waits (bounded) until the processes are gone; kills what is left then. */
async function gone(pids: number[], ms: number) {
  const left = () => pids.filter(alive);
  for (const until = Date.now() + ms; left().length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 200));
  for (const p of left()) process.kill(p, "SIGKILL");
}

beforeAll(async () => {
  // Neutron behind a proxy (it only forwards, until the SIGKILL test holds an answer)
  neutron = await startFaultProxy("http://127.0.0.1:9696");
  const proxied = { ...cloud, endpointOverrides: { network: neutron.url } };
  stack = new CliStack({ programDir: `${__dirname}/fixtures/failures-stack`, config: { prefix: PREFIX, ...GOOD }, secretConfig: { cloud: JSON.stringify(proxied) } });
});
afterAll(async () => {
  try {
    await stack.run("destroy");
  } finally {
    stack.dispose();
    const left = await inventory();
    for (const g of left.groups) quiet("security", "group", "delete", g);
    for (const n of left.networks) quiet("network", "delete", n);
    await neutron?.close();
  }
});

test("a subnet Neutron refuses (its cidr overlaps its sibling's) stops the run: nothing deleted, nothing outside the stack; the rerun after the fix completes", async () => {
  const failed = await stack.run("up", {}, { config: { cidrB: "10.232.0.128/25" } });
  expect(failed.ok).toBe(false);
  expect(failed.error).toMatch(/openstack\.Subnet create/);
  expect(failed.error).toMatch(/overlap/i);
  expect(failed.error).not.toContain(JSON.stringify(cloud.password));
  expect(failed.steps().filter((s) => s.op.startsWith("delete"))).toEqual([]);
  // what was made is exactly what the state holds (no orphan), and subnet b was not made
  const live = await inventory();
  const inState = stateIds();
  expect(live.b).toEqual([]);
  expect(inState["subnet-b"]).toBeUndefined();
  expect(live.networks).toEqual([inState.net]);
  expect(live.a).toEqual(inState["subnet-a"] ? [inState["subnet-a"]] : []);
  expect(live.groups).toEqual(inState.group ? [inState.group] : []);

  const fixed = await stack.run("up", {}, { config: GOOD });
  expect(fixed.error).toBeNull();
  await expectExactlyOnce();
});

test("replacing the network the subnets sit on completes: new network and subnets first, the old ones deleted last", async () => {
  const before = stateIds();
  const r = await stack.run("up", {}, { config: { segmentationId: "41002" } });
  expect(r.error).toBeNull();
  const ops = r.steps().map((s) => `${s.name} ${s.op}`);
  const at = (x: string) => ops.indexOf(x);
  expect(at("net create-replacement")).toBeGreaterThanOrEqual(0);
  expect(at("subnet-a create-replacement")).toBeGreaterThan(at("net create-replacement"));
  expect(at("subnet-a delete-replaced")).toBeGreaterThan(at("subnet-a create-replacement"));
  expect(at("net delete-replaced")).toBeGreaterThan(Math.max(at("subnet-a delete-replaced"), at("subnet-b delete-replaced")));
  expect(ops).toContain("group same");
  const after = stateIds();
  expect(after.net).not.toBe(before.net);
  expect(openstack("network", "show", after.net)["provider:segmentation_id"]).toBe(41002);
  expect(openstack("subnet", "list", "--network", after.net).map((s: any) => s.ID).sort()).toEqual([after["subnet-a"], after["subnet-b"]].sort());
  await expectExactlyOnce();
});

describe("an interrupted pulumi up", () => {
  beforeEach(async () => {
    const d = await stack.run("destroy");
    expect(d.error).toBeNull();
    expect(await inventory()).toEqual({ networks: [], a: [], b: [], groups: [] });
  });

  test("SIGINT (Ctrl-C) in the middle of a create: the CLI lets it finish, the next pulumi up completes with each object once", async () => {
    const r = await stack.run("up", {}, { config: GOOD, interrupt: { whenOutputMatches: "Subnet subnet-a creating" } });
    expect(r.raw.interrupted).toBe("SIGINT");
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/cancel/i);
    const next = await stack.run("up");
    expect(next.error).toBeNull();
    await expectExactlyOnce();
  });

  test("SIGKILL while a create is in flight: after `pulumi cancel` and `pulumi refresh --clear-pending-creates`, the next pulumi up uses what the killed run made: each object once", async () => {
    // Neutron makes subnet a, but its answer is held until the CLI has been killed: the stack never hears of it
    const isSubnetCreate = (x: { method: string; path: string }) => x.method === "POST" && x.path === "/v2.0/subnets";
    neutron.holdAnswerOf(isSubnetCreate);
    const from = neutron.seen.length;
    // kill -9 once Neutron has done the subnet's create (its answer is still held)
    const r = await stack.run("up", {}, { config: GOOD, killWhen: () => neutron.seen.slice(from).some(isSubnetCreate) });
    expect(r.raw.interrupted).toBe("SIGKILL");
    expect(r.ok).toBe(false);
    // the killed CLI's plugin lives on and hears the answer once it comes (as on a user's PC)
    neutron.resume();
    await gone(r.raw.orphans, 15_000);
    const made = await inventory();
    const known = Object.values(stateIds());
    // a subnet the create made in Neutron that the stack does not know: what a second create would duplicate
    expect([...made.a, ...made.b].filter((id) => !known.includes(id)).length).toBeGreaterThanOrEqual(1);
    // what the user types (README): the CLI says the stack is locked; cancel; clear the pending creates; up
    const locked = await stack.run("up");
    expect(locked.error).toMatch(/locked/);
    expect((await stack.run("cancel")).error).toBeNull();
    const cleared = await stack.run("refresh", { clearPendingCreates: true });
    expect(cleared.error).toBeNull();
    const next = await stack.run("up");
    expect(next.error).toBeNull();
    await expectExactlyOnce();
  });
});
