/**
 * One real resource, openstack.Network, end to end through the real plugin and the engine rules: its `__provider`
 * serialized in plain node from bin/, the plugin started in the repository as a program directory, and the test
 * cloud behind it. What the engine would show a user: check failures, create, same, update, refresh drift, delete.
 */
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as path from "path";
import { DynamicProviderHost } from "../harness/dynamicProviderHost";
import { CheckFailedError, MiniEngine } from "../harness/miniEngine";
import { serializeInChild } from "../harness/serializeInChild";
import { isSecret, secret, stripSecrets } from "../harness/wire";
import { adminCloud, cliEnv } from "../support/cloud";

const ROOT = path.resolve(__dirname, "../..");
const T = "pulumi-nodejs:dynamic/openstack:Network";
const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const show = (id: string) => JSON.parse(execFileSync("openstack", ["network", "show", id, "-f", "json"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
const name = `engine-net-${crypto.randomBytes(4).toString("hex")}`;
let host: DynamicProviderHost;
let engine: MiniEngine;
let provider: string;
let createdId: string | undefined;

beforeAll(async () => {
  const [r] = serializeInChild(path.join(ROOT, "bin", "sdk", "providers.js"), "providers.*").filter((x) => x.key === "openstack.Network");
  if (!r.ok) throw new Error(r.error);
  provider = r.text!;
  host = await DynamicProviderHost.start({ cwd: ROOT, project: "proj" });
  await host.configure({});
  engine = new MiniEngine(host);
});
afterAll(async () => {
  if (createdId) {
    try {
      execFileSync("openstack", ["network", "delete", createdId], { env, stdio: "ignore" });
    } catch {
      // already gone
    }
  }
  await host?.stop();
});

const goal = (extra: Record<string, unknown> = {}) => ({
  __provider: provider,
  name,
  providerNetworkType: "vxlan",
  description: "made by the engine test",
  cloud: secret(cloud),
  ...extra,
});

test("check names the bad field and touches nothing", async () => {
  const err = await engine.register(T, "bad", goal({ providerNetworkType: "flat" })).catch((e) => e);
  expect(err).toBeInstanceOf(CheckFailedError);
  expect(err.failures.map((f: { property: string }) => f.property)).toEqual(["providerPhysicalNetwork"]);
});

test("create -> same -> update -> drift seen by refresh -> delete, credentials secret throughout", async () => {
  const c = await engine.register(T, "net", goal());
  createdId = c.state.id;
  expect(c.op).toBe("create");
  expect(show(c.state.id)).toMatchObject({ name, description: "made by the engine test", "provider:network_type": "vxlan" });
  expect(isSecret(c.state.outputs.cloud)).toBe(true);
  expect(stripSecrets(c.state.outputs.cloud)).toEqual(cloud);

  expect((await engine.register(T, "net", goal())).op).toBe("same");

  const u = await engine.register(T, "net", goal({ description: "changed in place" }));
  expect(u.op).toBe("update");
  expect(u.state.id).toBe(c.state.id);
  expect(show(c.state.id).description).toBe("changed in place");

  execFileSync("openstack", ["network", "set", "--description", "edited by hand", c.state.id], { env });
  const r = await engine.refresh(c.state.urn);
  expect(r.deleted).toBe(false);
  if (!r.deleted) {
    expect(r.drifted).toBe(true);
    expect(r.state.outputs.description).toBe("edited by hand");
  }
  expect((await engine.register(T, "net", goal({ description: "changed in place" }))).op).toBe("update");
  expect(show(c.state.id).description).toBe("changed in place");

  await engine.delete(c.state.urn);
  expect(() => show(c.state.id)).toThrow();
  createdId = undefined;

  await host.flushOutput();
  expect(host.outputText()).toContain(`created network ${c.state.id}`);
  expect(host.outputText()).not.toContain(`"password":"${cloud.password}"`);
});
