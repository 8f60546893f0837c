/**
 * The library in a user's own project, outside this repository: `npm pack` (which runs the package's `prepare`,
 * the build) makes the tarball; its file list must be what users need and nothing else; a new TypeScript project
 * (its own package.json, a strict tsconfig, Pulumi.yaml) installs it from the tarball with npm, and its program, the
 * README's "Use it in your own stack" example (the seed's networks), runs through the real Pulumi CLI and the
 * Node.js language host stand-in (tests/support/language-host): `pulumi up`, `preview --refresh`, `destroy`,
 * against the real test cloud, credentials from the OS_* variables.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cloudCli, removeSeedObjects, seedRules } from "../lab/support/labWorld";
import { adminCloud, cliEnv } from "../support/cloud";
import { describe as account, REPO, ReadmeRun, runReadme } from "../docs/readme";

jest.setTimeout(600_000);

const root = fs.mkdtempSync(path.join(os.tmpdir(), "outside-project-"));
const project = path.join(root, "my-lab");
let packed: { filename: string; files: Array<{ path: string }> };
let run: ReadmeRun;
let afterUp: { network: any; subnet: any; rules: any[] };

/** The first ```ts block of the README's "Use it in your own stack" section: what a user copies. */
function readmeExample(): string {
  const md = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = md.slice(md.indexOf("## Use it in your own stack"));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md: no ```ts block in "Use it in your own stack"');
  return m[1];
}

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` }, stdio: ["ignore", "pipe", "pipe"] });

beforeAll(async () => {
  // `npm pack` runs `prepare` (tsc) and packs what `files` names
  packed = JSON.parse(npm(["pack", "--json", "--pack-destination", root], REPO))[0];

  fs.mkdirSync(project);
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")).packages;
  const v = (name: string) => lock[`node_modules/${name}`].version;
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "my-lab", version: "1.0.0", private: true }, null, 2));
  fs.writeFileSync(
    path.join(project, "tsconfig.json"),
    // strict, the library's and the SDK's declarations checked too (skipLibCheck off); node16 modules, as TypeScript 6 wants
    JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "node16", moduleResolution: "node16", esModuleInterop: true, skipLibCheck: false, types: ["node"] } }, null, 2),
  );
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: my-lab\nruntime: nodejs\nmain: index.ts\n");
  fs.writeFileSync(path.join(project, "index.ts"), readmeExample());
  // the same versions as this repository's lock file, so npm's cache has them
  npm(
    ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(root, packed.filename), `@pulumi/pulumi@${v("@pulumi/pulumi")}`, `typescript@${v("typescript")}`, `ts-node@${v("ts-node")}`, `@types/node@${v("@types/node")}`],
    project,
  );

  removeSeedObjects();
  const { PATH: _p, HOME: _h, ...osVars } = cliEnv(adminCloud());
  run = await runReadme(
    {
      bash: [
        `cd ${project}`,
        "export PULUMI_BACKEND_URL=file://.",
        "export PULUMI_CONFIG_PASSPHRASE=lab",
        "pulumi stack init dev",
        "pulumi up",
        "pulumi preview --refresh",
        "pulumi destroy",
      ],
      powershell: [],
    },
    osVars as Record<string, string>,
    {
      "pulumi up": () => {
        afterUp = {
          network: cloudCli.exists("network", "show", "external_network") ? cloudCli.json("network", "show", "external_network") : null,
          subnet: cloudCli.exists("subnet", "show", "public_subnet") ? cloudCli.json("subnet", "show", "public_subnet") : null,
          rules: seedRules(),
        };
      },
    },
  );
});

afterAll(() => {
  removeSeedObjects();
  fs.rmSync(root, { recursive: true, force: true });
});

test("npm pack: the compiled library, its types and the install script; no sources, tests, examples or lab CLI", () => {
  const files = packed.files.map((f) => f.path).sort();
  expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "bin/index.js", "bin/index.d.ts", "scripts/link-self.js", "bin/sdk/openstack/index.js", "bin/provider/openstack/network/controller.js", "bin/provider/lab/packstack/zedOptionTable.json"]));
  const unexpected = files.filter(
    (f) => !["package.json", "README.md", "scripts/link-self.js"].includes(f) && !/^bin\/(index|provider\/.*|sdk\/.*)\.(js|d\.ts)$/.test(f) && !/^bin\/provider\/.*\.json$/.test(f), // the data the library reads
  );
  expect(unexpected).toEqual([]);
  expect(files.filter((f) => f.startsWith("bin/cli/") || f.endsWith(".map"))).toEqual([]);
});

test("the README's install lines name the tarball `npm pack` makes, and the SDK", () => {
  const md = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = md.slice(md.indexOf("## Use it in your own stack"));
  const lines = /```sh\n([\s\S]*?)```/.exec(section)![1].split("\n").map((l) => l.replace(/\s+#.*$/, "").trim());
  expect(lines).toContain(`npm install ./${packed.filename}`);
  expect(lines).toContain("npm install @pulumi/pulumi typescript ts-node");
});

test("installed from the tarball into a strict TypeScript project: the package resolves with its types", () => {
  const installed = path.join(project, "node_modules", "pulumi-openstack-lab");
  expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false); // a copy, not a link to this repository
  expect(fs.existsSync(path.join(installed, "bin", "index.d.ts"))).toBe(true);
  // tsc with the project's strict settings accepts the README's program
  let errors = "";
  try {
    execFileSync(process.execPath, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", project], { cwd: project, encoding: "utf8" });
  } catch (e: any) {
    errors = `${e.stdout}${e.stderr}`;
  }
  expect(errors).toBe("");
});

test("pulumi up / preview --refresh / destroy of the seed's networks from the project's folder", () => {
  expect({ ok: run.ok, account: run.ok ? "" : account(run) }).toEqual({ ok: true, account: "" });
  expect(run.output("pulumi up")).toMatch(/5 created/);
  expect(afterUp.network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });
  expect(afterUp.subnet).toMatchObject({ cidr: "10.0.2.0/24", gateway_ip: "10.0.2.1", enable_dhcp: false, allocation_pools: [{ start: "10.0.2.100", end: "10.0.2.200" }] });
  expect(afterUp.rules).toHaveLength(2);
  expect(run.output("pulumi preview --refresh")).toMatch(/5 unchanged/);
  expect(run.output("pulumi destroy")).toMatch(/5 deleted/);
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(seedRules()).toEqual([]);
});
