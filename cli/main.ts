/**
 * `npm run lab [-- <verb> [flags]]` (scripts/lab.js starts this after npm ci / build when needed): the whole lab
 * through the Pulumi Automation API. See USAGE in args.ts and the README's "npm run lab" section.
 */
import * as fs from "fs";
import * as path from "path";
import type { ConfigMap, EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { LabArgs, parseArgs, UsageError } from "./args";
import { runDoctor } from "./doctor/run";
import { formatResults } from "./doctor/print";
import { labPaths, LabPaths } from "./paths";
import { readDurations, recordDurations } from "./progress/durations";
import { PhaseTracker } from "./progress/phases";
import { liveProgress, plainProgress } from "./progress/render";
import { choosePulumiCli, CliChoice } from "./pulumiCli";
import { gatherReport, LAST_RUN_LOG } from "./report/gather";
import { renderReport } from "./report/render";
import { gatherSecrets, mask } from "./report/secrets";
import { ensureLabConfig, openStack, PROJECT } from "./stack";

const say = (line: string) => process.stdout.write(`${line}\n`);

interface Ctx {
  args: LabArgs;
  paths: LabPaths;
  cli: CliChoice;
  stack: Stack;
}

/** Everything the CLI printed for an operation goes to last-run.log (the report's tail), masked. */
function runLog(paths: LabPaths, verb: string): { write(s: string): void; secrets: string[] } {
  const file = path.join(paths.stateDir, LAST_RUN_LOG);
  fs.writeFileSync(file, `== npm run lab -- ${verb} at ${new Date().toISOString()}\n`);
  const log = { secrets: [] as string[], write: (s: string) => fs.appendFileSync(file, mask(s, log.secrets)) };
  return log;
}

function errorText(e: unknown, secrets: string[]): string {
  const msg = String((e as Error)?.message ?? e);
  // the Automation API's CommandError carries the whole CLI output: keep the lines that say what failed
  const lines = msg.split("\n").filter((l) => /error/i.test(l) && !/^\s*(at |err\?:)|update failed|\d+ errored/.test(l)).map((l) => l.trim());
  const unique = [...new Set(lines)];
  return mask((unique.length ? unique.slice(-8) : msg.split("\n").slice(-12)).join("\n"), secrets);
}

async function doctorStep(c: Ctx, config: ConfigMap, health: boolean): Promise<boolean> {
  const results = await runDoctor(c.stack, config, { health, onOutput: () => undefined });
  for (const l of formatResults(results)) say(l);
  return !results.some((r) => r.status === "fail");
}

async function up(c: Ctx): Promise<number> {
  const config = await ensureLabConfig(c.stack, c.paths, process.env, say);
  if (!c.args.noDoctor && !(await doctorStep(c, config, false))) {
    say("fix the problems above and run npm run lab again (npm run lab -- up --no-doctor runs anyway)");
    return 1;
  }
  const log = runLog(c.paths, "up");
  log.secrets = gatherSecrets({ config });
  const tracker = new PhaseTracker();
  const durations = readDurations(c.paths.durationsFile);
  const progress = process.stdout.isTTY ? liveProgress(tracker, durations) : plainProgress(tracker, durations, say);
  const diagnostics: string[] = [];
  const onEvent = (e: EngineEvent) => {
    const d = e.diagnosticEvent;
    if (d && (d.severity === "error" || d.severity === "warning") && !d.ephemeral) diagnostics.push(`${d.severity}: ${d.message.trim()}`);
    progress.onEvent(e);
  };
  say(`pulumi up: stack ${c.paths.stack}, state in ${c.paths.stateDir}`);
  try {
    const res = await c.stack.up({ onEvent, onOutput: log.write, color: "never", refresh: c.args.refresh });
    await progress.finish();
    recordDurations(c.paths.durationsFile, tracker.workDurations());
    say(`up: ${JSON.stringify(res.summary.resourceChanges ?? {})}`);
    for (const [k, o] of Object.entries(res.outputs)) say(`  ${k}: ${o.secret ? "[secret] (npm run lab -- outputs --show-secrets)" : JSON.stringify(o.value)}`);
    return 0;
  } catch (e) {
    const text = errorText(e, log.secrets);
    await progress.finish(text.split("\n")[0]);
    for (const d of diagnostics.slice(-10)) say(mask(d, log.secrets));
    say(`up failed:\n${text}`);
    say("npm run lab -- doctor checks the PC; npm run lab -- report writes a report to send (secrets masked)");
    return 1;
  }
}

async function preview(c: Ctx): Promise<number> {
  const config = await c.stack.getAllConfig();
  const log = runLog(c.paths, "preview");
  log.secrets = gatherSecrets({ config });
  try {
    const res = await c.stack.preview({
      refresh: c.args.refresh,
      color: "never",
      onOutput: (s) => {
        process.stdout.write(mask(s, log.secrets));
        log.write(s);
      },
    });
    say(`preview: ${JSON.stringify(res.changeSummary)}`);
    return 0;
  } catch (e) {
    say(`preview failed:\n${errorText(e, log.secrets)}`);
    return 1;
  }
}

async function streamed(c: Ctx, verb: "refresh" | "destroy"): Promise<number> {
  const config = await c.stack.getAllConfig();
  const log = runLog(c.paths, verb);
  log.secrets = gatherSecrets({ config });
  const onOutput = (s: string) => {
    process.stdout.write(mask(s, log.secrets));
    log.write(s);
  };
  try {
    const res = verb === "refresh" ? await c.stack.refresh({ onOutput, color: "never" }) : await c.stack.destroy({ onOutput, color: "never" });
    say(`${verb}: ${JSON.stringify(res.summary.resourceChanges ?? {})}`);
    return 0;
  } catch (e) {
    say(`${verb} failed:\n${errorText(e, log.secrets)}`);
    return 1;
  }
}

async function outputs(c: Ctx): Promise<number> {
  const outs = await c.stack.outputs();
  if (!Object.keys(outs).length) say("no outputs yet: npm run lab builds the lab");
  for (const [k, o] of Object.entries(outs)) {
    say(`${k}: ${o.secret && !c.args.showSecrets ? "[secret] (--show-secrets shows it)" : JSON.stringify(o.value, null, 2)}`);
  }
  return 0;
}

async function config(c: Ctx): Promise<number> {
  const [sub, key, value] = c.args.rest;
  if (sub === "set") {
    await c.stack.setConfig(`${PROJECT}:${key}`, { value: value!, secret: c.args.secret });
    say(`set ${key}${c.args.secret ? " (secret)" : ""}`);
  } else {
    const v = await c.stack.getConfig(`${PROJECT}:${key}`).catch(() => null);
    if (!v) return say(`${key} is not set`), 1;
    say(v.secret && !c.args.showSecrets ? "[secret]" : v.value);
  }
  return 0;
}

async function report(c: Ctx): Promise<number> {
  const cfg = await c.stack.getAllConfig();
  const results = await runDoctor(c.stack, cfg, { health: false });
  const { data, secrets } = await gatherReport(c.stack, c.cli, c.paths, cfg, results);
  const file = path.resolve(c.args.out ?? path.join(c.paths.stateDir, `lab-report-${data.createdAt.replace(/[:.]/g, "-")}.md`));
  fs.writeFileSync(file, renderReport(data, secrets));
  say(`report written to ${file}: please attach it to your bug report (secrets are masked; have a look before sending)`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args: LabArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return say(e.message), 2;
    throw e;
  }
  const paths = labPaths();
  const cli = await choosePulumiCli(paths.repoRoot);
  const stack = await openStack(paths, cli);
  const c: Ctx = { args, paths, cli, stack };
  switch (args.verb) {
    case "up":
      return up(c);
    case "preview":
      return preview(c);
    case "refresh":
    case "destroy":
      return streamed(c, args.verb);
    case "outputs":
      return outputs(c);
    case "config":
      return config(c);
    case "doctor":
      return (await doctorStep(c, await c.stack.getAllConfig(), true)) ? 0 : 1;
    case "report":
      return report(c);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`npm run lab: ${(e as Error)?.message ?? e}\n`);
      process.exit(1);
    },
  );
}
