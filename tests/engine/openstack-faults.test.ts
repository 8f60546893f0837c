/**
 * A small Neutron stack (fixtures/faults-stack: network, subnet, a SecurityGroupRuleSet of 10 rules, 10
 * SecurityGroupRule resources in one group) through the real Pulumi CLI (tests/support/pulumiCli), `pulumi up`
 * while tests/support/faultProxy.ts breaks the cloud in front of the real Neutron and Keystone:
 * 503s, connection resets, Keystone refusing connections while the token is revoked, and the real Neutron and
 * Keystone processes restarted mid-run. Every up must still complete, the real `openstack` CLI must then see each
 * object exactly once and exactly the rules asked for, and the rerun (`up --refresh --expect-no-changes`) converges.
 * Last, many rules created at once in one group (in one provider process) neither duplicate nor lose a rule.
 *
 * The CLI runs in a child process started asynchronously: the proxies live in this process and must keep answering
 * (and be steered mid-run) while the CLI works.
 */
import { execFile, execFileSync } from "child_process";
import { randomUUID } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { clientFor } from "../../provider/openstack/client";
import { CliRun, CliStack } from "../support/pulumiCli";
import type { CliFlags } from "../support/cli/types";
import { adminCloud, cliEnv } from "../support/cloud";
import { FaultProxy, startFaultProxy } from "../support/faultProxy";
import { Witness } from "../support/witness";

jest.setTimeout(10 * 60_000);

const PROGRAM = path.join(__dirname, "fixtures", "faults-stack");
const RUN = `faults-${randomUUID().slice(0, 8)}`;
const cli = { ...cliEnv(adminCloud()), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const openstack = (...args: string[]): any => JSON.parse(execFileSync("openstack", [...args, "-f", "json"], { env: cli, encoding: "utf8" }) || "null");
const openstackQuiet = (...args: string[]) => execFileSync("openstack", args, { env: cli, stdio: "ignore" });

const witness = new Witness();
let neutron: FaultProxy;
let keystone: FaultProxy;
let stateDir: string;

beforeAll(async () => {
  neutron = await startFaultProxy("http://127.0.0.1:9696");
  keystone = await startFaultProxy("http://127.0.0.1:5000");
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "openstack-faults-"));
});

afterAll(async () => {
  await neutron?.close();
  await keystone?.close();
  await sweep(RUN);
  for (const st of stacks.values()) st.dispose();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

/** The cloud as the stack sees it: Keystone and Neutron both behind the fault proxies. */
function proxiedCloud() {
  return { ...adminCloud(), authUrl: `${keystone.url}/v3`, endpointOverrides: { network: neutron.url } };
}

const stacks = new Map<string, CliStack>();
/**
 * One `pulumi <operation>` of the stack `prefix` through the real CLI (one stack per prefix, one backend). `cloud`
 * (fixed by the stack's first run) is how the stack reaches the cloud: both services behind the proxies by default.
 */
function stack(prefix: string, operation: "up" | "destroy", opts: { cloud?: object; onOutput?: (text: string) => void; flags?: CliFlags } = {}): Promise<CliRun> {
  if (!stacks.has(prefix)) {
    const cloud = JSON.stringify(opts.cloud ?? proxiedCloud());
    stacks.set(prefix, new CliStack({ programDir: PROGRAM, stack: prefix, stateDir, config: { prefix }, secretConfig: { cloud } }));
  }
  return stacks.get(prefix)!.run(operation, opts.flags ?? {}, { onOutput: opts.onOutput });
}

/**
 * Resolves once `proxy` has seen, from request number `from` on, a request matching `pred`; or once `run` has
 * ended (then the fault comes too late, and the test's checks say so).
 */
async function whenSeen(proxy: FaultProxy, from: number, run: Promise<unknown>, pred: (r: FaultProxy["seen"][number]) => boolean): Promise<void> {
  let ended = false;
  void run.finally(() => (ended = true)).catch(() => undefined);
  while (!ended && !proxy.seen.slice(from).some(pred)) await new Promise((r) => setTimeout(r, 10));
}

/** No fault left queued from an earlier test. */
function healthy(...proxies: FaultProxy[]) {
  for (const p of proxies) {
    p.failNext(0);
    p.resetNext(0);
    p.resume();
  }
}

const tcpPort = (r: any) => Number(String(r["Port Range"]).split(":")[0]);

/** What the cloud holds for a stack `prefix`, counted by the witness (plain HTTP to Neutron, not our code). */
async function inventory(prefix: string) {
  const [networks, subnets, setGroups, rulesGroups] = await Promise.all([
    witness.idsNamed("networks", `${prefix}-net`),
    witness.idsNamed("subnets", `${prefix}-subnet`),
    witness.idsNamed("security_groups", `${prefix}-set`),
    witness.idsNamed("security_groups", `${prefix}-rules`),
  ]);
  const rules = async (groups: string[]) => (await Promise.all(groups.map((g) => witness.ingressRules(g)))).flat().sort();
  return { networks, subnets, setGroups, rulesGroups, setRules: await rules(setGroups), rules: await rules(rulesGroups) };
}

const expectedRules = (ports: number[], remote: string) => ports.map((p) => `tcp ${p} ${remote}`).sort();

/** After an up that must have completed: each object once, the exact rules, and the ids the stack reports. */
async function expectExactlyTheStack(prefix: string, up: CliRun) {
  expect(up.error).toBeNull();
  const out = up.outputs;
  const live = await inventory(prefix);
  expect(live).toEqual({
    networks: [out.networkId],
    subnets: [out.subnetId],
    setGroups: [out.setGroupId],
    rulesGroups: [out.rulesGroupId],
    setRules: expectedRules(out.ruleSetPorts, "10.0.0.0/8"),
    rules: expectedRules(out.rulePorts, "192.168.0.0/16"),
  });
  expect(new Set(out.ruleIds).size).toBe(10);
  expect(new Set(out.ruleSetRuleIds).size).toBe(10);
}

/**
 * After a faulty up, the rerun converges: `pulumi up --refresh --expect-no-changes` (with the cloud behaving) finds
 * the state and the cloud agreeing and changes nothing, and the cloud still holds each object once.
 */
async function expectConverged(prefix: string) {
  healthy(neutron, keystone);
  const rerun = await stack(prefix, "up", { flags: { refresh: true, expectNoChanges: true } });
  await expectExactlyTheStack(prefix, rerun);
}

/** pulumi destroy (with the proxies behaving), then nothing of the stack is left. */
async function destroyAndCheck(prefix: string) {
  const destroy = await stack(prefix, "destroy");
  expect(destroy.error).toBeNull();
  expect(await inventory(prefix)).toEqual({ networks: [], subnets: [], setGroups: [], rulesGroups: [], setRules: [], rules: [] });
}

/** Deletes whatever this file's stacks left behind (names start with `runPrefix`); tries everything, then reports. */
async function sweep(runPrefix: string) {
  const failed: string[] = [];
  for (const [kind, cli] of [["networks", ["network"]], ["security_groups", ["security", "group"]]] as const) {
    for (const r of await witness.named(kind, runPrefix)) {
      try {
        openstackQuiet(...cli, "delete", r.id);
      } catch (e) {
        failed.push(`${cli.join(" ")} ${r.name} (${r.id}): ${(e as Error).message}`);
      }
    }
  }
  if (failed.length) throw new Error(`sweep left objects behind:\n${failed.join("\n")}`);
}

describe("a stack through the real Pulumi CLI, Neutron and Keystone behind a fault proxy", () => {
  beforeEach(() => healthy(neutron, keystone));
  afterEach(() => healthy(neutron, keystone));

  test("Neutron answers 503 to the first requests, then recovers: pulumi up completes, nothing duplicated", async () => {
    const prefix = `${RUN}-503`;
    const before = neutron.seen.length;
    neutron.failNext(4, { status: 503, retryAfterSeconds: 1 });
    const up = await stack(prefix, "up");
    expect(neutron.seen.slice(before, before + 4).map((r) => r.status)).toEqual([503, 503, 503, 503]);
    await expectExactlyTheStack(prefix, up);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });

  test("connections reset mid-run: pulumi up completes, nothing duplicated", async () => {
    const prefix = `${RUN}-reset`;
    const before = neutron.seen.length;
    const isNetworkCreate = (r: { method: string; path: string }) => r.method === "POST" && r.path === "/v2.0/networks";
    neutron.pauseAfter(isNetworkCreate); // so the resets are armed before the next request, however fast the run
    const up = stack(prefix, "up");
    // once the network exists, break the next connections (after the real Neutron got the requests): the
    // subnet, groups and rules are still to come
    await whenSeen(neutron, before, up, isNetworkCreate);
    neutron.resetNext(3, { forward: true });
    neutron.resume();
    const result = await up;
    expect(neutron.seen.slice(before).filter((r) => r.status === "reset")).toHaveLength(3);
    await expectExactlyTheStack(prefix, result);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });

  test("Keystone refuses connections mid-run while the token is revoked: the provider re-authenticates and pulumi up completes", async () => {
    const prefix = `${RUN}-keystone`;
    const tokensBefore = keystone.seen.filter((r) => r.path === "/v3/auth/tokens").length;
    const before = neutron.seen.length;
    // Neutron holds the stack's requests from the network's create on, until the token is revoked and Keystone
    // is away: the rest of the run must then re-authenticate, however fast it would otherwise have finished.
    const isNetworkCreate = (r: { method: string; path: string }) => r.method === "POST" && r.path === "/v2.0/networks";
    neutron.pauseAfter(isNetworkCreate);
    const up = stack(prefix, "up");
    await whenSeen(neutron, before, up, isNetworkCreate);
    const token = neutron.lastToken!;
    // Revoke the token the stack uses, straight at Keystone (a token may revoke itself), and take Keystone away.
    const revoked = await fetch("http://127.0.0.1:5000/v3/auth/tokens", { method: "DELETE", headers: { "X-Auth-Token": token, "X-Subject-Token": token } });
    expect(revoked.status).toBe(204);
    await keystone.refuse();
    // Neutron caches validated tokens (keystonemiddleware, 5 min): answer the next request as it will once the
    // cache lets go of the revoked token.
    neutron.failNext(1, { status: 401 });
    neutron.resume();
    setTimeout(() => void keystone.accept(), 3000);
    const result = await up;
    await expectExactlyTheStack(prefix, result);
    expect(keystone.seen.filter((r) => r.path === "/v3/auth/tokens").length - tokensBefore).toBe(2);
    expect(neutron.lastToken).not.toBe(token);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });
});

describe("more faults under the real Pulumi CLI", () => {
  beforeEach(() => healthy(neutron, keystone));
  afterEach(() => {
    healthy(neutron, keystone);
    keystone.tokenLifetime(undefined);
  });

  test("the token expires in the middle of pulumi up: the provider takes a new one and up completes", async () => {
    const prefix = `${RUN}-expiry`;
    const tokensBefore = keystone.seen.filter((r) => r.path === "/v3/auth/tokens").length;
    const before = neutron.seen.length;
    // Keystone's answers say the token ends in 2 minutes, inside the client's renewal margin: every token is
    // about to expire as soon as it is issued, and the provider must take a fresh one before it is used up
    keystone.tokenLifetime(120);
    const isNetworkCreate = (r: { method: string; path: string }) => r.method === "POST" && r.path === "/v2.0/networks";
    neutron.pauseAfter(isNetworkCreate);
    const up = stack(prefix, "up");
    await whenSeen(neutron, before, up, isNetworkCreate);
    neutron.resume();
    const result = await up;
    await expectExactlyTheStack(prefix, result);
    expect(keystone.seen.filter((r) => r.path === "/v3/auth/tokens").length - tokensBefore).toBeGreaterThan(1);
    keystone.tokenLifetime(undefined);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });

  test("a burst of 409 answers (in use) to the deletes of pulumi destroy: destroy completes, nothing left", async () => {
    const prefix = `${RUN}-409`;
    const up = await stack(prefix, "up");
    await expectExactlyTheStack(prefix, up);
    const before = neutron.seen.length;
    // Neutron answers 409 to a DELETE of something in use (never to a GET): the next 4 DELETEs get it
    neutron.failNext(4, { status: 409, when: (r) => r.method === "DELETE" });
    await destroyAndCheck(prefix);
    const injected = neutron.seen.slice(before).filter((r) => r.status === 409);
    expect(injected.map((r) => r.method)).toEqual(["DELETE", "DELETE", "DELETE", "DELETE"]);
  });
});

/** When the newest object of a faults stack was made, by Neutron's own clock (created_at, whole seconds). */
async function newestCreatedAt(out: Record<string, any>): Promise<number> {
  const os = await clientFor(adminCloud());
  const rules = async (group: string) => (await os.get("network", "/v2.0/security-group-rules", { security_group_id: group })).security_group_rules;
  const objects = [
    (await os.get("network", `/v2.0/networks/${out.networkId}`)).network,
    (await os.get("network", `/v2.0/subnets/${out.subnetId}`)).subnet,
    ...(await rules(out.setGroupId)),
    ...(await rules(out.rulesGroupId)),
  ];
  return Math.max(...objects.map((o: { created_at: string }) => Date.parse(o.created_at)));
}

/** The project's test-cloud script, as root (what CI runs): `stop <service>` and `up` restart one for real. */
const TEST_CLOUD = path.join(__dirname, "..", "..", "scripts", "test-cloud.sh");
const testCloud = (...args: string[]) =>
  new Promise<void>((resolve, reject) =>
    execFile("bash", [TEST_CLOUD, ...args], { encoding: "utf8" }, (e, _out, err) => (e ? reject(new Error(`test-cloud.sh ${args.join(" ")}: ${err}`)) : resolve())),
  );

describe("a real Keystone or Neutron restarted in the middle of pulumi up (the process stopped and started again)", () => {
  beforeEach(() => healthy(neutron, keystone));
  // whatever happened, the next suites get a whole cloud
  afterAll(() => testCloud("up"), 5 * 60_000);

  test("Neutron killed as pulumi up starts its creates, and started again: up waits for it, each object once", async () => {
    const prefix = `${RUN}-neutron-restart`;
    // straight at the real Neutron (its catalog endpoint), so the provider meets what a crash and restart really
    // do: connections reset, then refused until it listens again. (A graceful stop, SIGTERM, keeps serving the
    // client's keep-alive connections until they go idle, and the run may not notice it at all.)
    const direct = { ...adminCloud(), authUrl: `${keystone.url}/v3` };
    let killedAt: number | undefined;
    let restart: Promise<void> | undefined;
    const up = stack(prefix, "up", {
      cloud: direct,
      // the engine prints this as it starts the network's create, before any of the stack's objects exists
      onOutput: (text) => {
        if (restart || !/openstack:Network\s+net\s+creating/.test(text)) return;
        restart = testCloud("stop", "neutron-server", "--kill").then(() => {
          killedAt = Date.now();
          return testCloud("up");
        });
      },
    });
    const result = await up;
    await restart;
    expect(killedAt).toBeDefined();
    await expectExactlyTheStack(prefix, result);
    // part of the stack was made by the restarted Neutron, within this one up (Neutron's created_at, in seconds)
    expect(await newestCreatedAt(result.outputs)).toBeGreaterThanOrEqual(Math.floor(killedAt! / 1000) * 1000);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });

  test("Keystone restarted while the provider must re-authenticate: up completes, each object once", async () => {
    const prefix = `${RUN}-keystone-restart`;
    // straight at the real Keystone; Neutron behind its proxy, to act at an exact point of the run
    const direct = { ...adminCloud(), endpointOverrides: { network: neutron.url } };
    const before = neutron.seen.length;
    const isNetworkCreate = (r: { method: string; path: string }) => r.method === "POST" && r.path === "/v2.0/networks";
    neutron.pauseAfter(isNetworkCreate);
    const up = stack(prefix, "up", { cloud: direct });
    await whenSeen(neutron, before, up, isNetworkCreate);
    const token = neutron.lastToken!;
    await testCloud("stop", "keystone");
    // Neutron would refuse the token once keystonemiddleware's cache lets go of it (or it expires): answer the
    // next request so, and the provider must take a new token while Keystone is down
    neutron.failNext(1, { status: 401 });
    neutron.resume();
    const back = testCloud("up");
    const result = await up;
    await back;
    await expectExactlyTheStack(prefix, result);
    expect(neutron.lastToken).not.toBe(token);
    await expectConverged(prefix);
    await destroyAndCheck(prefix);
  });
});

describe("many rules created at once in one group, in one provider process", () => {
  // The provider module itself, as the plugin loads it: every create runs in this one process at the same time.
  const { provider } = require("../../provider/openstack/securitygrouprule/controller") as typeof import("../../provider/openstack/securitygrouprule/controller");
  let groupId: string;

  beforeAll(() => {
    healthy(neutron, keystone);
    groupId = openstack("security", "group", "create", `${RUN}-concurrent`, "--project", "admin").id;
  });

  test("25 creates at once (20 different rules, 5 of them asked twice): exactly the 20 rules, none lost or doubled", async () => {
    const ports = Array.from({ length: 20 }, (_, i) => 7001 + i);
    const spec = (port: number) => ({
      securityGroup: groupId,
      direction: "ingress",
      ethertype: "IPv4",
      protocol: "tcp",
      portRangeMin: port,
      portRangeMax: port,
      remoteIpPrefix: "172.16.0.0/12",
      cloud: proxiedCloud(),
    });
    const asked = [...ports, ...ports.slice(0, 5)];
    const checked = await Promise.all(asked.map((p) => provider.check({}, spec(p))));
    for (const c of checked) expect(c.failures).toBeUndefined();
    const created = await Promise.all(checked.map((c) => provider.create(c.inputs)));

    const live = openstack("security", "group", "rule", "list", groupId).filter((r: any) => r.Direction === "ingress");
    expect(live.map((r: any) => `${r["IP Protocol"]} ${tcpPort(r)} ${r["IP Range"]}`).sort()).toEqual(expectedRules(ports, "172.16.0.0/12"));
    // every create got the id of the one live rule for its port (the repeats adopted their twin's rule)
    const idOfPort = new Map(live.map((r: any) => [tcpPort(r), r.ID]));
    expect(created.map((c) => c.id)).toEqual(asked.map((p) => idOfPort.get(p)));

    await Promise.all(ports.map((p, i) => provider.delete(created[i].id, created[i].outs)));
    expect(await witness.ingressRules(groupId)).toEqual([]);
  });
});
