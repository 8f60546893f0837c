/**
 * Which Pulumi CLI the lab runs: LAB_PULUMI_CLI (a folder holding `pulumi`, put first on PATH), else the `pulumi`
 * on PATH, else the version matching @pulumi/pulumi installed by the Automation API's own installer into
 * `<repo>/.pulumi-cli` (a download on the user's PC; a clear error naming what to install when that fails).
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiCommand } from "@pulumi/pulumi/automation";

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

/** `install` is the Automation API's installer (a download on the user's PC); tests pass a stand-in. */
export async function choosePulumiCli(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  install: (opts: { root: string; skipVersionCheck: boolean }) => Promise<PulumiCommand> = (o) => PulumiCommand.install(o),
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
  try {
    const cmd = await install({ root, skipVersionCheck: true });
    return { cmd, binDir: path.dirname(cmd.command), source: "installed" };
  } catch (e) {
    throw new Error(
      `the Pulumi CLI is not on PATH and installing v${sdkVersion()} into ${root} failed (${String((e as Error).message).split("\n")[0]}): ` +
        `install the Pulumi CLI (https://www.pulumi.com/docs/install/; Windows: winget install pulumi), open a new terminal and run npm run lab again, ` +
        `or set LAB_PULUMI_CLI to the folder holding pulumi`,
    );
  }
}
