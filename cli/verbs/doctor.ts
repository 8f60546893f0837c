/** `doctor`: the PC's checks (with the Pulumi CLI as one more), and the lab's health once it is up. */
import * as path from "path";
import { runDoctor } from "../doctor/run";
import { formatResults } from "../doctor/print";
import type { CheckResult } from "../doctor/checks";
import type { LabPaths } from "../paths";
import { choosePulumiCli, findPulumiCli, pinnedCliVersion } from "../pulumiCli";
import { readCreates } from "../recover";
import { runHostCommand } from "../hostCommand";
import { openStack, PROJECT } from "../stack";
import { readConfigFile, readStateFile } from "../stackState";
import { say } from "./context";

/** The Pulumi CLI as one more check: found (its version), or what the first `up` does about it. */
export async function cliCheck(paths: LabPaths): Promise<{ result: CheckResult; dir?: string }> {
  const found = findPulumiCli(paths.repoRoot);
  const title = "Pulumi CLI";
  const version = pinnedCliVersion(paths.repoRoot);
  if ("missing" in found) {
    if (process.env.LAB_PULUMI_CLI) return { result: { id: "pulumi-cli", title, status: "fail", what: found.missing, why: "every step runs through it", fix: "point LAB_PULUMI_CLI at the folder holding pulumi, or unset it" } };
    return { result: { id: "pulumi-cli", title, status: "ok", what: `not installed yet: the first npm run lab installs v${version} into ${path.join(paths.repoRoot, ".pulumi-cli")} (a download; no account needed)` } };
  }
  const exe = path.join(found.dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
  const r = await runHostCommand(exe, ["version"], 30_000, { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" });
  if (!r.ok) return { dir: found.dir, result: { id: "pulumi-cli", title, status: "fail", what: `${exe} does not run: ${r.error}`, why: "every step runs through it", fix: "reinstall the Pulumi CLI (or delete .pulumi-cli so npm run lab installs it)" } };
  return { dir: found.dir, result: { id: "pulumi-cli", title, status: "ok", what: `${r.stdout.trim()} (${found.source}${r.stdout.trim() === `v${version}` ? "" : `; the lab is tested with v${version}`})` } };
}

/** `doctor`: every PC check with Node only; the lab's health (a refresh) once the lab is up and a CLI exists. */
export async function doctorVerb(paths: LabPaths): Promise<number> {
  const cli = await cliCheck(paths);
  let results: CheckResult[];
  if (cli.dir && cli.result.status === "ok") {
    const stack = await openStack(paths, await choosePulumiCli(paths.repoRoot));
    results = await runDoctor(stack, await stack.getAllConfig(), { health: true, onOutput: () => undefined, extra: [cli.result], journal: readCreates(paths), onWait: (w) => say(`doctor: ${w}`) });
  } else {
    results = await runDoctor(null, readConfigFile(paths), { health: false, view: readStateFile(paths, PROJECT), extra: [cli.result], journal: readCreates(paths), onWait: (w) => say(`doctor: ${w}`) });
  }
  for (const l of formatResults(results)) say(l);
  return results.some((r) => r.status === "fail") ? 1 : 0;
}

