/**
 * The one way a Pulumi stack is opened with the offline CLI settings, for the lab's CLI (stack.ts), the tests
 * (tests/support/pulumiCli.ts and tests/support/cli/child.ts) and the bench (bench/lib/pulumiStack.ts):
 * - the environment: no update check, no plugin download, no version check, the file backend (its URL built so any
 *   folder name works: paths.ts fileBackendUrl), the passphrase (itself or its file), PULUMI_HOME when given, and
 *   folders put first on PATH (under the name the environment spells it: Path on Windows), and NODE_COMPILE_CACHE
 *   when given (the dynamic-provider plugin's node then compiles @pulumi/pulumi and this library from that cache
 *   after the first command; provider/controllers.ts writes it, as the engine ends the plugin with a signal);
 * - the work folder: the project's Pulumi.yaml (when given) and a link to the repository's node_modules (the
 *   dynamic-provider plugin runs there and finds @pulumi/pulumi and this library through it; a junction on Windows);
 * - the stack: created or selected with the program inline, and config set when given.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as automation from "@pulumi/pulumi/automation";
import { fileBackendUrl } from "./paths";

/** What keeps the CLI from reaching the network or asking anything of its own. */
export const OFFLINE_CLI_ENV = {
  PULUMI_SKIP_UPDATE_CHECK: "true",
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
} as const;

export interface WorkspaceEnvOptions {
  /** The file backend's folder. */
  stateDir: string;
  /** The passphrase itself (tests, bench)... */
  passphrase?: string;
  /** ... or the file holding it, used unless `env` has a passphrase of its own (the lab). */
  passphraseFile?: string;
  /** PULUMI_HOME (plugins, credentials) of its own. */
  home?: string;
  /** NODE_COMPILE_CACHE for the processes the CLI starts (the plugin), unless `env` names a folder of its own. */
  compileCache?: string;
  /** PULUMI_SKIP_CONFIRMATIONS. */
  skipConfirmations?: boolean;
  /** Folders put first on PATH (the CLI's, the node the plugin runs on), unless PATH already starts with them. */
  pathFirst?: string[];
  /** The environment the PATH and passphrase are judged against. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** The environment of every CLI process: quiet, offline, the local backend and the passphrase. */
export function workspaceEnv(o: WorkspaceEnvOptions): Record<string, string> {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const out: Record<string, string> = { ...OFFLINE_CLI_ENV };
  if (o.skipConfirmations) out.PULUMI_SKIP_CONFIRMATIONS = "true";
  if (o.home) out.PULUMI_HOME = o.home;
  if (o.compileCache && !env.NODE_COMPILE_CACHE) out.NODE_COMPILE_CACHE = o.compileCache;
  out.PULUMI_BACKEND_URL = fileBackendUrl(o.stateDir, platform);
  if (o.passphrase !== undefined) out.PULUMI_CONFIG_PASSPHRASE = o.passphrase;
  else if (o.passphraseFile && !env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE) out.PULUMI_CONFIG_PASSPHRASE_FILE = o.passphraseFile;
  const first = (o.pathFirst ?? []).filter(Boolean);
  if (first.length) {
    // Windows spells it Path: set the name the environment already has, never a second one
    const key = Object.keys(env).find((k) => k.toUpperCase() === "PATH") ?? "PATH";
    const sep = platform === "win32" ? ";" : ":";
    const current = env[key] ?? "";
    const head = current.split(sep).slice(0, first.length);
    out[key] = first.every((d, i) => head[i] === d) ? current : [...first, current].join(sep);
  }
  return out;
}

/**
 * The folder the CLI works in, made ready: created, `pulumiYaml` (the project file's text) written when it differs,
 * the repository's node_modules linked in when no link is there. Returns the folder.
 */
export function prepareWorkDir(dir: string, repoRoot: string, pulumiYaml?: string): string {
  fs.mkdirSync(dir, { recursive: true });
  if (pulumiYaml !== undefined) {
    const target = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== pulumiYaml) fs.writeFileSync(target, pulumiYaml);
  }
  const link = path.join(dir, "node_modules");
  let exists = true;
  try {
    fs.lstatSync(link);
  } catch {
    exists = false;
  }
  if (!exists) fs.symlinkSync(path.join(repoRoot, "node_modules"), link, process.platform === "win32" ? "junction" : "dir");
  return dir;
}

/** A throw-away workspace (tests, bench): `<tmp>/<prefix>XXXX` with project/, state/ (unless given) and home/. */
export interface TempWorkspace {
  root: string;
  workDir: string;
  stateDir: string;
  home: string;
}

export function tempWorkspace(prefix: string, o: { stateDir?: string; workDir?: string } = {}): TempWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ws = { root, workDir: o.workDir ?? path.join(root, "project"), stateDir: o.stateDir ?? path.join(root, "state"), home: path.join(root, "pulumi-home") };
  for (const d of [ws.workDir, ws.stateDir, ws.home]) fs.mkdirSync(d, { recursive: true });
  return ws;
}

export interface OpenOptions {
  stackName: string;
  projectName: string;
  program: automation.PulumiFn;
  workDir: string;
  pulumiCommand: automation.PulumiCommand;
  envVars: Record<string, string>;
  projectSettings?: automation.ProjectSettings;
  /** Config set on the stack once open (`secret` ones encrypted). */
  config?: automation.ConfigMap;
  /** The Automation API to use (the bench passes the one of the checkout it measures). Default: this package's. */
  auto?: typeof automation;
}

export async function openWorkspaceStack(o: OpenOptions): Promise<automation.Stack> {
  const auto: typeof automation = o.auto ?? require("@pulumi/pulumi/automation");
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    { stackName: o.stackName, projectName: o.projectName, program: o.program },
    { workDir: o.workDir, pulumiCommand: o.pulumiCommand, envVars: o.envVars, ...(o.projectSettings ? { projectSettings: o.projectSettings } : {}) },
  );
  if (o.config && Object.keys(o.config).length) await stack.setAllConfig(o.config);
  return stack;
}
