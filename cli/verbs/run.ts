/** The verbs that run the engine: up, preview, refresh and destroy, with progress, Ctrl-C and where the lab stands. */
import type { ConfigMap, EngineEvent } from "@pulumi/pulumi/automation";
import * as readline from "readline";
import { createJournal, readCreates } from "../recover";
import { runDoctor } from "../doctor/run";
import { formatResults } from "../doctor/print";
import { readDurations, recordDurations } from "../progress/durations";
import { PhaseTracker } from "../progress/phases";
import { liveProgress, plainProgress } from "../progress/render";
import { gatherSecrets, mask } from "../report/secrets";
import { ensureLabConfig } from "../stack";
import { causeHint, inLabWords } from "../words";
import { declared } from "../program";
import { Ctx, errorText, Interrupt, recovered, runLog, say, tail } from "./context";

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

export async function up(c: Ctx): Promise<number> {
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

export async function preview(c: Ctx): Promise<number> {
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

export async function streamed(c: Ctx, verb: "refresh" | "destroy"): Promise<number> {
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

