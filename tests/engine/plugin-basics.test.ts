/**
 * provider/core's CRUD plumbing (Controller + makeProvider) driven through the REAL dynamic-provider plugin over
 * gRPC, with the Go engine's rules around it (tests/harness/miniEngine.ts). The resource is a test-only file
 * resource (fixtures/fileController.ts), so these tests need no cloud.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DIFF_NONE, DIFF_SOME, DynamicProviderHost } from "../harness/dynamicProviderHost";
import { CheckFailedError, MiniEngine } from "../harness/miniEngine";
import { callInFreshProcess, serializeInChild } from "../harness/serializeInChild";
import { serializeProvider } from "../harness/serializeProvider";
import { isSecret, secret, stripSecrets } from "../harness/wire";
import { fileShim } from "./fixtures/fileShim";

const T = "pulumi-nodejs:dynamic/test:File";
const PASSWORD = "pw-4c1d-never-logged";
let host: DynamicProviderHost;
let engine: MiniEngine;
let provider: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-basics-"));
  provider = (await serializeProvider(fileShim)).text;
  host = await DynamicProviderHost.start({ cwd: path.resolve(__dirname, "../.."), project: "proj" });
  await host.configure({ "proj:greeting": "hi" });
  engine = new MiniEngine(host);
});
afterAll(async () => {
  await host?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const goal = (name: string, extra: Record<string, unknown> = {}) => ({
  __provider: provider,
  path: path.join(dir, name),
  content: "v1",
  password: secret(PASSWORD),
  ...extra,
});

test("the plugin answers like the engine expects: Handshake UNIMPLEMENTED, Configure without secrets or preview", async () => {
  expect(await host.getPluginInfo()).toBe(require("@pulumi/pulumi/package.json").version);
  await expect(host.handshake()).rejects.toMatchObject({ code: 12 });
  expect(await host.configure({})).toEqual({ acceptSecrets: false, supportsPreview: false });
});

test("check rejects bad input naming the field, before any side effect", async () => {
  const g = goal("bad.txt", { path: "relative/path.txt" });
  const err = await engine.register(T, "bad", g).catch((e) => e);
  expect(err).toBeInstanceOf(CheckFailedError);
  expect(err.failures).toEqual([{ property: "path", reason: "path: must be an absolute file path" }]);
  expect(engine.log.at(-1)!.calls).toEqual(["Check"]);
  expect(fs.existsSync(path.join(dir, "relative"))).toBe(false);
});

test("create -> same -> update -> replace (delete first) -> destroy", async () => {
  const c = await engine.register(T, "f", goal("a.txt"));
  expect(c.op).toBe("create");
  expect(c.state.id).toBe(path.join(dir, "a.txt"));
  expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("v1");

  expect((await engine.register(T, "f", goal("a.txt"))).op).toBe("same");
  expect(engine.log.at(-1)!.diff!.changes).toBe(DIFF_NONE);

  const u = await engine.register(T, "f", goal("a.txt", { content: "v2" }));
  expect(u.op).toBe("update");
  expect(engine.log.at(-1)!.calls).toEqual(["Check", "Diff", "Update"]);
  expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("v2");
  expect(stripSecrets(u.state.outputs.token)).toBe("tok-2");

  const r = await engine.register(T, "f", goal("b.txt", { content: "v2" }));
  expect(r.op).toBe("replace");
  expect(engine.log.at(-1)!.diff).toMatchObject({ changes: DIFF_SOME, replaces: ["path"], deleteBeforeReplace: true });
  expect(engine.log.at(-1)!.calls).toEqual(["Check", "Diff", "Check(replacement)", "Delete(old)", "Create"]);
  expect(fs.existsSync(path.join(dir, "a.txt"))).toBe(false);
  expect(fs.readFileSync(path.join(dir, "b.txt"), "utf8")).toBe("v2");

  await engine.delete(r.state.urn);
  expect(fs.existsSync(path.join(dir, "b.txt"))).toBe(false);
  expect(engine.state.has(r.state.urn)).toBe(false);
});

test("refresh shows drift field by field; preview --refresh plans an update; an object gone out of band leaves the state", async () => {
  const p = path.join(dir, "drift.txt");
  const c = await engine.register(T, "d", goal("drift.txt"));
  fs.writeFileSync(p, "edited by hand");

  const before = engine.state.snapshot();
  const refreshed = await engine.refresh(c.state.urn);
  expect(refreshed.deleted).toBe(false);
  if (!refreshed.deleted) {
    expect(refreshed.drifted).toBe(true);
    expect(refreshed.state.outputs.content).toBe("edited by hand");
    expect(refreshed.state.inputs.content).toBe("v1");
  }
  const plan = await engine.register(T, "d", goal("drift.txt"), { preview: true });
  expect(plan.op).toBe("update");
  expect(fs.readFileSync(p, "utf8")).toBe("edited by hand"); // preview changed nothing
  expect(before.get(c.state.urn)!.outputs.content).toBe("v1");

  expect((await engine.register(T, "d", goal("drift.txt"))).op).toBe("update");
  expect(fs.readFileSync(p, "utf8")).toBe("v1");

  fs.rmSync(p);
  expect((await engine.refresh(c.state.urn)).deleted).toBe(true);
  expect(engine.state.has(c.state.urn)).toBe(false);
});

test("secrets: the provider gets plain values, secret inputs and secretOutputs stay secret, nothing secret is logged", async () => {
  const c = await engine.register(T, "s", goal("secret.txt"));
  expect(isSecret(c.state.inputs.password)).toBe(true);
  expect(isSecret(c.state.outputs.password)).toBe(true); // engine: annotateSecrets(outs, ins)
  expect(stripSecrets(c.state.outputs.password)).toBe(PASSWORD);
  expect(isSecret(c.state.outputs.token)).toBe(true); // controller.secretOutputs, no secret input behind it
  expect(isSecret(c.state.outputs.content)).toBe(false);

  await host.flushOutput();
  const out = host.outputText();
  // progress lines are "[<type> <label>] message"
  expect(out).toMatch(/stdout: \[test\.File[^\]]*\] writing \S+secret\.txt \(password \*\*\*\)/);
  expect(out).not.toContain(PASSWORD);
  await engine.delete(c.state.urn);
});

test("a failing create reports the error with secrets masked", async () => {
  const err = await engine.register(T, "fail", goal("fail.txt", { failCreate: true })).catch((e) => e);
  expect(err.details).toContain("test.File create: could not log in with password ***");
  expect(err.details).not.toContain(PASSWORD);
  await host.flushOutput();
  expect(host.outputText()).not.toContain(PASSWORD);
});

test("`undefined` never reaches the wire: an output left undefined is dropped, the create succeeds", async () => {
  const c = await engine.register(T, "u", goal("undef.txt"));
  expect(c.state.id).toBe(path.join(dir, "undef.txt"));
  expect(Object.keys(c.state.outputs)).not.toContain("size");
  await engine.delete(c.state.urn);
});

test("preview: only Check runs; unknown inputs are tolerated", async () => {
  const r = await engine.register(T, "pv", goal("preview.txt", { content: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }), { preview: true });
  expect(r.op).toBe("create");
  expect(engine.log.at(-1)!.calls).toEqual(["Check"]);
  expect(fs.existsSync(path.join(dir, "preview.txt"))).toBe(false);
});

test("the `import` option cannot work for dynamic providers: the engine's Read carries no __provider", async () => {
  // step.go ImportStep: Read(id) without state -> the plugin runs requireFromString(undefined). Users adopt instead.
  const p = path.join(dir, "imported.txt");
  fs.writeFileSync(p, "v1");
  const err = await engine.register(T, "imp", goal("imported.txt"), { import: p }).catch((e) => e);
  expect(err).toMatchObject({ code: 2, details: "code must be a string, not undefined" });
});

describe("adopt: take over an existing object instead of creating one", () => {
  test("an object that already matches is adopted untouched", async () => {
    const p = path.join(dir, "adopt-same.txt");
    fs.writeFileSync(p, "v1");
    const mtime = fs.statSync(p).mtimeMs;
    const c = await engine.register(T, "adopt1", goal("adopt-same.txt", { adopt: { id: p } }));
    expect(c).toMatchObject({ op: "create", state: { id: p } });
    expect(fs.statSync(p).mtimeMs).toBe(mtime);
    await host.flushOutput();
    expect(host.outputText()).toContain(`adopted ${p} (already matches)`);
    // afterwards it is an ordinary resource: destroy deletes it
    await engine.delete(c.state.urn);
    expect(fs.existsSync(p)).toBe(false);
  });

  test("an object that differs in updatable fields is reconciled", async () => {
    const p = path.join(dir, "adopt-diff.txt");
    fs.writeFileSync(p, "old content");
    const c = await engine.register(T, "adopt2", goal("adopt-diff.txt", { adopt: { name: p } }));
    expect(c.state.id).toBe(p);
    expect(fs.readFileSync(p, "utf8")).toBe("v1");
    await host.flushOutput();
    expect(host.outputText()).toContain(`adopted ${p}; reconciling content`);
    await engine.delete(c.state.urn);
  });

  test("adopting something that does not exist fails and names it", async () => {
    const missing = path.join(dir, "nope.txt");
    const err = await engine.register(T, "adopt3", goal("nope.txt", { adopt: { id: missing } })).catch((e) => e);
    expect(err.details).toContain(`adopt: no existing object matches {"id":"${missing}"}`);
  });

  test("an object that differs in a field that forces replacement is refused", async () => {
    const p = path.join(dir, "adopt-other.txt");
    fs.writeFileSync(p, "v1");
    const err = await engine.register(T, "adopt4", goal("adopt-wanted.txt", { adopt: { id: p } })).catch((e) => e);
    expect(err.details).toContain(`adopt: ${p} differs in path, which cannot change in place`);
  });
});

test("why resources ship as shims: makeProvider(controller) serialized by value breaks at run time", () => {
  // provider/core keeps module-level Sets; closure serialization copies them as plain objects (REPORT.md 2.1).
  const fixture = require.resolve("./fixtures/fileController.js");
  const [direct] = serializeInChild(fixture, "provider");
  expect(direct.ok).toBe(true);
  const r = callInFreshProcess(direct.text!, path.resolve(__dirname, "../.."), "diff", ["id", { path: "/a", content: "x" }, { path: "/a", content: "y" }]);
  expect(r).toMatchObject({ ok: false, error: { message: "Method Set.prototype.has called on incompatible receiver #<Object>" } });
});
