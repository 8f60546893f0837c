/**
 * Node's module compile cache for what our calls load (provider/controllers.ts), in plain node as the plugin runs
 * it: a fresh process calls a built shim's check and is then ended with SIGINT from outside, as the engine ends
 * the plugin (Node's own write at exit never runs then). The cache folder (Node's default below TMPDIR when
 * NODE_COMPILE_CACHE is unset) then holds what the call compiled, the resource's controller included;
 * NODE_DISABLE_COMPILE_CACHE keeps it empty; a Node without the cache, or a folder that cannot be made, changes
 * nothing of the call. (That a warm cache is faster is the bench's to say.)
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cacheEntries, cachesModule } from "../support/compileCache";

const BIN = path.resolve(__dirname, "..", "..", "bin");
const CONTROLLER = path.join(BIN, "provider", "openstack", "network", "controller.js");

// Stays alive after the call, as the plugin does, until it is signalled.
const CHILD = `
if (process.argv[1] === "no-cache-api") delete require("module").enableCompileCache;
const { providers } = require(${JSON.stringify(path.join(BIN, "sdk", "providers.js"))});
providers["openstack.Network"].check({}, { name: "n", providerNetworkType: "bogus" }).then((r) => {
  process.stdout.write(JSON.stringify(r.failures.map((f) => f.property)) + "\\n");
  setInterval(() => {}, 1000);
});
`;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-compile-cache-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** One plugin-like process with `env` over the caller's environment without its compile cache settings. */
function callOnce(env: Record<string, string>, arg = ""): Promise<{ failures: unknown; stderr: string; signal: string | null }> {
  const { NODE_COMPILE_CACHE: _c, NODE_DISABLE_COMPILE_CACHE: _d, ...base } = process.env;
  const child = spawn(process.execPath, ["-e", CHILD, arg], { env: { ...base, TMPDIR: tmp, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.endsWith("\n")) child.kill("SIGINT");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.on("close", (_code, signal) => {
      clearTimeout(timer);
      resolve({ failures: out ? JSON.parse(out) : null, stderr, signal });
    }),
  );
}

const expectCheckRan = (r: Awaited<ReturnType<typeof callOnce>>) => {
  expect(r.stderr).toBe("");
  expect(r.failures).toEqual(["providerNetworkType"]);
  expect(r.signal).toBe("SIGINT");
};

test("a first call fills Node's compile cache folder, its controller included, before the process is ended; a second call writes nothing", async () => {
  const cache = path.join(tmp, "node-compile-cache");
  expectCheckRan(await callOnce({}));
  expect(cachesModule(cache, CONTROLLER)).toBe(true);
  const first = cacheEntries(cache);
  // the loader, the controller, the core, the schema and zod: dozens of modules
  expect(first.length).toBeGreaterThan(30);
  const stamps = new Map(first.map((f) => [f, fs.statSync(f).mtimeMs]));
  expectCheckRan(await callOnce({}));
  const second = cacheEntries(cache);
  expect(second.sort()).toEqual(first.sort());
  for (const f of second) expect(fs.statSync(f).mtimeMs).toBe(stamps.get(f));
});

test("NODE_COMPILE_CACHE names the folder", async () => {
  const cache = path.join(tmp, "mine");
  expectCheckRan(await callOnce({ NODE_COMPILE_CACHE: cache }));
  expect(cachesModule(cache, CONTROLLER)).toBe(true);
  expect(cacheEntries(path.join(tmp, "node-compile-cache"))).toEqual([]);
});

test("NODE_DISABLE_COMPILE_CACHE=1 keeps it off", async () => {
  expectCheckRan(await callOnce({ NODE_DISABLE_COMPILE_CACHE: "1" }));
  expect(cacheEntries(tmp)).toEqual([]);
});

test("a cache folder that cannot be made (a file in its way) fails no call", async () => {
  fs.writeFileSync(path.join(tmp, "file"), "");
  expectCheckRan(await callOnce({ NODE_COMPILE_CACHE: path.join(tmp, "file", "cache") }));
});

test("a Node without the compile cache (before 22.1) fails no call", async () => {
  expectCheckRan(await callOnce({}, "no-cache-api"));
  expect(cacheEntries(tmp)).toEqual([]);
});
