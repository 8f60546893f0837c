/**
 * `npm run bench`: the same workload (workload.ts) several ways on the test cloud, interleaved, a few times each;
 * prints medians, ratios against the targets, the HTTP requests of every phase (counted by lib/countingProxy.ts,
 * which every variant talks through), HTTP requests per read and tokens per deployment of ours, and writes
 * everything to bench/results/latest.json. See README.md beside this file.
 *
 * Settings (environment): BENCH_RUNS (3), BENCH_RULES (100), BENCH_CLI_RULES (= BENCH_RULES; fewer makes the CLI
 * run shorter and its time is then scaled linearly to BENCH_RULES, and the output says so), BENCH_VARIANTS
 * (all of VARIANTS), BENCH_REQUEST_LOG (a folder: every proxied request of every run is written there, one
 * file per run). The in-process targets are judged on ours-parallel (scheduled as Pulumi's engine does); ours
 * (one resource at a time) is reported beside it. The CLI targets are judged on pulumi-cli against tofu and
 * pulumi-empty, phase by phase. tofu needs scripts/tofu.sh, the pulumi variants scripts/pulumi-cli.sh (both build
 * once per machine, a few minutes each, and are reused).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { buildBench } from "./lib/build";
import { benchCloud, BenchCloud, osEnv } from "./lib/cloud";
import { countRequests, CountingProxy } from "./lib/countingProxy";
import { freePhysnet, Housekeeper, isTransient, sweep, sweepInstance } from "./lib/housekeeping";
import { BenchLab, startLab, sweepLab } from "./lib/labWorld";
import { authenticate, Neutron } from "./lib/rawHttp";
import { Launch, Outcome, runVariant } from "./lib/spawnVariant";
import { median, readTrace, summarizeTrace } from "./lib/stats";
import { makeWorkload, NAME_ROOT } from "./workload";
import { printSummary } from "./report";
import { INSTANCE, LAB, OURS, PROXY_PORTS, settings, Settings, Variant } from "./settings";
import { RunRecord, summarize, Summary } from "./summary";

/** Runs one of the build scripts (scripts/tofu.sh, scripts/pulumi-cli.sh): its last line of stdout is the folder. */
function toolFolder(repo: string, script: string): string {
  const out = execFileSync("bash", [path.join(repo, "scripts", script)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return out.trim().split("\n").pop() as string;
}

interface Tools {
  tofu?: string;
  pulumi?: string;
}

/** How each variant is started: its script in the transpiled bench/, and what it needs besides the cloud. */
const LAUNCH: Record<Exclude<Variant, "openstacksdk">, { file: string; env: (o: { traceFile: string; tools: Tools }) => NodeJS.ProcessEnv }> = {
  ours: { file: "ours.js", env: (o) => ({ OSLAB_HTTP_TRACE: o.traceFile }) },
  "ours-parallel": { file: "ours-parallel.js", env: (o) => ({ OSLAB_HTTP_TRACE: o.traceFile }) },
  raw: { file: "raw.js", env: () => ({}) },
  cli: { file: "cli.js", env: () => ({}) },
  tofu: { file: "tofu.js", env: (o) => ({ BENCH_TOFU_DIR: o.tools.tofu }) },
  "tofu-instance": { file: "tofu-instance.js", env: (o) => ({ BENCH_TOFU_DIR: o.tools.tofu }) },
  "pulumi-cli": { file: "pulumi-cli.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
  "pulumi-empty": { file: "pulumi-empty.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
  "pulumi-dynamic-floor": { file: "pulumi-dynamic-floor.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
  "pulumi-instance": { file: "pulumi-instance.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
  "pulumi-lab": { file: "pulumi-lab.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
  "pulumi-lab-floor": { file: "pulumi-lab-floor.js", env: (o) => ({ BENCH_PULUMI_DIR: o.tools.pulumi }) },
};

function launchFor(variant: Variant, built: string, repo: string, traceFile: string, cloud: BenchCloud, tools: Tools): Launch {
  if (variant === "openstacksdk") return { command: "/usr/bin/python3", args: [path.join(built, "variants", "openstacksdk.py")], env: osEnv(cloud) };
  const l = LAUNCH[variant];
  return {
    command: process.execPath,
    args: [path.join(built, "variants", l.file)],
    // NODE_DISABLE_COMPILE_CACHE=1 passes through: every Pulumi variant's plugin without Node's compile cache
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...osEnv(cloud), OSLAB_BENCH_REPO: repo, ...l.env({ traceFile, tools }), ...(process.env.NODE_DISABLE_COMPILE_CACHE ? { NODE_DISABLE_COMPILE_CACHE: process.env.NODE_DISABLE_COMPILE_CACHE } : {}) },
  };
}

const physnetBusy = (text: string) => /FlatNetworkInUse|is in use|already in use/i.test(text);

/** The CLI's time for `rules` rules when it created fewer: measured + (missing rules x median rule command). */
function cliScaled(wallMs: number, ran: number, rules: number, commands: Array<{ kind: string; ms: number }>): number {
  if (ran >= rules) return wallMs;
  const ruleTimes = commands.filter((c) => c.kind === "rule").map((c) => c.ms);
  const perRule = median(ruleTimes.length ? ruleTimes : commands.filter((c) => c.kind === "create").map((c) => c.ms)) ?? 0;
  return wallMs + (rules - ran) * perRule;
}

function compact(variant: Variant, details: Record<string, unknown>): Record<string, unknown> {
  if (variant !== "cli") return details;
  const cmds = (details.commands as Array<{ kind: string; ms: number }>) ?? [];
  const byKind: Record<string, { count: number; medianMs: number | null }> = {};
  for (const kind of new Set(cmds.map((c) => c.kind))) {
    const ms = cmds.filter((c) => c.kind === kind).map((c) => c.ms);
    byKind[kind] = { count: ms.length, medianMs: median(ms) };
  }
  return { ...details, commands: undefined, commandCount: cmds.length, commandsByKind: byKind };
}

async function main(): Promise<void> {
  const opts = settings();
  const benchDir = __dirname;
  const repo = path.resolve(benchDir, "..");
  if (!fs.existsSync(path.join(repo, "bin/sdk/providers.js"))) throw new Error("bin/ is missing: run `npm run build` first");
  const tools: Tools = {};
  if (opts.variants.some((v) => v.startsWith("tofu"))) tools.tofu = toolFolder(repo, "tofu.sh");
  if (opts.variants.some((v) => v.startsWith("pulumi-"))) tools.pulumi = toolFolder(repo, "pulumi-cli.sh");
  const built = buildBench(benchDir);
  const admin = new Housekeeper(async () => new Neutron(await authenticate(benchCloud())));
  // Every variant talks to the cloud through the counting proxies: Keystone's answers point it at Neutron's.
  const direct = benchCloud();
  const session = await admin.with(async () => authenticate(direct));
  const neutronUrl = new URL(session.networkUrl);
  // Nova and Glance too (the instance workload), when the catalog has them
  const more = (["compute", "image"] as const).filter((t) => session[`${t}Url`]).map((t) => ({ service: t, listenPort: PROXY_PORTS[t], upstream: new URL(session[`${t}Url`]!).origin }));
  const proxy = await CountingProxy.start([
    { service: "keystone", listenPort: PROXY_PORTS.keystone, upstream: new URL(direct.authUrl).origin },
    { service: "neutron", listenPort: PROXY_PORTS.neutron, upstream: neutronUrl.origin },
    ...more,
  ]);
  const instanceFiles = opts.variants.some((v) => INSTANCE.includes(v)) ? makeInstanceFiles() : undefined;
  const directEnv = osEnv(direct);
  const proxied: BenchCloud = { ...direct, authUrl: proxy.url("keystone") + new URL(direct.authUrl).pathname };
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").toLowerCase();
  const labs = opts.variants.some((v) => LAB.includes(v));
  const stale = (instanceFiles ? sweepInstance(NAME_ROOT, directEnv) : 0) + (labs ? sweepLab() : 0) + (await admin.with((n) => sweep(n, NAME_ROOT)));
  if (stale) console.log(`removed ${stale} leftover object(s) of an earlier benchmark run`);
  const networkOnly = opts.variants.filter((v) => !INSTANCE.includes(v)).length > 0;
  console.log(
    (networkOnly ? `workload: flat external network + subnet + 2 seed rules + ${opts.rules} rules in a new group, read, delete; ` : "") +
      (instanceFiles ? "instance workload: external + tenant network, router, key pair, image upload, flavor, server, floating IP; " : "") +
      (labs ? "the whole lab (examples/whole-lab in its e2e test's world) and its do-nothing floor; " : "") +
      `${opts.runs} run(s) of ${opts.variants.join(", ")}` +
      (opts.cliRules < opts.rules ? `; the CLI creates only ${opts.cliRules} rules and its time is SCALED to ${opts.rules}` : ""),
  );

  const loadBefore = os.loadavg();
  const records: RunRecord[] = [];
  const ruleCount = (v: Variant) => (v === "cli" ? opts.cliRules : opts.rules);
  for (let run = 0; run < opts.runs; run++) {
    // Interleaved, and rotated each run, so a slow moment of the machine does not hit one variant only.
    const order = opts.variants.map((_, i) => opts.variants[(i + run) % opts.variants.length]);
    for (const variant of order) {
      const tried: string[] = [];
      for (let attempt = 1; ; attempt++) {
        const physnet = await admin.with((n) => freePhysnet(n, tried));
        // The whole lab's world, fresh for every run (lib/labWorld.ts)
        const lab: BenchLab | undefined = LAB.includes(variant) ? await startLab(PROXY_PORTS) : undefined;
        const workload = makeWorkload(variant, `${stamp}-${run}-${attempt}`, physnet, ruleCount(variant), INSTANCE.includes(variant) ? instanceFiles : undefined, lab?.workload);
        const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "oslab-bench-trace-")), "http.jsonl");
        const timeout = variant === "cli" ? 60 * 60e3 : INSTANCE.includes(variant) || LAB.includes(variant) ? 20 * 60e3 : 10 * 60e3;
        let outcome: Outcome;
        let leftovers = 0;
        proxy.log.length = 0;
        const load1m = os.loadavg()[0];
        try {
          outcome = await runVariant(launchFor(variant, built, repo, traceFile, proxied, tools), workload, timeout);
        } finally {
          // Whatever happened, nothing of this run stays in the cloud.
          leftovers = (INSTANCE.includes(variant) ? sweepInstance(workload.prefix, directEnv) : 0) + ((await lab?.stop()) ?? 0) + (await admin.with((n) => sweep(n, workload.prefix)));
        }
        const r = outcome.result;
        const error = r?.ok ? undefined : r?.error ?? `exited with ${outcome.exitCode}: ${outcome.stderrTail}`;
        if (error && physnetBusy(error) && attempt < 3) {
          console.log(`  ${variant}: physnet ${physnet} was taken meanwhile by someone else; again on another`);
          tried.push(physnet);
          continue;
        }
        if (error && isTransient(new Error(error)) && attempt < 3) {
          // Not the variant's fault (the test cloud restarted under it): the run does not count, it is done again.
          console.log(`  ${variant}: the cloud went away during the run (${error.split("\n")[0]}); running it again`);
          continue;
        }
        if (opts.requestLog) {
          // Every request of the run, one JSON line each (BENCH_REQUEST_LOG names the folder).
          fs.mkdirSync(opts.requestLog, { recursive: true });
          fs.writeFileSync(path.join(opts.requestLog, `${workload.prefix}.jsonl`), proxy.log.map((l) => JSON.stringify(l)).join("\n") + "\n");
        }
        const details = compact(variant, r?.details ?? {});
        if (OURS.includes(variant)) details.trace = summarizeTrace(readTrace(traceFile));
        fs.rmSync(path.dirname(traceFile), { recursive: true, force: true });
        const rec: RunRecord = {
          run,
          variant,
          physnet,
          rules: ruleCount(variant),
          wallMs: outcome.wallMs,
          ok: !error,
          error,
          phasesMs: (r?.phasesMs ?? {}) as Record<string, number>,
          requests: requestsPerPhase(proxy, r?.phaseWindows ?? {}),
          details:
            variant === "cli"
              ? { ...details, scaledWallMs: cliScaled(outcome.wallMs, ruleCount(variant), opts.rules, (r?.details.commands as Array<{ kind: string; ms: number }>) ?? []) }
              : details,
          leftoversSwept: leftovers,
          load1m,
        };
        records.push(rec);
        save(records, opts, loadBefore[0]); // a crash later still leaves what was measured
        console.log(
          `  run ${run + 1}/${opts.runs} ${variant.padEnd(12)} ${(rec.wallMs / 1000).toFixed(2).padStart(8)} s` +
            `  (load ${load1m.toFixed(1)})` +
            (rec.ok ? "" : `  FAILED: ${error}`) +
            (leftovers ? `  (swept ${leftovers} leftover object(s))` : ""),
        );
        break;
      }
    }
  }
  admin.close();
  await proxy.close();
  fs.rmSync(built, { recursive: true, force: true });
  if (instanceFiles) fs.rmSync(path.dirname(instanceFiles.imageFile), { recursive: true, force: true });

  const summary = save(records, opts, loadBefore[0]);
  printSummary(summary);
  console.log("\nresults: bench/results/latest.json (to keep this run: copy it to bench/results/<date>.json and commit)");
  if (records.some((r) => !r.ok)) process.exitCode = 1;
}

/** The proxied requests of each phase (by the windows the variant reported), and those outside every phase. */
function requestsPerPhase(proxy: CountingProxy, windows: Partial<Record<string, [number, number]>>): RunRecord["requests"] {
  const out: RunRecord["requests"] = {};
  const spans = Object.entries(windows).filter((e): e is [string, [number, number]] => !!e[1]);
  for (const [phase, [start, end]] of spans) out[phase] = countRequests(proxy.between(start, end));
  const outside = proxy.log.filter((r) => !spans.some(([, [start, end]]) => r.startMs >= start && r.startMs < end));
  if (outside.length) out.outside = countRequests(outside);
  return out;
}

/** Writes bench/results/latest.json (a run worth keeping is copied to <date>.json and committed); returns the summary. */
function save(records: RunRecord[], opts: Settings, loadBefore: number): Summary {
  const summary = summarize(records, opts);
  const date = new Date().toISOString();
  const doc = {
    date,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      // Other work on the machine (test suites) slows every variant; the load average says how busy it was.
      loadAverage1m: { before: loadBefore, now: os.loadavg()[0] },
    },
    settings: opts,
    complete: records.length === opts.runs * opts.variants.length,
    summary,
    runs: records,
  };
  const dir = path.join(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(doc, null, 2)}\n`);
  return summary;
}

/** The instance workload's image (a real qcow2 made by qemu-img, Debian's qemu-utils) and key pair's public key, once per bench run. */
function makeInstanceFiles(): { imageFile: string; publicKey: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-bench-instance-"));
  const imageFile = path.join(dir, "disk.qcow2");
  execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", imageFile, "16M"]);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "bench@oslab", "-f", path.join(dir, "key")]);
  return { imageFile, publicKey: fs.readFileSync(path.join(dir, "key.pub"), "utf8").trim() };
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
