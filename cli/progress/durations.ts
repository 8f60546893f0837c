/**
 * Phase durations of earlier runs, kept in a JSON file in the state folder ({ phase: [ms, ...] }, the last 5 each),
 * and the estimate for the next run (the median).
 */
import * as fs from "fs";

export type DurationLog = Record<string, number[]>;
const KEEP = 5;

export function readDurations(file: string): DurationLog {
  try {
    const v = JSON.parse(fs.readFileSync(file, "utf8"));
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export function recordDurations(file: string, run: Record<string, number>): DurationLog {
  const log = readDurations(file);
  for (const [phase, ms] of Object.entries(run)) log[phase] = [...(log[phase] ?? []), Math.round(ms)].slice(-KEEP);
  fs.writeFileSync(file, `${JSON.stringify(log, null, 2)}\n`);
  return log;
}

export function estimateMs(log: DurationLog, phase: string): number | undefined {
  const xs = [...(log[phase] ?? [])].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return undefined;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : Math.round((xs[mid - 1] + xs[mid]) / 2);
}
