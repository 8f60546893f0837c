/**
 * The dynamic-provider plugin loads a resource's implementation when that resource's first call comes, and no
 * other's: in plain node (a fresh process, never jest's module registry), for every entry of the built registry,
 * the first `check` loads that resource's controller and not another resource's, and not the HTTP client's axios
 * (a no-op `pulumi up` calls only check and diff: no request). Each key's modules are dropped from require.cache
 * before the next key, so each is judged as a first call.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const REGISTRY = path.resolve(__dirname, "..", "..", "bin", "sdk", "providers.js");

const CHILD = `
const { providers } = require(${JSON.stringify(REGISTRY)});
const base = new Set(Object.keys(require.cache));
(async () => {
  const out = {};
  for (const key of Object.keys(providers)) {
    await providers[key].check({}, {});
    const added = Object.keys(require.cache).filter((k) => !base.has(k));
    out[key] = added;
    for (const k of added) delete require.cache[k];
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

const r = spawnSync(process.execPath, ["-e", CHILD], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
const loaded: Record<string, string[]> = r.status === 0 ? JSON.parse(r.stdout) : {};
const controllerOf = (file: string) => /[\\/]bin[\\/]provider[\\/](.+)[\\/]controller\.js$/.exec(file)?.[1]?.replace(/\\/g, "/");

test("the registry's first checks ran in plain node", () => {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(Object.keys(loaded).length).toBeGreaterThan(10);
});

describe.each(Object.keys(require(REGISTRY).providers))("%s", (key) => {
  test("its first check loads its own controller only, and no HTTP client library", () => {
    const files = loaded[key] ?? [];
    const controllers = files.map(controllerOf).filter((c): c is string => !!c && c !== "core");
    expect(controllers).toHaveLength(1);
    expect(files.filter((f) => /[\\/]node_modules[\\/]axios[\\/]/.test(f))).toEqual([]);
  });
});
