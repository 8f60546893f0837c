/**
 * `npm run lab [-- <verb> [flags]]` (scripts/lab.js starts this after npm ci / build when needed): the whole lab
 * through the Pulumi Automation API. See USAGE in args.ts and the README's "npm run lab" section. Each verb lives in
 * verbs/: run.ts (up, preview, refresh, destroy), vm.ts (snapshots, restore), stack.ts (cancel, outputs, config,
 * report), doctor.ts.
 */
import { LabArgs, parseArgs, USAGE, UsageError } from "./args";
import { ConfigError } from "./configKeys";
import { labPaths } from "./paths";
import { choosePulumiCli } from "./pulumiCli";
import { openStack } from "./stack";
import { inLabWords } from "./words";
import { Ctx, say, Verb } from "./verbs/context";
import { doctorVerb } from "./verbs/doctor";
import { preview, streamed, up } from "./verbs/run";
import { cancel, checkedSet, config, outputs, report } from "./verbs/stack";
import { restore, snapshots } from "./verbs/vm";

export { inLabWords };

const VERBS: Record<Exclude<LabArgs["verb"], "help" | "doctor">, Verb> = {
  up,
  preview,
  refresh: (c) => streamed(c, "refresh"),
  destroy: (c) => streamed(c, "destroy"),
  cancel,
  snapshots,
  restore,
  outputs,
  config,
  report,
};

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
  return VERBS[args.verb](c);
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
