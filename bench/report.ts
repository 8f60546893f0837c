/** The benchmark's printed summary. */
import type { Summary } from "./run";

const secs = (ms: number | null | undefined) => (typeof ms === "number" ? `${(ms / 1000).toFixed(2)} s` : "-");

export function printSummary(s: Summary): void {
  console.log(`\nmedian wall time (process start to exit), ${s.rules} rules:`);
  for (const [name, v] of Object.entries(s.variants)) {
    const p = v.medianPhasesMs;
    console.log(
      `  ${name.padEnd(14)} ${secs(v.medianWallMs).padStart(10)}   create ${secs(p.create)}, read ${secs(p.read)}, delete ${secs(p.delete)}` +
        `   (${v.runs - v.failed}/${v.runs} ok)` +
        (v.scaled ? `   SCALED: the CLI ran ${s.cliRules} rule commands; time extrapolated linearly to ${s.rules}` : ""),
    );
  }
  console.log(`\nratios (lower is better); the targets are judged on ${s.judged}, the others are for information:`);
  for (const r of s.ratios) {
    const verdict = r.met === null ? "not measured" : r.met ? "met" : "MISSED";
    console.log(`  ${r.name.padEnd(30)} ${r.value === null ? "-" : r.value.toFixed(3).padStart(6)}   target <= ${r.max}   ${r.judged ? verdict : `(${verdict.toLowerCase()}, not judged)`}`);
  }
  for (const [name, o] of Object.entries(s.ours)) {
    const tokens = o.tokensPerDeployment;
    console.log(`\n${name}: tokens per deployment: ${tokens.join(", ")} ${tokens.every((t) => t === 1) ? "(target 1: met)" : "(target 1: MISSED)"}`);
    console.log(`${name}: HTTP requests per read:`);
    for (const [resource, counts] of Object.entries(o.requestsPerRead)) console.log(`  ${resource.padEnd(40)} ${counts.join(", ")}`);
    const m = o.medianRequests;
    console.log(`${name}: HTTP requests (median): create ${m.create}, read ${m.read}, delete ${m.delete}, total ${m.total} (token included)`);
  }
}
