/** The medians, ratios and engine shares of a bench run (bench/results/*.json `summary`), from its run records. */
import type { countRequests } from "./lib/countingProxy";
import type { CliCall } from "./lib/pulumiStack";
import { INSTANCE_RATIOS, median, PHASE_TARGETS, TARGETS } from "./lib/stats";
import { JUDGED, OURS, PHASES, Settings, Variant } from "./settings";

export interface RunRecord {
  run: number;
  variant: Variant;
  physnet: string;
  rules: number;
  wallMs: number;
  ok: boolean;
  error?: string;
  phasesMs: Record<string, number>;
  /** Per phase: the requests that went through the proxy, and how long the cloud was busy answering them. */
  requests: Record<string, ReturnType<typeof countRequests>>;
  details: Record<string, unknown>;
  leftoversSwept: number;
  /** The machine's 1-minute load average when the run started (other work on it slows every variant). */
  load1m: number;
}

export interface Summary {
  rules: number;
  cliRules: number;
  variants: Record<
    string,
    {
      runs: number;
      failed: number;
      medianWallMs: number | null;
      medianPhasesMs: Record<string, number | null>;
      /** Median proxied requests per phase, and median time the cloud was busy answering them. */
      medianRequests: Record<string, number | null>;
      medianCloudBusyMs: Record<string, number | null>;
      scaled?: boolean;
    }
  >;
  /** Which ours variant the targets are judged on. */
  judged: string;
  /** ours-parallel's ratios (judged: true) and ours's (for information). */
  ratios: Array<{ name: string; of: string; judged: boolean; value: number | null; max: number; met: boolean | null }>;
  /** The CLI targets: one phase of one variant against one phase of another (medians), and the same ratio per round. */
  phaseRatios: Array<{ name: string; value: number | null; perRound: number[]; max: number; met: boolean | null }>;
  /** The instance workload: pulumi-instance's phase over tofu-instance's (medians, and per round); no target. */
  instanceRatios: Array<{ name: string; value: number | null; perRound: number[] }>;
  ours: Record<string, OursSummary>;
  /** pulumi-cli, pulumi-empty and pulumi-dynamic-floor: per phase, the CLI's time and the providers' share of it (medians). */
  engine: Record<string, Record<string, EngineSummary>>;
}

export interface EngineSummary {
  cliMs: number | null;
  providersMs: number | null;
  pluginStartMs: number | null;
  /** cliMs - providersMs, per run, then the median. */
  engineMs: number | null;
  providerCalls: Record<string, number> | null;
}

export interface OursSummary {
  tokensPerDeployment: number[];
  requestsPerRead: Record<string, number[]>;
  medianRequests: Record<string, number | null>;
}

export function summarize(records: RunRecord[], opts: Settings): Summary {
  const variants: Summary["variants"] = {};
  for (const v of opts.variants) {
    const mine = records.filter((r) => r.variant === v);
    const ok = mine.filter((r) => r.ok);
    const walls = ok.map((r) => (v === "cli" ? (r.details.scaledWallMs as number) : r.wallMs));
    const phases: Record<string, number | null> = {};
    const requests: Record<string, number | null> = {};
    const busy: Record<string, number | null> = {};
    for (const p of [...PHASES, "outside"]) {
      const times = ok.map((r) => r.phasesMs[p]).filter((x) => typeof x === "number");
      if (times.length) phases[p] = median(times);
      const counted = ok.map((r) => r.requests[p]).filter((x) => !!x);
      if (counted.length) {
        requests[p] = median(counted.map((c) => c.total));
        busy[p] = median(counted.map((c) => c.cloudBusyMs));
      }
    }
    variants[v] = { runs: mine.length, failed: mine.length - ok.length, medianWallMs: median(walls), medianPhasesMs: phases, medianRequests: requests, medianCloudBusyMs: busy };
    if (v === "cli" && opts.cliRules < opts.rules) variants[v].scaled = true;
  }
  const ratios: Summary["ratios"] = [];
  for (const of of OURS.filter((v) => opts.variants.includes(v))) {
    const mine = variants[of]?.medianWallMs ?? null;
    for (const t of TARGETS) {
      const other = variants[t.against]?.medianWallMs ?? null;
      const value = mine !== null && other ? mine / other : null;
      ratios.push({ name: `${of} / ${t.against}`, of, judged: of === JUDGED, value, max: t.max, met: value === null ? null : value <= t.max });
    }
  }
  const ours: Summary["ours"] = {};
  for (const of of OURS) {
    const runs = records.filter((r) => r.variant === of && r.ok);
    if (!runs.length) continue;
    const requestsPerRead: Record<string, number[]> = {};
    for (const r of runs) {
      for (const p of (r.details.perRead as Array<{ resource: string; requests: number }>) ?? []) {
        (requestsPerRead[p.resource] ??= []).push(p.requests);
      }
    }
    ours[of] = {
      tokensPerDeployment: runs.map((r) => (r.details.trace as { tokens: number }).tokens),
      requestsPerRead,
      medianRequests: {
        create: median(runs.map((r) => r.details.createRequests as number)),
        read: median(runs.map((r) => r.details.readRequests as number)),
        delete: median(runs.map((r) => r.details.deleteRequests as number)),
        total: median(runs.map((r) => (r.details.trace as { total: number }).total)),
      },
    };
  }
  const phaseRatios: Summary["phaseRatios"] = [];
  for (const t of PHASE_TARGETS) {
    if (!opts.variants.includes(t.of as Variant) || !opts.variants.includes(t.against as Variant)) continue;
    const mine = variants[t.of].medianPhasesMs[t.phase] ?? null;
    const other = variants[t.against].medianPhasesMs[t.againstPhase] ?? null;
    const value = mine !== null && other ? mine / other : null;
    // The same ratio within each round (both ran minutes apart at most), for how much it moves with the load.
    const perRound: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const a = records.find((r) => r.ok && r.run === run && r.variant === t.of)?.phasesMs[t.phase];
      const b = records.find((r) => r.ok && r.run === run && r.variant === t.against)?.phasesMs[t.againstPhase];
      if (a !== undefined && b) perRound.push(a / b);
    }
    phaseRatios.push({ name: t.name, value, perRound, max: t.max, met: value === null ? null : value <= t.max });
  }
  // The instance workload: pulumi-instance's phases over tofu-instance's (for information: no target)
  const instanceRatios: Summary["instanceRatios"] = [];
  for (const t of INSTANCE_RATIOS) {
    if (!opts.variants.includes(t.of as Variant) || !opts.variants.includes(t.against as Variant)) continue;
    const mine = variants[t.of].medianPhasesMs[t.phase] ?? null;
    const other = variants[t.against].medianPhasesMs[t.againstPhase] ?? null;
    const perRound: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const a = records.find((r) => r.ok && r.run === run && r.variant === t.of)?.phasesMs[t.phase];
      const b = records.find((r) => r.ok && r.run === run && r.variant === t.against)?.phasesMs[t.againstPhase];
      if (a !== undefined && b) perRound.push(a / b);
    }
    instanceRatios.push({ name: t.name, value: mine !== null && other ? mine / other : null, perRound });
  }
  const engine: Summary["engine"] = {};
  for (const v of ["pulumi-cli", "pulumi-empty", "pulumi-dynamic-floor", "pulumi-instance", "pulumi-lab", "pulumi-lab-floor"]) {
    const runs = records.filter((r) => r.variant === v && r.ok);
    if (!runs.length) continue;
    engine[v] = {};
    for (const p of PHASES) {
      const calls = runs.map((r) => (r.details.engine as Record<string, CliCall | undefined>)?.[p]).filter((c): c is CliCall => !!c?.engine);
      if (!calls.length) continue;
      engine[v][p] = {
        cliMs: median(calls.map((c) => c.ms)),
        providersMs: median(calls.map((c) => c.engine!.providersMs)),
        pluginStartMs: median(calls.map((c) => c.engine!.pluginStartMs)),
        engineMs: median(calls.map((c) => c.ms - c.engine!.providersMs)),
        providerCalls: calls[0].engine!.providerCalls,
      };
    }
  }
  return { rules: opts.rules, cliRules: opts.cliRules, variants, judged: JUDGED, ratios, phaseRatios, instanceRatios, ours, engine };
}

