/**
 * Which Pulumi CLI `npm run lab` uses: LAB_PULUMI_CLI, else the pulumi on PATH, else the one the Automation API's
 * installer puts into <repo>/.pulumi-cli (the download itself is not tried here: the installer is stood in for,
 * and its failure must name what to install).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { choosePulumiCli, pinnedCliVersion } from "../../cli/pulumiCli";

let dir: string;
const saved = { ...process.env };
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "labcli pulumi "));
});
afterEach(() => {
  process.env = { ...saved };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A `pulumi` that answers `pulumi version` like the real one. */
function fakePulumi(folder: string, version: string): string {
  fs.mkdirSync(folder, { recursive: true });
  const exe = path.join(folder, "pulumi");
  fs.writeFileSync(exe, `#!/bin/sh\n[ "$1" = version ] && echo ${version}\n`, { mode: 0o755 });
  return exe;
}
const neverInstall = async () => {
  throw new Error("the installer must not run");
};

test("LAB_PULUMI_CLI wins, and goes first on PATH", async () => {
  const cliDir = path.join(dir, "built cli");
  fakePulumi(cliDir, "v3.274.1");
  const c = await choosePulumiCli(dir, { ...process.env, LAB_PULUMI_CLI: cliDir }, "linux", neverInstall);
  expect(c).toMatchObject({ source: "LAB_PULUMI_CLI", binDir: cliDir });
  expect(c.cmd.version?.toString()).toBe("3.274.1");
  expect(process.env.PATH!.split(":")[0]).toBe(cliDir);
});

test("LAB_PULUMI_CLI naming a folder without pulumi is an error naming it", async () => {
  await expect(choosePulumiCli(dir, { LAB_PULUMI_CLI: path.join(dir, "empty") }, "linux", neverInstall)).rejects.toThrow(/LAB_PULUMI_CLI=.*empty holds no pulumi/);
});

test("the pulumi on PATH (<root>/bin/pulumi) is used by its absolute path", async () => {
  const exe = fakePulumi(path.join(dir, "home", ".pulumi", "bin"), "v3.250.0");
  const c = await choosePulumiCli(dir, { PATH: `/usr/bin:${path.dirname(exe)}` }, "linux", neverInstall);
  expect(c).toMatchObject({ source: "PATH", binDir: path.dirname(exe) });
  expect(c.cmd.command).toBe(exe);
});

test("no pulumi anywhere: the installer is asked for <repo>/.pulumi-cli; its failure says what to install", async () => {
  const asked: string[] = [];
  const versions: string[] = [];
  const failing = async (o: { root: string; version?: unknown }) => {
    asked.push(o.root);
    versions.push(String((o.version as { version: string }).version));
    throw new Error("Failed to download https://get.pulumi.com/install.sh: fetch failed");
  };
  await expect(choosePulumiCli(dir, { PATH: "/usr/bin:/bin" }, "linux", failing)).rejects.toThrow(
    /the Pulumi CLI is not on PATH and installing v3\.\d+\.\d+ into .*\.pulumi-cli failed \(Failed to download .*\): install the Pulumi CLI \(https:\/\/www\.pulumi\.com\/docs\/install\/; Windows: winget install pulumi\).*LAB_PULUMI_CLI/,
  );
  expect(asked).toEqual([path.join(dir, ".pulumi-cli")]);
  // the version the tests run: what scripts/pulumi-cli/go.mod pins (scripts/pulumi-cli.sh builds it), not @pulumi/pulumi's
  const pinned = /github\.com\/pulumi\/pulumi\/pkg\/v3 v(\S+)/.exec(fs.readFileSync(path.join(__dirname, "..", "..", "scripts", "pulumi-cli", "go.mod"), "utf8"))![1];
  expect(versions).toEqual([pinned]);
  expect(pinnedCliVersion(path.join(__dirname, "..", ".."))).toBe(pinned);
});
