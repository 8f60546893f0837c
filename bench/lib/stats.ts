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

/** The CLI targets: `of`'s `phase` time over `against`'s `againstPhase` time must be at most `max` (medians). */
export const PHASE_TARGETS = [
  { name: "pulumi up / tofu apply (create)", of: "pulumi-cli", phase: "create", against: "tofu", againstPhase: "create", max: 0.5 },
  { name: "pulumi destroy / tofu destroy (delete)", of: "pulumi-cli", phase: "delete", against: "tofu", againstPhase: "delete", max: 0.5 },
  { name: "no-op pulumi up / empty stack's no-op pulumi up", of: "pulumi-cli", phase: "noop", against: "pulumi-empty", againstPhase: "noop", max: 1.5 },
  { name: "no-op pulumi up / the same count of do-nothing dynamic resources' no-op up", of: "pulumi-cli", phase: "noop", against: "pulumi-dynamic-floor", againstPhase: "noop", max: 1.1 },
  { name: "pulumi preview --refresh / the do-nothing dynamic resources' (read)", of: "pulumi-cli", phase: "read", against: "pulumi-dynamic-floor", againstPhase: "read", max: 1.5 },
  { name: "whole lab: no-op pulumi up / the same resources doing nothing", of: "pulumi-lab", phase: "noop", against: "pulumi-lab-floor", againstPhase: "noop", max: 1.1 },
];

/** The instance workload: pulumi-instance's phase over tofu-instance's, reported for information (no target). */
export const INSTANCE_RATIOS = [
  { name: "instance: pulumi up / tofu apply (create)", of: "pulumi-instance", phase: "create", against: "tofu-instance", againstPhase: "create" },
  { name: "instance: no-op pulumi up / no-op tofu apply", of: "pulumi-instance", phase: "noop", against: "tofu-instance", againstPhase: "noop" },
  { name: "instance: pulumi preview --refresh / tofu plan (refresh)", of: "pulumi-instance", phase: "read", against: "tofu-instance", againstPhase: "read" },
  { name: "instance: pulumi destroy / tofu destroy (delete)", of: "pulumi-instance", phase: "delete", against: "tofu-instance", againstPhase: "delete" },
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

/** Milliseconds covered by at least one of the intervals. */
export function unionMs(spans: Array<{ start: number; end: number }>): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let cur: { start: number; end: number } | undefined;
  for (const s of sorted) {
    if (cur && s.start <= cur.end) cur.end = Math.max(cur.end, s.end);
    else {
      if (cur) total += cur.end - cur.start;
      cur = { ...s };
    }
  }
  return cur ? total + cur.end - cur.start : total;
}
