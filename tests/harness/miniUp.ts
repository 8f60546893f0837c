/**
 * "pulumi up" without the CLI. `runStack` does in one process what the CLI does for a Node program: start the
 * dynamic-provider plugin with cwd = the program directory, Configure it with the stack config, run the program
 * (under setMocks, so the SDK serializes `__provider` and wires Outputs for real) and hand every dynamic-resource
 * registration to MiniEngine -> the real plugin; then delete what the program no longer declares, and save the
 * stack state to a JSON file for the next run. Other resource types (components) are accepted as they are.
 *
 * `miniUp` runs `runStack` in a child process -- one process per CLI command, like the CLI's language host -- so
 * the program's failures (a failed registration rejects every Output) stay out of the test's process, and every
 * run starts with fresh module caches.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DynamicProviderHost, OutputLine } from "./dynamicProviderHost";
import { MiniEngine, StepRecord } from "./miniEngine";
import { installRecordingMocks, settle } from "./programCapture";
import { StackState } from "./stackState";
import { Props, secret, UNKNOWN } from "./wire";

export type Operation = "up" | "preview" | "refresh" | "destroy";

export interface StackRunOptions {
  /** The directory holding Pulumi.yaml (the program's cwd and the plugin's). */
  programDir: string;
  /** The stack's state file (created when missing). */
  stateFile: string;
  operation: Operation;
  /** `up --refresh` / `preview --refresh`: refresh every resource first. */
  refresh?: boolean;
  stack?: string;
  /** Stack config; keys without a namespace get "<project>:". Values as `pulumi config set` stores them (strings). */
  config?: Record<string, string>;
  /** Config keys set with --secret. */
  secretConfig?: string[];
  /** Added to the environment of the program and of the plugin (undefined removes a variable). */
  env?: Record<string, string | undefined>;
}

export interface StackRunResult {
  ok: boolean;
  errors: string[];
  steps: Array<Pick<StepRecord, "op" | "urn" | "calls">>;
  /** Count of steps per op ("same", "create", "update", "replace", "delete", ...). */
  summary: Record<string, number>;
  /** Stack outputs (the program module's exports); secrets in wire form; unknown values as the UNKNOWN sentinel. */
  outputs: Props;
  /** The stack state after the run, `__provider` elided. */
  resources: Array<{ urn: string; type: string; name: string; id: string; outputs: Props }>;
  pluginOutput: OutputLine[];
}

interface ProjectFile {
  name: string;
  main: string;
}

function readProject(dir: string): ProjectFile {
  const yaml = require(require.resolve("js-yaml", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
  const doc = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as Props;
  if (!doc?.name) throw new Error(`${dir}/Pulumi.yaml has no name`);
  const runtime = typeof doc.runtime === "string" ? doc.runtime : doc.runtime?.name;
  if (runtime !== "nodejs") throw new Error(`${dir}/Pulumi.yaml: runtime ${runtime} is not nodejs`);
  return { name: String(doc.name), main: String(doc.main ?? ".") };
}

function namespaced(config: Record<string, string>, project: string): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
}

const isDynamic = (type: string) => type.startsWith("pulumi-nodejs:dynamic");

export async function runStack(o: StackRunOptions): Promise<StackRunResult> {
  const project = readProject(o.programDir);
  const stack = o.stack ?? "dev";
  const config = namespaced(o.config ?? {}, project.name);
  const secretKeys = Object.keys(namespaced(Object.fromEntries((o.secretConfig ?? []).map((k) => [k, ""])), project.name));
  const state = StackState.load(o.stateFile);
  const preview = o.operation === "preview";
  const errors: string[] = [];
  const note = (e: unknown) => {
    const m = String((e as Error)?.message ?? e);
    if (!errors.includes(m)) errors.push(m);
  };
  process.on("unhandledRejection", note);

  // The CLI's environment reaches both the program and the plugin; PULUMI_CONFIG is how the program sees config.
  for (const [k, v] of Object.entries(o.env ?? {})) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  const host = await DynamicProviderHost.start({
    cwd: o.programDir,
    project: project.name,
    env: { PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys) },
  });
  const engine = new MiniEngine(host, state, project.name, stack);
  let outputs: Props = {};
  try {
    // target.go: dynamic providers get the full, namespaced stack config.
    await host.configure(config);
    if (o.operation === "destroy") {
      await engine.destroyAll();
    } else if (o.operation === "refresh") {
      await engine.refreshAll();
    } else {
      if (o.refresh) await engine.refreshAll();
      outputs = await runProgram(o.programDir, project, stack, engine, preview, config, secretKeys, note);
    }
  } catch (e) {
    note(e);
  } finally {
    await host.flushOutput();
    await host.stop();
  }
  if (!preview) state.save(o.stateFile);
  const steps = engine.log.map(({ op, urn, calls }) => ({ op, urn, calls }));
  const summary: Record<string, number> = {};
  for (const s of steps) summary[s.op] = (summary[s.op] ?? 0) + 1;
  return {
    ok: errors.length === 0,
    errors,
    steps,
    summary,
    outputs,
    resources: state.list().map((r) => ({ urn: r.urn, type: r.type, name: r.name, id: r.id, outputs: { ...r.outputs, __provider: "<elided>" } })),
    pluginOutput: host.output,
  };
}

async function runProgram(
  programDir: string,
  project: ProjectFile,
  stack: string,
  engine: MiniEngine,
  preview: boolean,
  config: Record<string, string>,
  secretKeys: string[],
  note: (e: unknown) => void,
): Promise<Props> {
  const registered = new Set<string>();
  const recorder = await installRecordingMocks(
    {
      newResource: async (args) => {
        const reg = recorder.registrationFor(args);
        if (!isDynamic(args.type)) return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
        // the URN the monitor gives (parent types included), so dependencies name state records
        const urn = (pulumi.runtime.getMonitor() as any).newUrn(reg?.parent, args.type, args.name) as string;
        registered.add(urn);
        try {
          const r = await engine.register(args.type, args.name, unknownsAsSentinel(args.inputs), {
            urn,
            preview,
            import: args.id || undefined,
            ignoreChanges: reg?.ignoreChanges,
            deleteBeforeReplace: reg?.deleteBeforeReplace || undefined,
            additionalSecretOutputs: reg?.additionalSecretOutputs,
            dependencies: [...new Set([...(reg?.dependencies ?? []), ...Object.values(reg?.propertyDependencies ?? {}).flat()])],
          });
          return { id: r.state.id || undefined, state: r.state.outputs };
        } catch (e) {
          // the SDK rejects the resource's Outputs with this same text (deduplicated in `errors`)
          note(`failed to register new resource ${args.name} [${args.type}]: ${(e as Error).message}`);
          throw e;
        }
      },
      call: (a) => a.inputs,
    },
    project.name,
    stack,
    preview,
  );
  pulumi.runtime.setAllConfig(config, secretKeys);
  const cwd = process.cwd();
  process.chdir(programDir); // the language host runs the program in its directory
  let exportsOf: Props = {};
  try {
    exportsOf = require(path.resolve(programDir, project.main));
  } catch (e) {
    note(e);
  } finally {
    process.chdir(cwd);
  }
  const outputs: Props = {};
  for (const [k, v] of Object.entries(exportsOf)) {
    if (k === "__esModule" || typeof v === "function") continue;
    try {
      const s = await settle(v);
      const value = s.known ? (s.value ?? null) : UNKNOWN;
      outputs[k] = s.secret ? secret(value) : value;
    } catch (e) {
      note(e);
    }
  }
  await pulumi.runtime.disconnect().catch(note); // waits for every outstanding registration

  // step_generator.go GenerateDeletes: what the state holds and the program no longer declares is deleted.
  const gone = engine.state.list().filter((r) => !registered.has(r.urn)).map((r) => r.urn);
  for (const urn of engine.state.deleteOrder(gone)) {
    if (preview) engine.log.push({ op: "delete", urn, calls: [] });
    else await engine.delete(urn).catch(note);
  }
  return outputs;
}

/** The child process that runs one command: node + ts-node running child/stackRun.ts, writing its result to a file. */
function stackRunChild(): { args: (resultFile: string) => string[]; env: NodeJS.ProcessEnv } {
  return {
    args: (resultFile) => ["-r", require.resolve("ts-node/register/transpile-only"), path.join(__dirname, "child", "stackRun.ts"), resultFile],
    // like the nodejs language host's ts-node defaults (cmd/run: commonjs, node resolution), merged into the
    // program's tsconfig.json when it has one
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node", ignoreDeprecations: "6.0" }),
    },
  };
}

const newResultFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "miniup-")), "result.json");

/** The run's result, or a "crashed" error with the child's output when it wrote none. */
function takeResult(resultFile: string, crashed: () => string): StackRunResult {
  if (!fs.existsSync(resultFile)) {
    fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
    throw new Error(`stack run crashed ${crashed()}`);
  }
  const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as StackRunResult;
  fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
  return result;
}

/** Runs one CLI-like command over a stack in a child process (see the file comment). Blocks this process. */
export function miniUp(o: StackRunOptions): StackRunResult {
  const resultFile = newResultFile();
  const child = stackRunChild();
  const r = spawnSync(process.execPath, child.args(resultFile), {
    cwd: o.programDir,
    env: child.env,
    input: JSON.stringify(o),
    encoding: "utf8",
    timeout: 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return takeResult(resultFile, () => `(${r.status} ${r.signal ?? ""}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * `miniUp` without blocking this process: for tests whose own servers (fault proxies, stand-ins) must keep
 * answering, or be steered, while the stack runs.
 */
export function miniUpAsync(o: StackRunOptions): Promise<StackRunResult> {
  const resultFile = newResultFile();
  const child = stackRunChild();
  const proc = spawn(process.execPath, child.args(resultFile), { cwd: o.programDir, env: child.env, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  proc.stdin.end(JSON.stringify(o));
  return new Promise((resolve, reject) => {
    proc.on("error", reject);
    proc.on("close", (code, signal) => {
      try {
        resolve(takeResult(resultFile, () => `(${code} ${signal ?? ""}):\n${output}`));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/**
 * In preview the mock monitor deserializes the engine's unknown sentinel into the SDK's `unknown` object; the engine
 * would send the provider the sentinel string itself (plugin Struct encoding), so turn it back.
 */
function unknownsAsSentinel(v: any): any {
  const { isUnknown } = require("@pulumi/pulumi/output");
  if (isUnknown(v)) return UNKNOWN;
  if (Array.isArray(v)) return v.map(unknownsAsSentinel);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unknownsAsSentinel(x)]));
  }
  return v;
}
