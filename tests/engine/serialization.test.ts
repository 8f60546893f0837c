/**
 * The serialization guard, for EVERY entry of `providers` in the built main entry (bin/index.js).
 *
 * `pulumi up` stores each resource's provider as JS text (`__provider`) made by closure serialization, and the
 * plugin later runs it with requireFromString in the program's directory. What breaks there (captured clients,
 * module-level schemas, credentials baked into state, modules that do not resolve) only shows in the real
 * conditions, so: serialize in a plain node child (never in jest's realm) exactly like dynamic.Resource does, with
 * a credential in the environment and a pulumi.secret in scope; then load the text in FRESH processes whose cwd is
 * (a) a directory outside the repository that sees this package through node_modules -- a user's program -- and
 * (b) examples/openstack-networks, which resolves the package from the repository itself; and call check().
 * A missing controller module fails here, by design. The text requires one module, the controller loader
 * (provider/controllers.ts), and holds its resource's key.
 *
 * Stacks made by earlier versions keep their older `__provider` (fixtures/old-shim.json, the text as it was
 * stored), which requires `pulumi-openstack-lab/provider/<dir>/controller` itself: each still loads and reaches
 * its resource's controller, so those stacks still refresh and destroy.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import { builtinModules } from "module";
import * as path from "path";
import { callInFreshProcess, ChildSerializeResult, serializeInChild } from "../harness/serializeInChild";
import { requiredModules } from "../harness/serializeProvider";

const ROOT = path.resolve(__dirname, "../..");
const MAIN = path.join(ROOT, "bin", "index.js");
// The registry module the main entry re-exports: the guard still judges each provider while some sdk class is missing.
const REGISTRY = path.join(ROOT, "bin", "sdk", "providers.js");
const EXAMPLE_DIR = path.join(ROOT, "examples", "openstack-networks");
const MARKER = `guard-secret-${crypto.randomBytes(6).toString("hex")}`;
const LOADER = "pulumi-openstack-lab/provider/controllers";
const OLD: { text: string; controllers: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "old-shim.json"), "utf8"));
const OLD_PATH = "openstack/network/controller";
const MAX_BYTES = 4096;

// Built by `npx tsc -p tsconfig.json` (npm test does it first).
const registry = require(REGISTRY).providers as Record<string, unknown>;
const keys = Object.keys(registry);

/** An input each schema must reject, and the field the failure must name. Every resource takes customTimeouts. */
const GENERIC_BAD = { input: { customTimeouts: { create: "soon" } }, field: "customTimeouts.create" };
const KNOWN_BAD: Record<string, { input: Record<string, unknown>; field: string }> = {
  "openstack.Network": { input: { name: "n", providerNetworkType: "bogus" }, field: "providerNetworkType" },
  "openstack.Subnet": { input: { networkId: "n", cidr: "10.0.2.0/33" }, field: "cidr" },
  "openstack.SecurityGroupRule": { input: { securityGroup: "default", direction: "sideways" }, field: "direction" },
};

let serialized: Map<string, ChildSerializeResult>;
let userDir: string;

beforeAll(() => {
  const results = serializeInChild(REGISTRY, "providers.*", { OS_PASSWORD: MARKER, SERIALIZE_SECRET_MARKER: MARKER });
  serialized = new Map(results.map((r) => [r.key, r]));
  // A user's program directory: this package reached through node_modules, as `npm install` would link it.
  userDir = fs.mkdtempSync(path.join(os.tmpdir(), "user-program-"));
  fs.mkdirSync(path.join(userDir, "node_modules"));
  fs.symlinkSync(ROOT, path.join(userDir, "node_modules", "pulumi-openstack-lab"), "dir");
});
afterAll(() => {
  if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
});

test("the main entry loads and exports the registry's providers", () => {
  expect(keys.length).toBeGreaterThan(0);
  const r = require("child_process").spawnSync(process.execPath, ["-e", `console.log(Object.keys(require(${JSON.stringify(MAIN)}).providers).join(","))`], { encoding: "utf8" });
  expect(r.stderr.split("\n")[0] || "").toBe("");
  expect(r.stdout.trim().split(",")).toEqual(keys);
  // the very objects: what users import is what the guard serialized
  const main = require("child_process").spawnSync(process.execPath, ["-e", `process.stdout.write(String(require(${JSON.stringify(MAIN)}).providers === require(${JSON.stringify(REGISTRY)}).providers))`], { encoding: "utf8" });
  expect(main.stdout).toBe("true");
});

function textOf(key: string): string {
  const r = serialized.get(key);
  if (!r?.ok) throw new Error(`${key} did not serialize: ${r?.error}`);
  return r.text!;
}

function expectRejects(key: string, cwd: string, bad: { input: Record<string, unknown>; field: string }, text = textOf(key), requires = LOADER) {
  const r = callInFreshProcess(text, cwd, "check", [{}, bad.input], { OS_PASSWORD: MARKER });
  if (!r.ok) throw new Error(`${key}: check() from ${cwd} threw: ${r.error.message}`);
  const failures: Array<{ property: string; reason: string }> = r.result.failures ?? [];
  expect(failures.map((f) => f.property)).toContain(bad.field);
  expect(failures.find((f) => f.property === bad.field)!.reason).toContain(bad.field);
  // the text required nothing but the controller loader (an old text: its controller), by package path (and node built-ins)
  const packages = r.requires.filter((m) => !builtinModules.includes(m.replace(/^node:/, "")));
  expect(packages).toEqual([requires]);
}

describe.each(keys)("%s", (key) => {
  test("serializes in plain node: at most 4 KB, no secret, no code but a require of the controller loader, its key", () => {
    const text = textOf(key);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_BYTES);
    expect(text).toContain(`key: ${JSON.stringify(key)}`);
    expect(requiredModules(text)).toEqual([LOADER]);
    expect(text).not.toContain(MARKER);
    expect(serialized.get(key)!.containsSecrets).toBe(false);
    for (const m of requiredModules(text)) {
      if (!builtinModules.includes(m.replace(/^node:/, ""))) expect(m).toMatch(/^pulumi-openstack-lab\/provider\//);
    }
  });

  test("loads in a user's program directory (package in node_modules) and rejects bad input naming the field", () => {
    expectRejects(key, userDir, GENERIC_BAD);
    if (KNOWN_BAD[key]) expectRejects(key, userDir, KNOWN_BAD[key]);
  });

  test("loads in examples/openstack-networks (package resolved from the repository) and rejects bad input", () => {
    expectRejects(key, EXAMPLE_DIR, GENERIC_BAD);
  });
});

describe("a stack made by an earlier version (its older __provider in state)", () => {
  test("the old text is the one the test loads each resource's with, and names every resource", () => {
    expect(requiredModules(OLD.text)).toEqual([]); // it builds the path: "pulumi-openstack-lab/provider/" + impl
    expect(OLD.text.split(`impl: ${JSON.stringify(OLD_PATH)}`)).toHaveLength(7); // the six methods capture it
    expect(Object.keys(OLD.controllers).sort()).toEqual([...keys].sort());
  });

  test.each(Object.entries(OLD.controllers))("%s: its old shim still reaches its controller at %s and rejects bad input naming the field", (key, impl) => {
    const text = OLD.text.split(JSON.stringify(OLD_PATH)).join(JSON.stringify(impl));
    expectRejects(key, userDir, GENERIC_BAD, text, `pulumi-openstack-lab/provider/${impl}`);
    if (KNOWN_BAD[key]) expectRejects(key, userDir, KNOWN_BAD[key], text, `pulumi-openstack-lab/provider/${impl}`);
  });
});
