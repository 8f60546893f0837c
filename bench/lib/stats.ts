/** Medians, ratios against the targets, and the trace counts of the "ours" runs. */
import * as fs from "fs";

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Target {
  name: string;
  against: string;
  max: number;
}

/** ours / other wall time must be at most `max` (judged on ours-parallel, see run.ts). */
export const TARGETS: Target[] = [
  { name: "CLI", against: "cli", max: 0.2 },
  { name: "openstacksdk", against: "openstacksdk", max: 0.8 },
  { name: "raw floor", against: "raw", max: 1.3 },
];

export interface TraceLine {
  method: string;
  service: string;
  path: string;
  status: number | null;
}

export function readTrace(file: string): TraceLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TraceLine);
}

/** Requests per "METHOD service", and the token requests (POST .../auth/tokens). */
export function summarizeTrace(lines: TraceLine[]): { total: number; tokens: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  for (const l of lines) byKind[`${l.method} ${l.service}`] = (byKind[`${l.method} ${l.service}`] ?? 0) + 1;
  const tokens = lines.filter((l) => l.method === "POST" && /\/auth\/tokens$/.test(l.path)).length;
  return { total: lines.length, tokens, byKind };
}
