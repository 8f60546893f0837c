/**
 * The lab's stack through the Automation API: the file backend in the state folder, the passphrase file, stack
 * `lab`, the root project with its program inline; and the config it needs generated once (SSH key, passwords).
 */
import * as fs from "fs";
import * as path from "path";
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { absolutePath } from "./configKeys";
import { ensureKeyPair, ensurePassphraseFile, randomPassword } from "./generate";
import { LabPaths } from "./paths";
import { labProgram } from "./program";
import { CliChoice } from "./pulumiCli";
import { openWorkspaceStack, prepareWorkDir, workspaceEnv } from "./workspace";
import type { LabSettings } from "./doctor/checks";
import { FORWARDS, SEED } from "../sdk/lab/defaults";

export const PROJECT = "pulumi-openstack-lab";

/**
 * The environment of every CLI process: quiet, offline-safe, the local backend and the passphrase (workspace.ts),
 * and Node's compile cache for the provider plugin in `<state>/node-compile-cache`.
 */
export function cliEnv(paths: LabPaths, cli: Pick<CliChoice, "binDir">, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const compileCache = (platform === "win32" ? path.win32 : path.posix).join(paths.stateDir, "node-compile-cache");
  return workspaceEnv({ stateDir: paths.stateDir, passphraseFile: paths.passphraseFile, compileCache, pathFirst: cli.binDir ? [cli.binDir] : [], env, platform });
}

/**
 * The project folder the CLI works in: `<state>/project` with the root Pulumi.yaml and a link to the repository's
 * node_modules (workspace.ts prepareWorkDir). The stack's config file Pulumi.<stack>.yaml lands there too, beside
 * the state, never in the repository.
 */
export function ensureProjectDir(paths: LabPaths): string {
  const yaml = fs.readFileSync(path.join(paths.repoRoot, "Pulumi.yaml"), "utf8").replace(/^main:.*$/m, `main: ${JSON.stringify(paths.mainFile)}`);
  return prepareWorkDir(path.join(paths.stateDir, "project"), paths.repoRoot, yaml);
}

export async function openStack(paths: LabPaths, cli: CliChoice): Promise<Stack> {
  fs.mkdirSync(paths.stateDir, { recursive: true });
  ensurePassphraseFile(paths.passphraseFile);
  return openWorkspaceStack({
    stackName: paths.stack,
    projectName: PROJECT,
    program: labProgram(paths.mainFile, paths.repoRoot),
    workDir: ensureProjectDir(paths),
    pulumiCommand: cli.cmd,
    envVars: cliEnv(paths, cli),
  });
}

const key = (k: string) => `${PROJECT}:${k}`;

/** What `up` needs in config, added when missing (never changed once there): key, passwords, LAB_ISO. */
export async function ensureLabConfig(stack: Stack, paths: LabPaths, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ConfigMap> {
  const config = await stack.getAllConfig();
  const set: ConfigMap = {};
  if (!config[key("sshPrivateKeyPath")]) {
    if (ensureKeyPair(paths.keyPath)) log(`created the lab's SSH key ${paths.keyPath} (ed25519)`);
    set[key("sshPrivateKeyPath")] = { value: paths.keyPath };
  }
  for (const k of ["rootPassword", "adminPassword"]) {
    if (!config[key(k)]) {
      set[key(k)] = { value: randomPassword(), secret: true };
      log(`generated ${k} (kept as a stack secret: npm run lab -- outputs --show-secrets shows the cloud login)`);
    }
  }
  // LAB_ISO as typed: relative to the folder the user typed `npm run lab` in, stored absolute
  const iso = env.LAB_ISO ? absolutePath(env.LAB_ISO, env) : undefined;
  if (iso && config[key("installerIso")]?.value !== iso) set[key("installerIso")] = { value: iso };
  if (Object.keys(set).length) await stack.setAllConfig(set);
  return { ...config, ...set };
}

/** The settings doctor judges the PC by: stack config, the program's defaults (examples/whole-lab/README.md). */
export function labSettings(config: ConfigMap, env: NodeJS.ProcessEnv = process.env): LabSettings & { vboxManagePath?: string } {
  const get = (k: string) => config[key(k)]?.value;
  const num = (k: string, d: number) => (get(k) !== undefined && get(k) !== "" ? Number(get(k)) : d);
  return {
    memoryMb: num("memoryMb", SEED.memoryMb),
    diskSizeMb: num("diskSizeMb", SEED.diskSizeMb),
    ports: FORWARDS.map((f) => ({ name: f.key, port: num(f.key, f.hostPort), what: f.what })),
    natNetworkName: get("natNetworkName") ?? SEED.natNetworkName,
    cidr: get("cidr") ?? SEED.cidr,
    vmName: get("vmName") ?? SEED.vmName,
    installerIso: env.LAB_ISO ? absolutePath(env.LAB_ISO, env) : get("installerIso"),
    isoSha256: env.LAB_ISO_SHA256 || get("installerIsoSha256"),
    vboxManagePath: get("vboxManagePath"),
  };
}
