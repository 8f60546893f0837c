/**
 * Variant "pulumi-empty": the engine's floor, a program that declares nothing, through the same CLI setup as
 * "pulumi-cli" (lib/pulumiStack.ts): `pulumi up` (create: only the stack itself), `pulumi up` again (noop: the
 * floor a no-op `pulumi up` of the real stack is judged against), `pulumi destroy` (delete).
 */
import { Phase, runPhases } from "../lib/child";
import { BenchStack, CliCall, Operation, timedOperation } from "../lib/pulumiStack";
import { timeProgramLoad } from "../lib/programLoad";

async function main(): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  const cliDir = process.env.BENCH_PULUMI_DIR;
  if (!repo || !cliDir) throw new Error("OSLAB_BENCH_REPO and BENCH_PULUMI_DIR must be set (run bench/run.ts)");
  const details: Record<string, unknown> = { languageHostMs: await timeProgramLoad(repo, []) };
  const engine: Partial<Record<Phase, CliCall>> = {};
  details.engine = engine;
  let s: BenchStack | undefined;
  const op = (phase: Phase, run: () => Promise<Operation>, expectNoChanges = false) => timedOperation(engine, phase, run, expectNoChanges);

  await runPhases(
    [
      [
        "setup",
        async () => {
          s = await BenchStack.open({ repo, cliDir, projectName: "oslab-bench-empty", program: async () => {} });
          details.calls = s.calls;
        },
      ],
      ["create", () => op("create", () => s!.up())],
      ["noop", () => op("noop", () => s!.up(), true)],
      ["delete", () => op("delete", () => s!.destroy())],
    ],
    async () => {},
    details,
  );
  s?.dispose();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
