/**
 * The side of a variant process: its workload (BENCH_WORKLOAD names a JSON file), phase timing, and its result
 * (written as JSON to the file BENCH_RESULT names, so progress lines on stdout cannot garble it).
 */
import * as fs from "fs";
import type { Workload } from "../workload";
import { nowMs } from "./clock";

/**
 * create/read/delete: every variant. setup: what a tool needs once per directory or stack (`tofu init`, the
 * Pulumi stack and its config). noop: an update with nothing to change (`pulumi up` again).
 */
export type Phase = "setup" | "create" | "noop" | "read" | "delete";

export interface VariantResult {
  ok: boolean;
  error?: string;
  /** Milliseconds per phase, measured inside the process (no process start-up). */
  phasesMs: Partial<Record<Phase, number>>;
  /** When each phase ran (epoch ms, `nowMs`): run.ts counts the proxied requests of each phase by it. */
  phaseWindows?: Partial<Record<Phase, [number, number]>>;
  /** Whatever else the variant counts (requests, connections, per-command times). */
  details: Record<string, unknown>;
}

export function loadWorkload(): Workload {
  const file = process.env.BENCH_WORKLOAD;
  if (!file) throw new Error("BENCH_WORKLOAD is not set (run bench/run.ts, not the variant itself)");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Workload;
}

/**
 * Runs the phases in order, timing each; `cleanup` always runs after a failure. A phase that is one external
 * command (`tofu apply`, `pulumi up`) returns that command's own time (spawn to exit), which is then its time:
 * what the Automation API does around `pulumi up` (reading outputs and history) is not part of `pulumi up`.
 */
export async function runPhases(
  phases: Array<[Phase, () => Promise<void | number>]>,
  cleanup: () => Promise<void>,
  details: Record<string, unknown>,
): Promise<void> {
  const result: VariantResult = { ok: true, phasesMs: {}, phaseWindows: {}, details };
  try {
    for (const [name, fn] of phases) {
      const startMs = nowMs();
      const start = process.hrtime.bigint();
      const own = await fn();
      result.phasesMs[name] = typeof own === "number" ? own : Number(process.hrtime.bigint() - start) / 1e6;
      result.phaseWindows![name] = [startMs, nowMs()];
    }
  } catch (e) {
    result.ok = false;
    result.error = e instanceof Error ? e.message : String(e);
    try {
      await cleanup();
    } catch (c) {
      result.error += `; cleanup failed too: ${c instanceof Error ? c.message : String(c)}`;
    }
  }
  writeResult(result);
}

export function writeResult(result: VariantResult): void {
  const file = process.env.BENCH_RESULT;
  if (!file) throw new Error("BENCH_RESULT is not set");
  fs.writeFileSync(file, JSON.stringify(result));
}

/** A variant's entry: runs it, and on a crash prints the stack and exits 1 (run.ts reads the exit code). */
export function variantMain(run: () => Promise<void>): void {
  run().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}

/** The create, read, delete phases of a variant without a CLI of state (ours, cli, raw); `cleanup` after a failure (default: `remove`). */
export function runCrud(o: { create: () => Promise<void | number>; read: () => Promise<void | number>; remove: () => Promise<void>; cleanup?: () => Promise<void> }, details: Record<string, unknown>): Promise<void> {
  return runPhases(
    [
      ["create", o.create],
      ["read", o.read],
      ["delete", o.remove],
    ],
    o.cleanup ?? o.remove,
    details,
  );
}
