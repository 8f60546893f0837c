/** Reading the stack: its resources (export), the secrets-shown export for masking, the CLI's version. */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { Stack } from "@pulumi/pulumi/automation";
import type { CliChoice } from "./pulumiCli";
import { cliEnv } from "./stack";
import type { LabPaths } from "./paths";

export interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export async function stackResources(stack: Stack): Promise<StateResource[]> {
  const d = await stack.exportStack();
  return ((d.deployment?.resources ?? []) as StateResource[]).filter((r) => !r.type.startsWith("pulumi:"));
}

/** What the state holds, pending creates included (a killed run's objects are the lab's too). */
export interface StateView {
  resources: StateResource[];
  pending: StateResource[];
}

export function viewOf(deployment: { resources?: unknown[]; pending_operations?: { resource: unknown }[] } | undefined): StateView {
  const real = (rs: StateResource[]) => rs.filter((r) => r && typeof r.type === "string" && !r.type.startsWith("pulumi:"));
  return { resources: real((deployment?.resources ?? []) as StateResource[]), pending: real((deployment?.pending_operations ?? []).map((p) => p.resource as StateResource)) };
}

export async function stackView(stack: Stack): Promise<StateView> {
  return viewOf((await stack.exportStack()).deployment);
}

/**
 * The state straight from the file backend, with Node only (the doctor runs before any Pulumi CLI exists):
 * `<state>/.pulumi/stacks/<project>/<stack>.json` (or `.json.gz`), the layout of the CLI's diy backend.
 */
export function readStateFile(paths: LabPaths, project: string): StateView {
  const base = path.join(paths.stateDir, ".pulumi", "stacks", project, paths.stack);
  for (const [file, gz] of [[`${base}.json`, false], [`${base}.json.gz`, true]] as const) {
    if (!fs.existsSync(file)) continue;
    try {
      const raw = fs.readFileSync(file);
      const j = JSON.parse((gz ? zlib.gunzipSync(raw) : raw).toString("utf8"));
      return viewOf(j.checkpoint?.latest);
    } catch {
      /* unreadable: as if empty */
    }
  }
  return { resources: [], pending: [] };
}

/** The stack's config straight from `<state>/project/Pulumi.<stack>.yaml` (secret values left out). */
export function readConfigFile(paths: LabPaths): Record<string, { value: string; secret?: boolean }> {
  const file = path.join(paths.stateDir, "project", `Pulumi.${paths.stack}.yaml`);
  if (!fs.existsSync(file)) return {};
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const doc = require("yaml").parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null;
  const out: Record<string, { value: string; secret?: boolean }> = {};
  for (const [k, v] of Object.entries(doc?.config ?? {})) {
    if (v && typeof v === "object" && "secure" in (v as object)) out[k] = { value: "", secret: true };
    else out[k] = { value: typeof v === "string" ? v : JSON.stringify(v) };
  }
  return out;
}

export const nameOf = (urn: string) => urn.split("::").pop() ?? urn;
export const typeOf = (type: string) => type.split(":").pop() ?? type;

export function findByType(resources: StateResource[], typeName: string): StateResource | undefined {
  return resources.find((r) => typeOf(r.type) === typeName);
}

/** `pulumi stack export --show-secrets` (the report collects the secrets to mask from it; never printed). */
export function exportWithSecrets(paths: LabPaths, cli: CliChoice): Promise<unknown> {
  return new Promise((resolve) => {
    execFile(cli.cmd.command, ["stack", "export", "--show-secrets", "--stack", paths.stack, "--non-interactive"], { cwd: path.join(paths.stateDir, "project"), env: { ...process.env, ...cliEnv(paths, cli) }, maxBuffer: 256 * 1024 * 1024, shell: false, windowsHide: true }, (err, stdout) => {
      try {
        resolve(err ? null : JSON.parse(stdout));
      } catch {
        resolve(null);
      }
    });
  });
}
