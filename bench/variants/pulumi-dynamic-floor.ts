/**
 * Variant "pulumi-dynamic-floor": the floor every dynamic provider pays. The same resources as "pulumi-cli" (lib/ours.ts:
 * the same names, inputs, dependencies and count), each a `pulumi.dynamic.Resource` whose provider does nothing
 * (create returns the inputs, diff finds no change, read returns the state), through the same CLI setup
 * (lib/pulumiStack.ts). The dynamic-provider plugin still starts, loads @pulumi/pulumi, deserializes each provider
 * and answers every call: what is left of "pulumi-cli"'s no-op `pulumi up` over this one is ours (loading our
 * implementation, zod and the clients, and the reads' requests).
 */
import * as path from "path";
import { loadWorkload, Phase, runPhases } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { stack } from "../lib/ours";
import { BenchStack, CliCall, Operation, timedOperation } from "../lib/pulumiStack";
import { timeProgramLoad } from "../lib/programLoad";

/** A provider that does nothing; it captures nothing, so it serializes to a few hundred bytes like our shims. */
const trivial = {
  async create(inputs: any) {
    return { id: `floor-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, outs: inputs };
  },
  async diff() {
    return { changes: false };
  },
  async read(id: string, props: any) {
    return { id, props };
  },
  async update(_id: string, _olds: any, news: any) {
    return { outs: news };
  },
  async delete() {},
};

async function main(): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  const cliDir = process.env.BENCH_PULUMI_DIR;
  if (!repo || !cliDir) throw new Error("OSLAB_BENCH_REPO and BENCH_PULUMI_DIR must be set (run bench/run.ts)");
  const w = loadWorkload();
  const cloud = benchCloud();
  const program = async () => {
    // the @pulumi/pulumi that the library uses, as pulumi-cli's program does through bin/
    const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [repo] }));
    const ids: Record<string, unknown> = {};
    for (const r of stack(w)) {
      const type = r.key.replace(".", "-");
      ids[r.name] = new pulumi.dynamic.Resource(trivial, r.name, { ...r.inputs(ids), cloud: pulumi.secret(cloud) }, {}, type).id;
    }
  };
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
          s = await BenchStack.open({ repo, cliDir, projectName: "oslab-bench-floor", program });
          details.calls = s.calls;
        },
      ],
      ["create", () => op("create", () => s!.up())],
      ["noop", () => op("noop", () => s!.up(), true)],
      ["read", () => op("read", () => s!.previewRefresh(), true)],
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
