/**
 * Showing the phases while `up` runs: on a terminal a live listr2 list (elapsed time per phase, the estimate from
 * earlier runs); otherwise plain timestamped lines, one per start and end.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { estimateMs, DurationLog } from "./durations";
import { formatDuration, PhaseChange, PhaseState, PhaseTracker } from "./phases";

export interface Progress {
  onEvent(e: EngineEvent): void;
  /** The run ended (error: the engine's message). */
  finish(error?: string): Promise<void>;
}

const clock = (t: number) => new Date(t).toISOString().slice(11, 19);

function estimateText(log: DurationLog, p: PhaseState): string {
  const e = estimateMs(log, p.def.id);
  return e === undefined ? "" : ` (about ${formatDuration(e)} last time${log[p.def.id].length > 1 ? "s" : ""})`;
}

export function endText(tracker: PhaseTracker, p: PhaseState): string {
  const took = formatDuration(tracker.elapsedMs(p));
  return p.status === "unchanged" ? "unchanged" : p.status === "failed" ? `FAILED after ${took}${p.error ? `: ${p.error}` : ""}` : `done in ${took}`;
}

/** Plain lines: `[12:00:01] Packstack: started (about 41m00s last time)` ... `[12:41:10] Packstack: done in 41m09s`. */
export function plainProgress(tracker: PhaseTracker, log: DurationLog, write: (line: string) => void, now: () => number = Date.now): Progress {
  const show = (changes: PhaseChange[]) => {
    for (const c of changes) {
      const text = c.kind === "start" ? `started${estimateText(log, c.phase)}` : endText(tracker, c.phase);
      write(`[${clock(now())}] ${c.phase.def.title}: ${text}`);
    }
  };
  return {
    onEvent: (e) => {
      const p = tracker.onProgress(e);
      if (p) write(`[${clock(now())}]   ${p.def.title}: ${p.message}`);
      show(tracker.onEvent(e));
    },
    finish: async (error) => show(tracker.finishRun(error)),
  };
}

/** The live list on a terminal (listr2's default renderer). */
export function liveProgress(tracker: PhaseTracker, log: DurationLog): Progress {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Listr } = require("listr2") as typeof import("listr2");
  const waiters = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const done = new Map<string, Promise<void>>();
  for (const p of tracker.phases) done.set(p.def.id, new Promise<void>((resolve, reject) => waiters.set(p.def.id, { resolve, reject })));
  const list = new Listr(
    tracker.phases.map((p) => ({
      title: p.def.title,
      task: async (_ctx: unknown, task: { title: string; output: string; skip(msg?: string): void }) => {
        let shown: string | undefined;
        const tick = setInterval(() => {
          if (p.status === "running") task.title = `${p.def.title} ${formatDuration(tracker.elapsedMs(p))}${estimateText(log, p)}`;
          // the provider's current message, under its phase
          if (p.status === "running" && p.message && p.message !== shown) task.output = shown = p.message;
        }, 1000);
        try {
          await done.get(p.def.id);
          if (p.status === "unchanged" || p.status === "pending") task.skip(`${p.def.title}: ${p.status === "pending" ? "not run" : "unchanged"}`);
          else task.title = `${p.def.title}: ${endText(tracker, p)}`;
        } finally {
          clearInterval(tick);
        }
      },
    })),
    { concurrent: true, exitOnError: false },
  );
  const running = list.run().catch(() => undefined);
  const settle = (changes: PhaseChange[]) => {
    for (const c of changes) {
      if (c.kind !== "end") continue;
      const w = waiters.get(c.phase.def.id)!;
      if (c.phase.status === "failed") w.reject(new Error(`${c.phase.def.title}: ${endText(tracker, c.phase)}`));
      else w.resolve();
    }
  };
  return {
    onEvent: (e) => {
      tracker.onProgress(e);
      settle(tracker.onEvent(e));
    },
    async finish(error) {
      settle(tracker.finishRun(error));
      for (const w of waiters.values()) w.resolve(); // phases that never started
      await running;
    },
  };
}
