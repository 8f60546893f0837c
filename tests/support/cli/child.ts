/**
 * One Pulumi CLI command over a program folder, in a process of its own (as `pulumi <command>` is one process for
 * the user): the real CLI, with the program run as an Automation API inline program (the CLI gets `--client`, so
 * no Node language host is needed; it is not served by the Go module proxy here). The program is the folder's
 * Pulumi.yaml `main`, loaded with ts-node like the language host loads it; its exports are the stack outputs.
 *
 *   node -r ts-node/register/transpile-only tests/support/cli/child.ts <request.json>
 *
 * The CLI's output is copied to this process's stdout as it comes (the parent watches it), the engine events and
 * the result go to the request's resultFile. Optionally interrupts the CLI (SIGINT, as Ctrl-C does) once a line of
 * its output matches.
 */
import * as fs from "fs";
import * as path from "path";
import { ConfigMap, EngineEvent, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { labProgram } from "../../../cli/program";
import { openWorkspaceStack } from "../../../cli/workspace";
import type { CliRequest, CliResult } from "./types";

const REPO = path.resolve(__dirname, "..", "..", "..");

async function main() {
  const req: CliRequest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const events: EngineEvent[] = [];
  let stdout = "";
  const result: CliResult = { ok: false, error: null, stdout: "", events, summary: {}, outputs: {}, interrupted: null, orphans: [] };
  const save = () => {
    result.stdout = stdout;
    fs.writeFileSync(req.resultFile, JSON.stringify(result));
  };

  const abort = new AbortController();
  const onOutput = (text: string) => {
    stdout += text;
    process.stdout.write(text);
    const i = req.interrupt;
    if (i && !result.interrupted && new RegExp(i.whenOutputMatches).test(stdout)) {
      result.interrupted = "SIGINT";
      abort.abort(); // the Automation API sends the CLI SIGINT, as Ctrl-C does
    }
  };

  try {
    const stack = await openStack(req);
    const common = { onOutput, onEvent: (e: EngineEvent) => events.push(e), signal: abort.signal, color: "never" as const };
    const f = req.flags ?? {};
    switch (req.command) {
      case "up": {
        const r = await stack.up({ ...common, refresh: f.refresh, diff: f.diff, expectNoChanges: f.expectNoChanges });
        result.summary = r.summary.resourceChanges ?? {};
        break;
      }
      case "preview": {
        const r = await stack.preview({ ...common, refresh: f.refresh, diff: f.diff, expectNoChanges: f.expectNoChanges });
        result.summary = r.changeSummary ?? {};
        break;
      }
      case "refresh": {
        const r = await stack.refresh({ ...common, clearPendingCreates: f.clearPendingCreates, expectNoChanges: f.expectNoChanges });
        result.summary = r.summary.resourceChanges ?? {};
        break;
      }
      case "cancel": {
        await stack.cancel(); // removes the lock a killed CLI left
        break;
      }
      case "destroy": {
        const r = await stack.destroy({ ...common });
        result.summary = r.summary.resourceChanges ?? {};
        break;
      }
    }
    result.outputs = await stack.outputs();
    result.ok = true;
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  save();
}

async function openStack(req: CliRequest): Promise<Stack> {
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(req.cliDir), skipVersionCheck: true });
  const config: ConfigMap = {};
  for (const [k, value] of Object.entries(req.config ?? {})) config[k] = { value };
  for (const [k, value] of Object.entries(req.secretConfig ?? {})) config[k] = { value, secret: true };
  // the same inline program `npm run lab` runs (cli/program.ts): the main file through ts-node, its exports the outputs
  return openWorkspaceStack({ stackName: req.stack, projectName: req.projectName, program: labProgram(req.programMain, REPO), workDir: req.workDir, pulumiCommand, envVars: req.env, config });
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
