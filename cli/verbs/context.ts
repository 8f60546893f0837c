/**
 * What every verb of `npm run lab` shares: the context (args, paths, CLI, stack), the run log (last-run.log, masked),
 * the error text a user reads, Ctrl-C handling, and the recovery of a killed run before a new one.
 */
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { LabArgs } from "../args";
import { recover } from "../recover";
import { locateVBoxManage } from "../../provider/virtualbox/vboxmanage/locate";
import type { LabPaths } from "../paths";
import type { CliChoice } from "../pulumiCli";
import { LAST_RUN_LOG } from "../report/gather";
import { mask } from "../report/secrets";
import { labSettings } from "../stack";
import { inLabWords } from "../words";

export const say = (line: string) => process.stdout.write(`${line}\n`);

export type Verb = (c: Ctx) => Promise<number>;

export interface Ctx {
  args: LabArgs;
  paths: LabPaths;
  cli: CliChoice;
  stack: Stack;
}

/** Everything the CLI printed for an operation goes to last-run.log (the report's tail), masked. */
export function runLog(paths: LabPaths, verb: string): { write(s: string): void; secrets: string[] } {
  const file = path.join(paths.stateDir, LAST_RUN_LOG);
  fs.writeFileSync(file, `== npm run lab -- ${verb} at ${new Date().toISOString()}\n`);
  const log = { secrets: [] as string[], write: (s: string) => fs.appendFileSync(file, mask(s, log.secrets)) };
  return log;
}

export function errorText(e: unknown, secrets: string[]): string {
  const msg = String((e as Error)?.message ?? e);
  // the Automation API's CommandError carries the whole CLI output: keep the lines that say what failed, once each
  const lines = msg.split("\n").filter((l) => /error/i.test(l) && !/^\s*(at |err\?:|code: |stdout: |stderr: )|update failed|\d+ errored|^\s*error: update canceled/.test(l)).map((l) => l.trim().replace(/^error:\s*/, ""));
  const unique = [...new Set(lines)].filter((l, _i, all) => !all.some((o) => o !== l && o.includes(l)));
  return inLabWords(mask((unique.length ? unique.slice(-6) : msg.split("\n").slice(-12)).join("\n"), secrets));
}

/** A long provider message: its first line (what failed) and its last lines (where logs end with the cause). */
export function tail(message: string, keep = 30): string {
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
export class Interrupt {
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

/** Before a run: a killed run's lock and pending steps resolved; false (with what to do) when another run holds it. */
export async function recovered(c: Ctx): Promise<boolean> {
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

