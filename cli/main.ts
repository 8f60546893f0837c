/**
 * `npm run lab [-- <verb> [flags]]` (scripts/lab.js starts this after npm ci / build when needed): the whole lab
 * through the Pulumi Automation API. See USAGE in args.ts and the README's "npm run lab" section.
 */
import * as fs from "fs";
import * as path from "path";
import type { ConfigMap, EngineEvent, Stack } from "@pulumi/pulumi/automation";
import * as readline from "readline";
import { LabArgs, parseArgs, USAGE, UsageError } from "./args";
import { checkValue, ConfigError, findKey, labKeys } from "./configKeys";
import { createJournal, readCreates, recover } from "./recover";
import { locateVBoxManage } from "../provider/virtualbox/vboxmanage/locate";
import { runDoctor } from "./doctor/run";
import { formatResults } from "./doctor/print";
import { labPaths, LabPaths } from "./paths";
import { readDurations, recordDurations } from "./progress/durations";
import { PhaseTracker } from "./progress/phases";
import { liveProgress, plainProgress } from "./progress/render";
import { choosePulumiCli, CliChoice, findPulumiCli, pinnedCliVersion } from "./pulumiCli";
import { readConfigFile, readStateFile, stackView } from "./stackState";
import { DEFAULT_SNAPSHOT, listSnapshots, restoreSnapshot, withDates } from "./restore";
import { runHostCommand } from "./hostCommand";
import type { CheckResult } from "./doctor/checks";
import { gatherReport, LAST_RUN_LOG } from "./report/gather";
import { renderReport } from "./report/render";
import { gatherSecrets, mask } from "./report/secrets";
import { ensureLabConfig, labSettings, openStack, PROJECT } from "./stack";
import { sleep } from "../provider/core/retry";
import { causeHint, inLabWords } from "./words";
import { declared } from "./program";

export { inLabWords };

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
  // the Automation API's CommandError carries the whole CLI output: keep the lines that say what failed, once each
  const lines = msg.split("\n").filter((l) => /error/i.test(l) && !/^\s*(at |err\?:|code: |stdout: |stderr: )|update failed|\d+ errored|^\s*error: update canceled/.test(l)).map((l) => l.trim().replace(/^error:\s*/, ""));
  const unique = [...new Set(lines)].filter((l, _i, all) => !all.some((o) => o !== l && o.includes(l)));
  return inLabWords(mask((unique.length ? unique.slice(-6) : msg.split("\n").slice(-12)).join("\n"), secrets));
}

/** A long provider message: its first line (what failed) and its last lines (where logs end with the cause). */
function tail(message: string, keep = 30): string {
  const lines = message.split("\n");
  return lines.length <= keep + 1 ? message : [lines[0], "...", ...lines.slice(-keep)].join("\n");
}

/**
 * Ctrl-C while the engine works: the terminal delivers SIGINT to the whole process group, the Pulumi CLI with it,
 * which then lets the operations in flight finish, saves the state and stops. The lab stays alive to wait for that
 * and to say where things are. When the CLI did not get the signal (the lab alone was signalled), the lab passes it
 * on (the Automation API's abort signal sends SIGINT to the CLI). A second Ctrl-C stops the CLI at once; the next
 * `npm run lab` picks up what that leaves (recover.ts).
 */
class Interrupt {
  readonly controller = new AbortController();
  count = 0;
  private cliSaw = false;
  private readonly handler = () => {
    this.count++;
    if (this.count === 1) {
      say("\nCtrl-C: stopping after the step in progress finishes (it is not cut off half way), then saving the state; Ctrl-C again stops at once");
      setTimeout(() => {
        if (!this.cliSaw && process.platform !== "win32") this.controller.abort();
      }, 3000).unref();
    } else say("\nCtrl-C again: stopping now; the next npm run lab clears what this leaves and carries on");
  };
  start(): this {
    process.on("SIGINT", this.handler);
    process.on("SIGTERM", this.handler);
    return this;
  }
  /** The CLI's own output: it says when it took the signal. */
  saw(s: string): void {
    if (/\^C received|cancel/i.test(s)) this.cliSaw = true;
  }
  stop(): void {
    process.off("SIGINT", this.handler);
    process.off("SIGTERM", this.handler);
  }
}

/**
 * Where the lab stands after a stopped or failed run, and what the next `npm run lab` does. A phase is done when its
 * resources that started finished and every resource of its types the program declared has finished in this run
 * (a run stopped after the network, before its subnet, has not finished the networks).
 */
async function whereNow(c: Ctx, tracker: PhaseTracker | undefined, finished: Set<string>): Promise<string> {
  const last = (t: string) => t.split(":").pop() ?? t;
  const complete = (p: PhaseTracker["phases"][number]) =>
    (p.status === "done" || p.status === "unchanged") && [...declared].every((k) => !p.def.types.includes(last(k.split("::")[0])) || finished.has(k));
  const done = tracker?.phases.filter(complete).map((p) => p.def.title) ?? [];
  const next = tracker?.phases.find((p) => !complete(p))?.def.title;
  return done.length
    ? `the lab is part-built: ${done.join(", ")} done${next ? `; ${next} not finished` : ""}. npm run lab carries on from there (nothing done is made again)`
    : `nothing of the lab was finished in this run. npm run lab starts again from where the state is`;
}

async function doctorStep(c: Ctx, config: ConfigMap, health: boolean): Promise<boolean> {
  const results = await runDoctor(c.stack, config, { health, onOutput: () => undefined, journal: readCreates(c.paths), onWait: (w) => say(`doctor: ${w}`) });
  for (const l of formatResults(results)) say(l);
  return !results.some((r) => r.status === "fail");
}

/** Before a run: a killed run's lock and pending steps resolved; false (with what to do) when another run holds it. */
async function recovered(c: Ctx): Promise<boolean> {
  const config = await c.stack.getAllConfig();
  let exe = "VBoxManage";
  try {
    exe = locateVBoxManage(labSettings(config).vboxManagePath);
  } catch {
    /* the doctor names it */
  }
  const r = await recover(c.stack, c.paths, exe, say);
  if (r.busy) {
    say(`another npm run lab is working on this lab (pid ${r.busy.pid ?? "?"}${r.busy.hostname ? ` on ${r.busy.hostname}` : ""}, since ${r.busy.timestamp ?? "?"}).`);
    say("wait for it to end, or stop it: Ctrl-C in its window, or npm run lab -- cancel here; then npm run lab again");
    return false;
  }
  return true;
}

async function up(c: Ctx): Promise<number> {
  const config = await ensureLabConfig(c.stack, c.paths, process.env, say);
  if (!c.args.noDoctor && !(await doctorStep(c, config, false))) {
    say("fix the problems above and run npm run lab again (npm run lab -- up --no-doctor runs anyway)");
    return 1;
  }
  if (!(await recovered(c))) return 1;
  const log = runLog(c.paths, "up");
  log.secrets = gatherSecrets({ config });
  const tracker = new PhaseTracker();
  const durations = readDurations(c.paths.durationsFile);
  const progress = process.stdout.isTTY ? liveProgress(tracker, durations) : plainProgress(tracker, durations, say);
  const diagnostics: string[] = [];
  const journal = createJournal(c.paths);
  const finished = new Set<string>();
  const onEvent = (e: EngineEvent) => {
    journal(e as never);
    const out = e.resOutputsEvent?.metadata;
    if (out) finished.add(`${out.type}::${out.urn.split("::").pop()}`);
    const d = e.diagnosticEvent;
    if (d && (d.severity === "error" || d.severity === "warning") && !d.ephemeral) diagnostics.push(`${d.severity}: ${d.message.trim()}`);
    progress.onEvent(e);
  };
  const stop = new Interrupt().start();
  say(`building the lab: stack ${c.paths.stack}, state in ${c.paths.stateDir}`);
  try {
    const res = await c.stack.up({
      onEvent,
      onOutput: (s) => {
        stop.saw(s);
        log.write(s);
      },
      color: "never",
      refresh: c.args.refresh,
      signal: stop.controller.signal,
    });
    await progress.finish();
    recordDurations(c.paths.durationsFile, tracker.workDurations());
    say(`up: ${JSON.stringify(res.summary.resourceChanges ?? {})}`);
    for (const [k, o] of Object.entries(res.outputs)) say(`  ${k}: ${o.secret ? "[secret] (npm run lab -- outputs --show-secrets)" : JSON.stringify(o.value)}`);
    return 0;
  } catch (e) {
    const text = errorText(e, log.secrets);
    if (stop.count) {
      await progress.finish("stopped (Ctrl-C)");
      say(`stopped: ${await whereNow(c, tracker, finished)}`);
      return 130;
    }
    // the cause once: the engine's error diagnostics carry the provider's whole message; the CLI's own text repeats it
    const errors = [...new Set(diagnostics.filter((d) => d.startsWith("error: ")).map((d) => d.slice(7).trim()))].filter((d) => !/^(update failed|update canceled)$|^\d+ errored/.test(d));
    const cause = errors.length ? inLabWords(mask(errors.map((d) => tail(d)).join("\n"), log.secrets)) : text;
    await progress.finish(cause.split("\n")[0].slice(0, 200));
    say(`up failed:\n${cause}`);
    const hint = causeHint(cause);
    if (hint) say(`what to do: ${hint}`);
    say(`${await whereNow(c, tracker, finished)} once the cause is fixed.`);
    say("npm run lab -- doctor checks the PC; npm run lab -- report writes a report to send (secrets masked)");
    return 1;
  } finally {
    stop.stop();
  }
}

async function preview(c: Ctx): Promise<number> {
  if (!(await recovered(c))) return 1;
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

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function streamed(c: Ctx, verb: "refresh" | "destroy"): Promise<number> {
  if (verb === "destroy" && !c.args.yes) {
    const q = `destroy removes the lab: the VM ${"with its disk and snapshots"}, the NAT Network and the lab's networks. Type yes to go on: `;
    if (!(await confirmed(q))) {
      say("destroy: nothing removed (npm run lab -- destroy --yes removes the lab without asking)");
      return 1;
    }
  }
  if (!(await recovered(c))) return 1;
  const config = await c.stack.getAllConfig();
  const log = runLog(c.paths, verb);
  log.secrets = gatherSecrets({ config });
  const stop = new Interrupt().start();
  const onOutput = (s: string) => {
    stop.saw(s);
    process.stdout.write(mask(s, log.secrets));
    log.write(s);
  };
  try {
    const res = verb === "refresh" ? await c.stack.refresh({ onOutput, color: "never", signal: stop.controller.signal }) : await c.stack.destroy({ onOutput, color: "never", signal: stop.controller.signal });
    say(`${verb}: ${JSON.stringify(res.summary.resourceChanges ?? {})}`);
    return 0;
  } catch (e) {
    if (stop.count) return say(`${verb} stopped (Ctrl-C): npm run lab -- ${verb} carries on`), 130;
    say(`${verb} failed:\n${errorText(e, log.secrets)}`);
    return 1;
  } finally {
    stop.stop();
  }
}

function vmOf(config: ConfigMap): { exe: string; vm: string; sshPort: number } {
  const settings = labSettings(config);
  return { exe: locateVBoxManage(settings.vboxManagePath), vm: config[`${PROJECT}:vmName`]?.value ?? "openstack-lab", sshPort: settings.ports.find((p) => p.name === "sshPort")!.port };
}

async function snapshots(c: Ctx): Promise<number> {
  const { exe, vm } = vmOf(await c.stack.getAllConfig());
  const list = withDates(await listSnapshots(exe, vm), await stackView(c.stack));
  if (!list.length) return say(`the VM ${vm} has no snapshots yet (npm run lab takes "${DEFAULT_SNAPSHOT}" once Packstack is installed)`), 0;
  for (const s of list) say(`${s.name}${s.current ? " (current)" : ""}  ${s.takenAt ? `taken ${s.takenAt}` : "taken outside the lab (no date recorded)"}${s.description ? `  ${s.description}` : ""}`);
  const hasDefault = list.some((s) => s.name === DEFAULT_SNAPSHOT);
  say(hasDefault ? `npm run lab -- restore goes back to ${DEFAULT_SNAPSHOT} (npm run lab -- restore NAME to another)` : "npm run lab -- restore NAME goes back to one of them");
  return 0;
}

async function restore(c: Ctx): Promise<number> {
  const name = c.args.rest[0] ?? DEFAULT_SNAPSHOT;
  if (!(await recovered(c))) return 1;
  const { exe, vm, sshPort } = vmOf(await c.stack.getAllConfig());
  const list = await listSnapshots(exe, vm).catch(() => []);
  if (!list.some((s) => s.name === name || s.uuid === name)) {
    say(`the VM ${vm} has no snapshot ${name}${list.length ? ` (it has: ${list.map((s) => s.name).join(", ")})` : ""}: npm run lab -- snapshots lists them`);
    return 1;
  }
  try {
    await restoreSnapshot(exe, vm, name, sshPort, say);
  } catch (e) {
    say(`restore failed: ${(e as Error).message}`);
    say("npm run lab -- restore tries again; npm run lab -- doctor checks the PC");
    return 1;
  }
  say(`restored ${name}; reconciling the rest (npm run lab -- up --refresh)`);
  return up({ ...c, args: { ...c.args, refresh: true, noDoctor: true } });
}

async function cancel(c: Ctx): Promise<number> {
  const { stackLocks } = await import("./recover");
  const locks = stackLocks(c.paths);
  if (!locks.length) return say("no run of the lab is going on (nothing to cancel)"), 0;
  for (const l of locks) {
    if (l.alive && l.pid && (!l.hostname || l.hostname === require("os").hostname())) {
      say(`asking the run (pid ${l.pid}) to stop after the step in progress`);
      try {
        process.kill(l.pid, "SIGINT");
      } catch {
        /* gone meanwhile */
      }
      for (let i = 0; i < 600 && fs.existsSync(l.file); i++) await sleep(1000);
      if (fs.existsSync(l.file)) return say(`it is still running after 10 minutes: close its window, then npm run lab picks up`), 1;
      say("it stopped. npm run lab carries on from where it stopped");
    } else {
      fs.rmSync(l.file, { force: true });
      say("cleared the lock a killed run left. npm run lab carries on");
    }
  }
  return 0;
}

async function outputs(c: Ctx): Promise<number> {
  const outs = await c.stack.outputs();
  if (!Object.keys(outs).length) say("no outputs yet: npm run lab builds the lab");
  for (const [k, o] of Object.entries(outs)) {
    say(`${k}: ${o.secret && !c.args.showSecrets ? "[secret] (--show-secrets shows it)" : JSON.stringify(o.value, null, 2)}`);
  }
  return 0;
}

/** `config set` checked before the stack is opened: the key known, the value of its type, paths made absolute. */
function checkedSet(args: LabArgs, mainFile: string): { key: string; value: string; secret: boolean; forced: boolean } | undefined {
  const [sub, key, value] = args.rest;
  if (sub !== "set") return undefined;
  const k = findKey(labKeys(mainFile), key!);
  return { key: k.key, value: checkValue(k, value!), secret: k.secret || args.secret, forced: k.secret && !args.secret };
}

async function config(c: Ctx): Promise<number> {
  const [sub, key] = c.args.rest;
  if (sub === "set") {
    const s = checkedSet(c.args, c.paths.mainFile)!;
    await c.stack.setConfig(`${PROJECT}:${s.key}`, { value: s.value, secret: s.secret });
    say(`set ${s.key}${s.secret ? ` (secret${s.forced ? `: ${s.key} is always kept as a secret` : ""})` : ` = ${s.value}`}`);
  } else if (sub === "rm") {
    const had = await c.stack.getConfig(`${PROJECT}:${key}`).catch(() => null);
    if (!had) return say(`${key} is not set (npm run lab -- config list shows what is)`), 1;
    await c.stack.removeConfig(`${PROJECT}:${key}`);
    say(`removed ${key} (the lab's default applies)`);
  } else if (sub === "list") {
    const all = await c.stack.getAllConfig();
    const keys = Object.keys(all).filter((k) => k.startsWith(`${PROJECT}:`)).sort();
    if (!keys.length) say("nothing set yet (npm run lab sets the SSH key and passwords on its first run)");
    for (const k of keys) say(`${k.slice(PROJECT.length + 1)} = ${all[k].secret && !c.args.showSecrets ? "[secret]" : all[k].value}`);
  } else {
    const v = await c.stack.getConfig(`${PROJECT}:${key}`).catch(() => null);
    if (!v) return say(`${key} is not set`), 1;
    say(v.secret && !c.args.showSecrets ? "[secret]" : v.value);
  }
  return 0;
}

/** The Pulumi CLI as one more check: found (its version), or what the first `up` does about it. */
async function cliCheck(paths: LabPaths): Promise<{ result: CheckResult; dir?: string }> {
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
async function doctorVerb(paths: LabPaths): Promise<number> {
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
    args = parseArgs(argv, process.env);
  } catch (e) {
    if (e instanceof UsageError) return say(e.message), 2;
    throw e;
  }
  if (args.verb === "help") return say(USAGE), 0;
  const paths = labPaths();
  try {
    checkedSet(args, paths.mainFile);
  } catch (e) {
    if (e instanceof ConfigError) return say(e.message), 2;
    throw e;
  }
  if (args.verb === "doctor") return doctorVerb(paths);
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
    case "cancel":
      return cancel(c);
    case "snapshots":
      return snapshots(c);
    case "restore":
      return restore(c);
    case "outputs":
      return outputs(c);
    case "config":
      return config(c);
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
