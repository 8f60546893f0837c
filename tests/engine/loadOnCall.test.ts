/**
 * The dynamic-provider plugin loads a resource's implementation when that resource's first call comes, and no
 * other's: in plain node (a fresh process, never jest's module registry), for every entry of the built registry,
 * the first `check` and `diff` (what a no-op `pulumi up` calls: no request, no command) load that resource's
 * controller and not another resource's, nor the HTTP client's axios, nor the SSH library ssh2 (HostPrep and
 * PackstackInstall load it with their first connection, not at check or diff). The lab resources get valid inputs
 * (their check passes and their diff compares real inputs); the others' diff runs on whatever their check gave.
 * Each key's modules are dropped from require.cache before the next key, so each is judged as a first call.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { PRIVATE_KEY } from "../checks/cases/corpus";

const REGISTRY = path.resolve(__dirname, "..", "..", "bin", "sdk", "providers.js");

// Nothing listens on port 9: a connection attempt would fail the check or the diff.
const connection = { host: "127.0.0.1", port: 9, privateKey: PRIVATE_KEY };
const INPUTS: Record<string, object> = {
  "lab.HostPrep": { connection },
  "lab.PackstackInstall": { connection, adminPassword: "Adm1n-pass" },
};

const CHILD = `
const { providers } = require(${JSON.stringify(REGISTRY)});
const INPUTS = ${JSON.stringify(INPUTS)};
const base = new Set(Object.keys(require.cache));
(async () => {
  const out = {};
  for (const key of Object.keys(providers)) {
    const checked = await providers[key].check({}, INPUTS[key] || {});
    const inputs = checked.inputs || {};
    let diff;
    try {
      diff = await providers[key].diff("id-1", inputs, inputs);
    } catch (e) {
      diff = { error: String(e && e.message || e) };
    }
    const added = Object.keys(require.cache).filter((k) => !base.has(k));
    out[key] = { added, failures: (checked.failures || []).map((f) => f.property), diff };
    for (const k of added) delete require.cache[k];
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

const r = spawnSync(process.execPath, ["-e", CHILD], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
const loaded: Record<string, { added: string[]; failures: string[]; diff: { changes?: boolean; error?: string } }> = r.status === 0 ? JSON.parse(r.stdout) : {};
const controllerOf = (file: string) => /[\\/]bin[\\/]provider[\\/](.+)[\\/]controller\.js$/.exec(file)?.[1]?.replace(/\\/g, "/");
const inPackage = (name: string) => (f: string) => new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(f);

test("the registry's first checks and diffs ran in plain node", () => {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(Object.keys(loaded).length).toBeGreaterThan(10);
});

describe.each(Object.keys(require(REGISTRY).providers))("%s", (key) => {
  test("its first check and diff load its own controller only, and no HTTP or SSH client library", () => {
    const files = loaded[key]?.added ?? [];
    const controllers = files.map(controllerOf).filter((c): c is string => !!c && c !== "core");
    expect(controllers).toHaveLength(1);
    expect(files.filter(inPackage("axios"))).toEqual([]);
    expect(files.filter(inPackage("ssh2"))).toEqual([]);
  });
});

test.each(Object.keys(INPUTS))("%s: the check passed and the diff of unchanged inputs ran (no change), without ssh2", (key) => {
  expect(loaded[key].failures).toEqual([]);
  expect(loaded[key].diff).toMatchObject({ changes: false });
  expect(loaded[key].added.filter(inPackage("ssh2"))).toEqual([]);
  // the module that does load ssh2 at the first connection is there: what is left out is only the library
  expect(loaded[key].added.some((f) => /[\\/]bin[\\/]provider[\\/]ssh[\\/]dial\.js$/.test(f))).toBe(true);
});

/**
 * A no-op Check loads no zod: with olds = a previous check's result and the same news (what a no-op `pulumi up`
 * sends), check returns the olds from the spec's data (provider/core/check.ts, the fast path), in plain node;
 * changed news (another good input) do load it, and so does every check of a resource that always parses
 * (`checkAlwaysParses`). The news are a good input of the corpus as check returned it (the resources that always
 * parse get the good input itself), and, for each resource with defaults nested in its fields (the spec's
 * `nested`: VirtualMachine's disk, nics, unattended and readiness, the lab's connection), the good input as
 * written, which leaves those out (as the whole lab's program does): the fast path fills them in from the data.
 * Each case starts from a cache without the modules its first (full) check loaded.
 */
describe("a no-op Check", () => {
  const cases = require("../checks/cases/openstack") as typeof import("../checks/cases/openstack");
  const compute = require("../checks/cases/compute") as typeof import("../checks/cases/compute");
  const vbox = require("../checks/cases/virtualbox") as typeof import("../checks/cases/virtualbox");
  const lab = require("../checks/cases/lab") as typeof import("../checks/cases/lab");
  const { MODULES } = require("../checks/controllers") as typeof import("../checks/controllers");
  const cloud = { authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: "Noop-s3cret-pw", projectName: "admin" };
  const corpora = [
    ...[...cases.OPENSTACK, ...compute.COMPUTE].map((c) => ({ c, extra: { cloud } })),
    ...[...vbox.VIRTUALBOX, lab.hostPrep(9), lab.packstack(9)].map((c) => ({ c, extra: {} })),
  ];
  const parses = (key: string) => !!MODULES[key].controller.checkAlwaysParses;
  // as checked: not for the resources that always parse (the rule resources' canonical form does not check again)
  const { withNested } = require("../../provider/core/spec") as typeof import("../../provider/core/spec");
  const { deepEqual } = require("../../provider/core/deepEqual") as typeof import("../../provider/core/deepEqual");
  const fieldsOf = (key: string) => MODULES[key].controller.inputFields ?? {};
  /** The fields of `news` that leave out a nested default (what the fast path fills in). */
  const leftOut = (key: string, news: Record<string, unknown>) =>
    Object.entries(fieldsOf(key)).filter(([k, f]) => news[k] !== undefined && !deepEqual(withNested(news[k], f.nested), news[k])).map(([k]) => k);
  const input = [
    ...corpora.map(({ c, extra }) => ({ name: c.key, key: c.key, asChecked: !parses(c.key), news: { ...extra, ...c.good[0] }, changed: { ...extra, ...c.good[1] } })),
    ...corpora
      .filter(({ c }) => !parses(c.key) && Object.values(fieldsOf(c.key)).some((f) => f.nested))
      .map(({ c, extra }) => ({ name: `${c.key} as written`, key: c.key, asChecked: false, news: { ...extra, ...c.good[0] }, changed: { ...extra, ...c.good[1] } })),
  ];
  const child = `
const { providers } = require(${JSON.stringify(REGISTRY)});
const CASES = ${JSON.stringify(input)};
const base = new Set(Object.keys(require.cache));
const SIG = "4dabf18193072939515e22adb298388d";
const unwrap = (v) => v && typeof v === "object" ? (v[SIG] ? unwrap(v.value) : Array.isArray(v) ? v.map(unwrap) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]))) : v;
const call = async (key, olds, news) => {
  const r = await providers[key].check(olds, news);
  const added = Object.keys(require.cache).filter((k) => !base.has(k));
  for (const k of added) delete require.cache[k];
  return { r, added };
};
(async () => {
  const out = {};
  for (const { name, key, asChecked, news, changed } of CASES) {
    const written = asChecked ? unwrap((await call(key, {}, news)).r.inputs) : news;
    const first = await call(key, {}, written);
    const olds = { ...unwrap(first.r.inputs), __provider: "shim" };
    const noop = await call(key, olds, { ...written, __provider: "shim" });
    const other = await call(key, olds, { ...changed, __provider: "shim" });
    out[name] = { first: first.r, noop: noop.r, noopLoaded: noop.added, changedLoaded: other.added };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;
  const run = spawnSync(process.execPath, ["-e", child], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  type Seen = { first: { inputs: object; failures?: unknown[] }; noop: { inputs: object; failures?: unknown[] }; noopLoaded: string[]; changedLoaded: string[] };
  const seen: Record<string, Seen> = run.status === 0 ? JSON.parse(run.stdout) : {};
  const zod = (files: string[]) => files.filter((f) => /[\\/]node_modules[\\/]zod[\\/]/.test(f));

  test("ran in plain node", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(Object.keys(seen).length).toBeGreaterThan(10);
  });

  test.each(input.map((i) => [i.name, i.key]))("%s: the no-op Check gives the first check's inputs, loading no zod (unless it always parses); a changed one loads zod", (name, key) => {
    const s = seen[name];
    expect(s.first.failures ?? []).toEqual([]);
    expect(s.noop).toEqual(s.first);
    expect(zod(s.noopLoaded).length > 0).toBe(parses(key));
    expect(zod(s.changedLoaded).length).toBeGreaterThan(0);
  });

  test("the inputs as written leave out nested defaults: VirtualMachine's and the lab resources' at least", () => {
    const written = input.filter((i) => !i.asChecked && !parses(i.key));
    expect(written.map((i) => i.key)).toEqual(expect.arrayContaining(["virtualbox.VirtualMachine", "lab.HostPrep", "lab.PackstackInstall"]));
    for (const i of written) expect([i.name, leftOut(i.key, i.news).length > 0]).toEqual([i.name, true]);
  });
});
