/** Reading the stack: its resources (export), the secrets-shown export for masking, the CLI's version. */
import { execFile } from "child_process";
import * as path from "path";
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
