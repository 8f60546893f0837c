/**
 * Variant "pulumi-cli": the "ours" stack (lib/ours.ts: Network -> Subnet; SecurityGroup seed + 2
 * SecurityGroupRule; SecurityGroup with the rules inline), declared with the library's classes from bin/ in an
 * inline program, through the real Pulumi CLI (lib/pulumiStack.ts): `pulumi up` (create), `pulumi up` again with
 * nothing to change (noop), `pulumi preview --refresh` (read), `pulumi destroy` (delete). Each phase's time is
 * the CLI process of that command; `details.engine` holds, per phase, the providers' time from the CLI's trace.
 * A run whose second `up` or refreshed preview changes anything fails.
 */
import * as path from "path";
import { loadWorkload, Phase, runPhases } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { stack } from "../lib/ours";
import { BenchStack, CliCall, Operation, timedOperation } from "../lib/pulumiStack";
import { timeProgramLoad } from "../lib/programLoad";

async function main(): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  const cliDir = process.env.BENCH_PULUMI_DIR;
  if (!repo || !cliDir) throw new Error("OSLAB_BENCH_REPO and BENCH_PULUMI_DIR must be set (run bench/run.ts)");
  const w = loadWorkload();
  const cloud = benchCloud();
  const program = async () => {
    const lib = require(path.join(repo, "bin"));
    const ids: Record<string, unknown> = {};
    for (const r of stack(w)) {
      const Resource = lib.openstack[r.key.slice("openstack.".length)];
      ids[r.name] = new Resource(r.name, { ...r.inputs(ids), cloud }).id;
    }
  };
  const details: Record<string, unknown> = { languageHostMs: await timeProgramLoad(repo, [path.join(repo, "bin")]) };
  const engine: Partial<Record<Phase, CliCall>> = {};
  details.engine = engine;
  let s: BenchStack | undefined;
  let created = false;
  const op = (phase: Phase, run: () => Promise<Operation>, expectNoChanges = false) => timedOperation(engine, phase, run, expectNoChanges);

  await runPhases(
    [
      [
        "setup",
        async () => {
          s = await BenchStack.open({ repo, cliDir, projectName: "oslab-bench", program });
          details.calls = s.calls;
        },
      ],
      [
        "create",
        () => {
          created = true;
          return op("create", () => s!.up());
        },
      ],
      ["noop", () => op("noop", () => s!.up(), true)],
      ["read", () => op("read", () => s!.previewRefresh(), true)],
      [
        "delete",
        async () => {
          const ms = await op("delete", () => s!.destroy());
          created = false;
          return ms;
        },
      ],
    ],
    async () => {
      if (s && created) await s.destroy();
    },
    details,
  );
  s?.dispose();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
