/** The verbs about the stack itself: cancel a run, outputs, config, and the report to send. */
import * as fs from "fs";
import * as path from "path";
import type { LabArgs } from "../args";
import { checkValue, findKey, labKeys } from "../configKeys";
import { runDoctor } from "../doctor/run";
import { gatherReport } from "../report/gather";
import { renderReport } from "../report/render";
import { PROJECT } from "../stack";
import { sleep } from "../../provider/core/retry";
import { Ctx, say } from "./context";

export async function cancel(c: Ctx): Promise<number> {
  const { stackLocks } = await import("../recover");
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

export async function outputs(c: Ctx): Promise<number> {
  const outs = await c.stack.outputs();
  if (!Object.keys(outs).length) say("no outputs yet: npm run lab builds the lab");
  for (const [k, o] of Object.entries(outs)) {
    say(`${k}: ${o.secret && !c.args.showSecrets ? "[secret] (--show-secrets shows it)" : JSON.stringify(o.value, null, 2)}`);
  }
  return 0;
}

/** `config set` checked before the stack is opened: the key known, the value of its type, paths made absolute. */
export function checkedSet(args: LabArgs, mainFile: string): { key: string; value: string; secret: boolean; forced: boolean } | undefined {
  const [sub, key, value] = args.rest;
  if (sub !== "set") return undefined;
  const k = findKey(labKeys(mainFile), key!);
  return { key: k.key, value: checkValue(k, value!), secret: k.secret || args.secret, forced: k.secret && !args.secret };
}

export async function config(c: Ctx): Promise<number> {
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

export async function report(c: Ctx): Promise<number> {
  const cfg = await c.stack.getAllConfig();
  const results = await runDoctor(c.stack, cfg, { health: false });
  const { data, secrets } = await gatherReport(c.stack, c.cli, c.paths, cfg, results);
  const file = path.resolve(c.args.out ?? path.join(c.paths.stateDir, `lab-report-${data.createdAt.replace(/[:.]/g, "-")}.md`));
  fs.writeFileSync(file, renderReport(data, secrets));
  say(`report written to ${file}: please attach it to your bug report (secrets are masked; have a look before sending)`);
  return 0;
}

