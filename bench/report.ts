/** The benchmark's printed summary. */
import type { Summary } from "./summary";

const secs = (ms: number | null | undefined) => (typeof ms === "number" ? `${(ms / 1000).toFixed(2)} s` : "-");
const PHASES = ["setup", "create", "noop", "read", "delete"];

export function printSummary(s: Summary): void {
  console.log(`\nmedian wall time (process start to exit) and per phase, ${s.rules} rules:`);
  for (const [name, v] of Object.entries(s.variants)) {
    const p = v.medianPhasesMs;
    const phases = PHASES.filter((ph) => p[ph] !== undefined).map((ph) => `${ph} ${secs(p[ph])}`);
    console.log(
      `  ${name.padEnd(14)} ${secs(v.medianWallMs).padStart(10)}   ${phases.join(", ")}` +
        `   (${v.runs - v.failed}/${v.runs} ok)` +
        (v.scaled ? `   SCALED: the CLI ran ${s.cliRules} rule commands; time extrapolated linearly to ${s.rules}` : ""),
    );
  }
  console.log(`\nHTTP requests per phase through the counting proxy (median), and how long the cloud was busy answering:`);
  for (const [name, v] of Object.entries(s.variants)) {
    const parts = Object.entries(v.medianRequests).map(([ph, n]) => `${ph} ${n} (${secs(v.medianCloudBusyMs[ph])})`);
    console.log(`  ${name.padEnd(14)} ${parts.join(", ") || "-"}`);
  }
  console.log(`\nratios (lower is better); the targets are judged on ${s.judged}, the others are for information:`);
  for (const r of s.ratios) {
    const verdict = r.met === null ? "not measured" : r.met ? "met" : "MISSED";
    console.log(`  ${r.name.padEnd(30)} ${r.value === null ? "-" : r.value.toFixed(3).padStart(6)}   target <= ${r.max}   ${r.judged ? verdict : `(${verdict.toLowerCase()}, not judged)`}`);
  }
  if (s.phaseRatios.length) console.log(`\nCLI targets (phase medians; per round in brackets):`);
  for (const r of s.phaseRatios) {
    const verdict = r.met === null ? "not measured" : r.met ? "met" : "MISSED";
    console.log(`  ${r.name.padEnd(50)} ${r.value === null ? "-" : r.value.toFixed(3).padStart(6)}   target <= ${r.max}   ${verdict}   [${r.perRound.map((x) => x.toFixed(2)).join(", ")}]`);
  }
  if (s.instanceRatios?.length) console.log(`\ninstance workload, pulumi-instance / tofu-instance (phase medians; per round in brackets; no target):`);
  for (const r of s.instanceRatios ?? []) {
    console.log(`  ${r.name.padEnd(58)} ${r.value === null ? "-" : r.value.toFixed(3).padStart(6)}   [${r.perRound.map((x) => x.toFixed(2)).join(", ")}]`);
  }
  for (const [name, phases] of Object.entries(s.engine)) {
    console.log(`\n${name}: the CLI's time per phase and the providers' share (from the CLI's trace, medians):`);
    for (const [ph, e] of Object.entries(phases)) {
      const calls = Object.entries(e.providerCalls ?? {}).map(([m, n]) => `${m} ${n}`).join(", ");
      console.log(
        `  ${ph.padEnd(7)} CLI ${secs(e.cliMs)}: providers ${secs(e.providersMs)}, engine ${secs(e.engineMs)} (plugin start ${secs(e.pluginStartMs)})` +
          (calls ? `   provider calls: ${calls}` : ""),
      );
    }
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
