/**
 * scripts/lab.js, the dependency-free bootstrap of `npm run lab`, in a throwaway copy of a repository: on a fresh
 * clone it runs `npm ci` (npm through node + npm-cli.js, no shell) and `npm run build`, then the entry with the
 * arguments whole; the next run does neither; a source newer than bin/ builds again.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { npmCommand } = require("../../scripts/lab.js");

jest.setTimeout(120_000);

let repo: string;
beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), "labcli fresh clone "));
  const w = (f: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
    fs.writeFileSync(path.join(repo, f), text);
  };
  fs.copyFileSync(path.resolve(__dirname, "../../scripts/lab.js"), (fs.mkdirSync(path.join(repo, "scripts")), path.join(repo, "scripts", "lab.js")));
  w("fake-pulumi/package.json", JSON.stringify({ name: "@pulumi/pulumi", version: "0.0.0" }));
  w("package.json", JSON.stringify({ name: "fresh", version: "1.0.0", scripts: { build: "node build.js" }, dependencies: { "@pulumi/pulumi": "file:./fake-pulumi" } }));
  // the build: bin/index.js and an entry that prints what it got
  w("build.js", `const fs=require("fs");fs.mkdirSync("bin/cli",{recursive:true});fs.writeFileSync("bin/index.js","");fs.writeFileSync("bin/cli/main.js","console.log('entry:'+JSON.stringify(process.argv.slice(2)))");console.log("built");`);
  w("cli/main.ts", "export {};\n");
  const [npm, npmArgs] = npmCommand();
  const lock = spawnSync(npm, [...npmArgs, "install", "--package-lock-only", "--ignore-scripts", "--offline"], { cwd: repo, encoding: "utf8" });
  expect(lock.status).toBe(0);
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

const lab = (...args: string[]) => spawnSync(process.execPath, [path.join(repo, "scripts", "lab.js"), ...args], { cwd: repo, encoding: "utf8", shell: false, env: { ...process.env, npm_config_offline: "true" } });

test("fresh clone: npm ci, build, then the entry with every argument whole", () => {
  const r = lab("config", "set", "installerIso", "C:\\Users\\First Last\\a&b.iso");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("==> installing npm packages (npm ci: node_modules is missing)");
  expect(fs.existsSync(path.join(repo, "node_modules", "@pulumi", "pulumi", "package.json"))).toBe(true);
  expect(r.stdout).toContain("==> building the library (npm run build)");
  expect(r.stdout).toContain(`entry:${JSON.stringify(["config", "set", "installerIso", "C:\\Users\\First Last\\a&b.iso"])}`);
});

test("the next run neither installs nor builds; a changed source builds again", () => {
  const again = lab("doctor");
  expect(again.stdout).not.toContain("==>");
  expect(again.stdout).toContain('entry:["doctor"]');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(repo, "cli", "main.ts"), later, later);
  const rebuilt = lab();
  expect(rebuilt.stdout).toContain("==> building the library (npm run build)");
  expect(rebuilt.stdout).not.toContain("npm ci");
  expect(rebuilt.stdout).toContain("entry:[]");
});

test("after a git pull that changed package-lock.json, npm run lab installs again (then not)", () => {
  const now = new Date(); // git writes the pulled file now: later than the last install
  fs.utimesSync(path.join(repo, "package-lock.json"), now, now);
  const pulled = lab("doctor");
  expect(pulled.stdout).toContain("==> installing npm packages (npm ci: package-lock.json is newer than node_modules (a git pull?))");
  expect(pulled.stdout).toContain('entry:["doctor"]');
  expect(lab("doctor").stdout).not.toContain("npm ci");
});

test("the entry's exit code is npm run lab's", () => {
  fs.writeFileSync(path.join(repo, "bin", "cli", "main.js"), "process.exit(3)");
  const later = new Date(Date.now() + 10_000);
  fs.utimesSync(path.join(repo, "bin", "cli", "main.js"), later, later);
  fs.utimesSync(path.join(repo, "bin", "index.js"), later, later);
  expect(lab().status).toBe(3);
});
