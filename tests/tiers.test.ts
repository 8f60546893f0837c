/**
 * The fast tier (tests/tiers.js) holds only suites that need nothing but Node: each listed file exists and none
 * imports what reaches the test cloud's services, the sshd guests or the Pulumi CLI. (Credentials objects from
 * support/cloud are fine: the suites that use them trace that no request is sent.)
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unit, local } = require("./tiers") as { unit: string[]; local: string[] };
const REPO = path.join(__dirname, "..");
const REACHES_OUT = /from\s+["'][^"']*\bsupport\/(pulumiCli|guest|faultProxy|cli\/)|\bcloudCli\(|new CliStack/;

test("the unit and local tiers list existing suites, each in one tier, once", () => {
  const all = [...unit, ...local];
  expect(new Set(all).size).toBe(all.length);
  for (const f of all) expect({ f, exists: fs.existsSync(path.join(REPO, f)) }).toEqual({ f, exists: true });
});

/** The test files a file imports, directly or through other test helpers (product code is not followed). */
function testImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(file, "utf8");
  for (const m of text.matchAll(/from\s+["'](\.[^"']*)["']/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts")].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (hit && hit.startsWith(path.join(REPO, "tests") + path.sep)) testImports(hit, seen);
  }
  return seen;
}

test("no unit suite reaches the CLI runner, the sshd guest, the fault proxy or the openstack CLI, even through a helper", () => {
  const offenders = unit
    .filter((f) => f !== "tests/tiers.test.ts")
    .flatMap((f) => [...testImports(path.join(REPO, f))].filter((g) => REACHES_OUT.test(fs.readFileSync(g, "utf8"))).map((g) => `${f} via ${path.relative(REPO, g)}`));
  expect(offenders).toEqual([]);
});

test("the guard sees the sshd guest behind a suite's own helper", () => {
  const seen = [...testImports(path.join(REPO, "tests/lab/hostprep/bridged.test.ts"))].map((g) => path.relative(REPO, g));
  expect(seen).toContain("tests/lab/hostprep/guest.ts");
  expect(seen.some((g) => REACHES_OUT.test(fs.readFileSync(path.join(REPO, g), "utf8")))).toBe(true);
});

test("the guard sees an import of the CLI runner", () => {
  expect(REACHES_OUT.test(`import { CliStack } from "../support/pulumiCli";`)).toBe(true);
  expect(REACHES_OUT.test(`import { startGuest } from "../../support/guest";`)).toBe(true);
  expect(REACHES_OUT.test(`import { adminCloud } from "../support/cloud";`)).toBe(false);
});
