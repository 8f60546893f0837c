/**
 * Which Pulumi CLI the lab runs: LAB_PULUMI_CLI (a folder holding `pulumi`, put first on PATH), else the `pulumi`
 * on PATH, else the one in `<repo>/.pulumi-cli`, else the version the tests run (one place names it:
 * scripts/pulumi-cli/go.mod, which scripts/pulumi-cli.sh builds) installed by the Automation API's own installer into
 * `<repo>/.pulumi-cli` (a download on the user's PC, with progress; a clear error naming what to install when that
 * fails). `findPulumiCli` only looks (the doctor runs without a CLI).
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { findRepoRoot } from "./paths";

export interface CliChoice {
  cmd: PulumiCommand;
  /** Folder to put first on the CLI's PATH (its bundled plugins, pulumi-resource-pulumi-nodejs). */
  binDir?: string;
  source: "LAB_PULUMI_CLI" | "PATH" | "installed";
}

function exeNames(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== "win32") return ["pulumi"];
  const exts = (env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean);
  return exts.map((e) => `pulumi${e.toLowerCase()}`);
}

/** The folder on PATH holding a `pulumi` (pulumi.exe... on Windows), or undefined. */
export function findOnPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const sep = platform === "win32" ? ";" : ":";
  const names = exeNames(platform, env);
  for (const dir of (env.PATH ?? env.Path ?? "").split(sep).filter(Boolean)) {
    if (names.some((n) => isFile(path.join(dir, n)))) return dir;
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** PATH with `dir` first (the key as the platform spells it: Path on Windows). */
export function prependPath(env: NodeJS.ProcessEnv, dir: string, platform: NodeJS.Platform = process.platform): void {
  const key = platform === "win32" ? Object.keys(env).find((k) => k.toUpperCase() === "PATH") ?? "Path" : "PATH";
  env[key] = `${dir}${platform === "win32" ? ";" : ":"}${env[key] ?? ""}`;
}

export function sdkVersion(): string {
  return require("@pulumi/pulumi/package.json").version;
}

/** The CLI version the tests run: the pulumi/pkg/v3 version scripts/pulumi-cli/go.mod pins. */
export function pinnedCliVersion(repoRoot: string): string {
  const gomod = fs.readFileSync(path.join(repoRoot, "scripts", "pulumi-cli", "go.mod"), "utf8");
  const m = /github\.com\/pulumi\/pulumi\/pkg\/v3 v(\d+\.\d+\.\d+)/.exec(gomod);
  if (!m) throw new Error("scripts/pulumi-cli/go.mod names no github.com/pulumi/pulumi/pkg/v3 version");
  return m[1];
}

/** Where a CLI is, without installing one: LAB_PULUMI_CLI, PATH, then <repo>/.pulumi-cli/bin. */
export function findPulumiCli(repoRoot: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { dir: string; source: CliChoice["source"] } | { missing: string } {
  if (env.LAB_PULUMI_CLI) {
    const dir = path.resolve(env.LAB_PULUMI_CLI);
    return exeNames(platform, env).some((n) => isFile(path.join(dir, n))) ? { dir, source: "LAB_PULUMI_CLI" } : { missing: `LAB_PULUMI_CLI=${env.LAB_PULUMI_CLI} holds no pulumi executable` };
  }
  const onPath = findOnPath(env, platform);
  if (onPath) return { dir: onPath, source: "PATH" };
  const local = path.join(repoRoot, ".pulumi-cli", "bin");
  if (exeNames(platform, env).some((n) => isFile(path.join(local, n)))) return { dir: local, source: "installed" };
  return { missing: "no pulumi on PATH nor in .pulumi-cli" };
}

function folderMb(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try {
          total += fs.statSync(p).size;
        } catch {
          /* going */
        }
      }
    }
  };
  walk(dir);
  return Math.round(total / (1024 * 1024));
}

/** `install` is the Automation API's installer (a download on the user's PC); tests pass a stand-in. */
export async function choosePulumiCli(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  install: (opts: { root: string; skipVersionCheck: boolean; version?: unknown }) => Promise<PulumiCommand> = (o) => PulumiCommand.install(o as never),
  say: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<CliChoice> {
  const explicit = env.LAB_PULUMI_CLI;
  if (explicit) {
    const dir = path.resolve(explicit);
    if (!exeNames(platform, env).some((n) => isFile(path.join(dir, n)))) throw new Error(`LAB_PULUMI_CLI=${explicit} holds no pulumi executable`);
    prependPath(process.env, dir, platform);
    return { cmd: await PulumiCommand.get({ skipVersionCheck: true }), binDir: dir, source: "LAB_PULUMI_CLI" };
  }
  const onPath = findOnPath(env, platform);
  if (onPath) {
    // <root>/bin/pulumi (the official installers' layout) is run by its absolute path, with its plugins beside it
    const opts = path.basename(onPath) === "bin" ? { root: path.dirname(onPath), skipVersionCheck: true } : { skipVersionCheck: true };
    return { cmd: await PulumiCommand.get(opts), binDir: onPath, source: "PATH" };
  }
  const root = path.join(repoRoot, ".pulumi-cli");
  const local = path.join(root, "bin");
  if (exeNames(platform, env).some((n) => isFile(path.join(local, n)))) {
    return { cmd: await PulumiCommand.get({ root, skipVersionCheck: true }), binDir: local, source: "installed" };
  }
  const version = pinnedCliVersion(findRepoRoot(__dirname));
  say(`==> installing the Pulumi CLI v${version} into ${root} (once; a download of about 150 MB)`);
  const tick = setInterval(() => say(`    ... ${folderMb(root)} MB so far`), 10_000);
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const semver = require("semver");
    const cmd = await install({ root, skipVersionCheck: true, version: new semver.SemVer(version) });
    say(`==> Pulumi CLI v${version} installed`);
    return { cmd, binDir: path.dirname(cmd.command), source: "installed" };
  } catch (e) {
    throw new Error(
      `the Pulumi CLI is not on PATH and installing v${version} into ${root} failed (${String((e as Error).message).split("\n")[0]}): ` +
        `install the Pulumi CLI (https://www.pulumi.com/docs/install/; Windows: winget install pulumi), open a new terminal and run npm run lab again, ` +
        `or set LAB_PULUMI_CLI to the folder holding pulumi`,
    );
  } finally {
    clearInterval(tick);
  }
}
