/** Doctor results as text lines: one line per check, and for a problem its why and fix indented below. */
import type { CheckResult } from "./checks";

const MARK: Record<CheckResult["status"], string> = { ok: "ok  ", warn: "WARN", fail: "FAIL", skip: "skip" };

export function formatResults(results: CheckResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    out.push(`[${MARK[r.status]}] ${r.title}: ${r.what}`);
    if (r.status === "warn" || r.status === "fail") {
      if (r.why) out.push(`       why: ${r.why}`);
      if (r.fix) out.push(`       fix: ${r.fix}`);
    }
  }
  const fails = results.filter((r) => r.status === "fail").length;
  const warns = results.filter((r) => r.status === "warn").length;
  out.push(fails ? `doctor: ${fails} problem(s) to fix first${warns ? `, ${warns} warning(s)` : ""}` : `doctor: ready${warns ? ` (${warns} warning(s))` : ""}`);
  return out;
}

/** LAB_DOCTOR_SKIP=ports,iso: checks the user knows better about, reported as skipped (ids or id prefixes). */
export function applySkips(results: CheckResult[], skip: string | undefined): CheckResult[] {
  const names = (skip ?? "").split(",").map((s) => s.trim()).filter(Boolean).map((s) => (s === "ports" ? "port-" : s));
  if (!names.length) return results;
  return results.map((r) => (names.some((n) => r.id === n || (n.endsWith("-") && r.id.startsWith(n))) ? { ...r, status: "skip" as const, what: `${r.what} (skipped: LAB_DOCTOR_SKIP)` } : r));
}
