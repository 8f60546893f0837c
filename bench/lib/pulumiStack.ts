/**
 * A stack driven through the real Pulumi CLI (scripts/pulumi-cli.sh builds it; run.ts passes its folder as
 * BENCH_PULUMI_DIR), its program an Automation API inline program run in this process (there is no Node
 * language host here). Offline and local (cli/workspace.ts, as the lab and the tests): file backend, PULUMI_HOME
 * and work folder in a temporary directory, a passphrase, no update check, no plugin downloads.
 *
 * Every CLI process the Automation API starts is timed from spawn to exit. The operations (up, preview, destroy)
 * also write the CLI's own OpenTelemetry trace (`--otel-traces file://...`), from which `engineShare` takes the
 * time the engine spent waiting on the provider's gRPC calls (Check, Diff, Create, Read, Delete, ...) and
 * starting the provider plugin: CLI time minus the providers' time is the engine's own share.
 */
import * as fs from "fs";
import * as path from "path";
import type * as automation from "@pulumi/pulumi/automation";
import type * as workspace from "../../cli/workspace";
import { runPhases } from "./child";
import { timeProgramLoad } from "./programLoad";
import { unionMs } from "./stats";

/** One CLI process. `engine` only for the operations (they are traced). */
export interface CliCall {
  command: string;
  ms: number;
  engine?: EngineShare;
  /** The engine's change summary of the operation (e.g. {"create": 11}, {"same": 11}). */
  changes?: Record<string, number>;
}

export interface EngineShare {
  /** The CLI's own root span (process start to exit, as the CLI measures it). */
  cliSpanMs: number;
  /** Union of the ResourceProvider gRPC calls: the providers' time (their work, the cloud's answers). */
  providersMs: number;
  /** Union of the plugin starts (the dynamic-provider plugin: node + @pulumi/pulumi + the provider). */
  pluginStartMs: number;
  /** ResourceProvider calls by method. */
  providerCalls: Record<string, number>;
  /** Each call's milliseconds by method, in the order they started (the first Check of a type loads its implementation). */
  callMs: Record<string, number[]>;
}

const OPERATIONS = new Set(["up", "preview", "destroy", "refresh"]);

interface Span {
  name: string;
  start: number;
  end: number;
}

/** The spans of a trace file: one OTLP JSON document per line (the exporter writes a line per batch). */
function spansOf(file: string): Span[] {
  if (!fs.existsSync(file)) return [];
  const ms = (nanos: string) => Number(BigInt(nanos) / 1000n) / 1000;
  const out: Span[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    for (const rs of doc.resourceSpans ?? [])
      for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) out.push({ name: String(s.name), start: ms(s.startTimeUnixNano), end: ms(s.endTimeUnixNano) });
  }
  return out;
}

export function engineShare(spans: Span[]): EngineShare {
  const provider = spans.filter((s) => s.name.startsWith("pulumirpc.ResourceProvider/"));
  const providerCalls: Record<string, number> = {};
  const callMs: Record<string, number[]> = {};
  for (const s of [...provider].sort((a, b) => a.start - b.start)) {
    const method = s.name.slice("pulumirpc.ResourceProvider/".length);
    providerCalls[method] = (providerCalls[method] ?? 0) + 1;
    (callMs[method] ??= []).push(Math.round(s.end - s.start));
  }
  const root = spans.filter((s) => s.name === "pulumi");
  return {
    cliSpanMs: root.length ? Math.max(...root.map((s) => s.end - s.start)) : 0,
    providersMs: unionMs(provider),
    pluginStartMs: unionMs(spans.filter((s) => s.name === "newPlugin")),
    providerCalls,
    callMs,
  };
}

export class BenchStack {
  private constructor(
    readonly stack: automation.Stack,
    private readonly root: string,
    /** Every CLI process so far, in order (stack selection and config included). */
    readonly calls: CliCall[],
  ) {}

  /**
   * `repo`: the checkout (node_modules with @pulumi/pulumi, linked to the work folder for the plugin); `config`: set
   * on the stack once open; `env`: added to every CLI process's environment (and so the plugin's; its PATH first).
   */
  static async open(o: { repo: string; cliDir: string; projectName: string; program: automation.PulumiFn; config?: automation.ConfigMap; env?: Record<string, string> }): Promise<BenchStack> {
    // The same @pulumi/pulumi as the library in bin/ (the program registers its resources through it).
    const auto: typeof automation = require(require.resolve("@pulumi/pulumi/automation", { paths: [o.repo] }));
    // The lab's own workspace opener, built into the checkout's bin/ (bench/ runs transpiled in a temporary folder).
    const { openWorkspaceStack, prepareWorkDir, tempWorkspace, workspaceEnv }: typeof workspace = require(path.join(o.repo, "bin", "cli", "workspace"));
    const ws = tempWorkspace("oslab-bench-pulumi-");
    const root = ws.root;
    fs.mkdirSync(path.join(root, "traces"));
    // The dynamic-provider plugin runs in the project's `main` folder and resolves @pulumi/pulumi from there.
    const workDir = prepareWorkDir(ws.workDir, o.repo);
    // The plugin launcher runs `node`: this one. Node's compile cache for the plugin as the lab's CLI sets it
    // (cli/stack.ts cliEnv), for every Pulumi variant alike, in the run's own folder: the run's first command fills
    // it, the later ones read it.
    const envVars = {
      ...o.env,
      ...workspaceEnv({
        stateDir: ws.stateDir,
        home: ws.home,
        compileCache: path.join(root, "node-compile-cache"),
        passphrase: "oslab-bench",
        skipConfirmations: true,
        pathFirst: [o.cliDir, path.dirname(process.execPath)],
        env: { PATH: o.env?.PATH ?? process.env.PATH ?? "/usr/bin:/bin" },
      }),
    };
    // PulumiCommand.get finds `pulumi` on PATH (the folder may or may not be called bin/).
    process.env.PATH = envVars.PATH;
    const pulumiCommand = await auto.PulumiCommand.get({ skipVersionCheck: true });
    const calls: CliCall[] = [];
    // PulumiCommand.run starts every CLI process of the Automation API (internal: not in its type declarations).
    const command = pulumiCommand as unknown as { run: (args: string[], ...rest: unknown[]) => Promise<unknown> };
    const run = command.run.bind(pulumiCommand);
    let n = 0;
    // Times every CLI process; traces the operations.
    command.run = async (args, ...rest) => {
      const traced = OPERATIONS.has(args[0]);
      const trace = path.join(root, "traces", `${n++}-${args[0]}.json`);
      const start = process.hrtime.bigint();
      try {
        return await run(traced ? [...args, `--otel-traces=file://${trace}`] : args, ...rest);
      } finally {
        const call: CliCall = { command: args.filter((a) => !a.startsWith("--client=")).join(" "), ms: Number(process.hrtime.bigint() - start) / 1e6 };
        if (traced) call.engine = engineShare(spansOf(trace));
        calls.push(call);
      }
    };
    const stack = await openWorkspaceStack({ auto, stackName: "bench", projectName: o.projectName, program: o.program, workDir, pulumiCommand, envVars, config: o.config, projectSettings: { name: o.projectName, runtime: "nodejs", main: workDir } });
    return new BenchStack(stack, root, calls);
  }

  /** The last CLI process whose command starts with `op` (e.g. "up"). */
  last(op: string): CliCall {
    const c = [...this.calls].reverse().find((x) => x.command.split(" ")[0] === op);
    if (!c) throw new Error(`no pulumi ${op} was run`);
    return c;
  }

  /** `pulumi up`; returns the CLI process of the update and the engine's change summary. */
  async up(): Promise<Operation> {
    const r = await this.stack.up({ color: "never" });
    return { cli: this.last("up"), changes: (r.summary.resourceChanges ?? {}) as Record<string, number> };
  }

  /** `pulumi preview --refresh`. */
  async previewRefresh(): Promise<Operation> {
    const r = await this.stack.preview({ refresh: true, color: "never" });
    return { cli: this.last("preview"), changes: (r.changeSummary ?? {}) as Record<string, number> };
  }

  async destroy(): Promise<Operation> {
    const r = await this.stack.destroy({ color: "never" });
    return { cli: this.last("destroy"), changes: (r.summary.resourceChanges ?? {}) as Record<string, number> };
  }

  /** Removes the temporary folder (state, PULUMI_HOME, traces). */
  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface Operation {
  cli: CliCall;
  changes: Record<string, number>;
}

/**
 * Runs one operation and keeps its CLI process in `into[phase]`; fails if `expectNoChanges` and the engine reports
 * any change other than "same". Returns the CLI process's time (the phase's time).
 */
export async function timedOperation<P extends string>(into: Partial<Record<P, CliCall>>, phase: P, run: () => Promise<Operation>, expectNoChanges = false): Promise<number> {
  const { cli, changes } = await run();
  into[phase] = { ...cli, changes };
  const changed = Object.entries(changes).filter(([op, n]) => op !== "same" && n > 0);
  if (expectNoChanges && changed.length) throw new Error(`pulumi ${cli.command} changed something: ${JSON.stringify(changes)}`);
  return cli.ms;
}

/**
 * A variant that drives a stack through the CLI, phase by phase (pulumi-cli, pulumi-instance, pulumi-empty,
 * pulumi-dynamic-floor, pulumi-lab, pulumi-lab-floor): BENCH_PULUMI_DIR's CLI, `setup` opens the stack (and sets
 * `config`), then each phase's command (`create` and `noop` are `pulumi up`, `noop` and `read` must change
 * nothing), `details.engine` per phase (the CLI process, its trace's share, the change summary); after a failure what
 * was created is destroyed. `programModules` (given the checkout): what the program loads besides @pulumi/pulumi,
 * timed as a language host would load it (`details.languageHostMs`); null: not timed.
 */
export async function runCliVariant(opts: {
  projectName: string;
  /** The inline program; what it returns are the stack's outputs. */
  program: (repo: string) => Promise<void | Record<string, unknown>>;
  /** Stack config (set in `setup`) and the environment added to the CLI's and the plugin's. */
  config?: automation.ConfigMap;
  env?: Record<string, string>;
  phases: Array<"create" | "noop" | "read" | "delete">;
  programModules?: ((repo: string) => string[]) | null;
}): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  const cliDir = process.env.BENCH_PULUMI_DIR;
  if (!repo || !cliDir) throw new Error("OSLAB_BENCH_REPO and BENCH_PULUMI_DIR must be set (run bench/run.ts)");
  const details: Record<string, unknown> = {};
  if (opts.programModules !== null) details.languageHostMs = await timeProgramLoad(repo, opts.programModules?.(repo) ?? []);
  const engine: Partial<Record<string, CliCall>> = {};
  details.engine = engine;
  let s: BenchStack | undefined;
  let created = false;
  const command = {
    create: () => ((created = true), s!.up()),
    noop: () => s!.up(),
    read: () => s!.previewRefresh(),
    delete: async () => {
      const op = await s!.destroy();
      created = false;
      return op;
    },
  };
  await runPhases(
    [
      [
        "setup",
        async () => {
          s = await BenchStack.open({ repo, cliDir, projectName: opts.projectName, program: () => opts.program(repo), config: opts.config, env: opts.env });
          details.calls = s.calls;
        },
      ],
      ...opts.phases.map((p) => [p, () => timedOperation(engine, p, command[p], p === "noop" || p === "read")] as [typeof p, () => Promise<number>]),
    ],
    async () => {
      if (s && created) await s.destroy();
    },
    details,
  );
  s?.dispose();
}

