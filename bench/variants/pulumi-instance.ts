/**
 * Variant "pulumi-instance": the instance workload (lib/instance.ts: networks, router, key pair, image upload,
 * flavor, server, floating IP) declared with the library's classes from bin/ in an inline program, through the
 * real Pulumi CLI (lib/pulumiStack.ts), as pulumi-cli does for the network workload: `pulumi up` (create),
 * `pulumi up` again (noop: must change nothing), `pulumi preview --refresh` (read: must find no drift),
 * `pulumi destroy` (delete). Each phase's time is that one CLI process.
 */
import * as path from "path";
import { loadWorkload, Phase, runPhases } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { declareInstance } from "../lib/instance";
import { BenchStack, CliCall, Operation, timedOperation } from "../lib/pulumiStack";

async function main(): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  const cliDir = process.env.BENCH_PULUMI_DIR;
  if (!repo || !cliDir) throw new Error("OSLAB_BENCH_REPO and BENCH_PULUMI_DIR must be set (run bench/run.ts)");
  const w = loadWorkload().instance;
  if (!w) throw new Error("the workload has no instance part (run.ts makes it for the instance variants)");
  const cloud = benchCloud();
  const program = async () => declareInstance(require(path.join(repo, "bin")), w, cloud);
  const details: Record<string, unknown> = {};
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
          s = await BenchStack.open({ repo, cliDir, projectName: "oslab-bench-instance", program });
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
