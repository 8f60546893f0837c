/** What `npm run bench` runs: the variants, which are judged, the phases, and the settings from the environment (README.md). */

export const VARIANTS = ["ours-parallel", "ours", "openstacksdk", "cli", "raw", "tofu", "pulumi-cli", "pulumi-empty", "pulumi-dynamic-floor", "tofu-instance", "pulumi-instance", "pulumi-lab", "pulumi-lab-floor"] as const;
export type Variant = (typeof VARIANTS)[number];
/** Both run this library's providers; the targets are judged on JUDGED (what a user waits for under Pulumi). */
export const OURS: ReadonlyArray<Variant> = ["ours-parallel", "ours"];
export const JUDGED: Variant = "ours-parallel";
export const PHASES = ["setup", "create", "noop", "read", "delete"] as const;
/** The ports of the request-counting proxies (lib/countingProxy.ts). */
export const PROXY_PORTS = { neutron: 19696, keystone: 19697, compute: 19774, image: 19292 };
/** The instance workload (workload.ts `InstanceWorkload`): the learner's first instance, ours against tofu. */
export const INSTANCE: ReadonlyArray<Variant> = ["tofu-instance", "pulumi-instance"];
/** The whole lab (examples/whole-lab in the lab's test world, lib/labWorld.ts) and its floor (the same resources doing nothing). */
export const LAB: ReadonlyArray<Variant> = ["pulumi-lab", "pulumi-lab-floor"];

export type Settings = ReturnType<typeof settings>;

export function settings() {
  const int = (name: string, dflt: number) => {
    const v = process.env[name];
    if (v === undefined || v === "") return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got ${v})`);
    return n;
  };
  const rules = int("BENCH_RULES", 100);
  const variants = (process.env.BENCH_VARIANTS ?? VARIANTS.join(",")).split(",").map((s) => s.trim()) as Variant[];
  for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`BENCH_VARIANTS: unknown variant ${v} (known: ${VARIANTS.join(", ")})`);
  return {
    runs: Math.max(1, int("BENCH_RUNS", 3)),
    rules,
    cliRules: Math.min(rules, int("BENCH_CLI_RULES", rules)),
    variants,
    requestLog: process.env.BENCH_REQUEST_LOG || undefined,
  };
}

