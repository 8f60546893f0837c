/**
 * The real Pulumi CLI (built by scripts/pulumi-cli.sh) over one of the project's program folders, for tests:
 *
 *   const stack = new CliStack({ programDir: __dirname, config: {...}, secretConfig: { cloud } });
 *   const up = await stack.run("up");                       // = pulumi up --yes
 *   await stack.run("preview", { refresh: true, diff: true, expectNoChanges: true });
 *   stack.dispose();
 *
 * Each command is one process (tests/support/cli/child.ts), as for the user; the program is run as an Automation
 * API inline program. The stack lives in a temporary work folder (a copy of the program's Pulumi.yaml, so the
 * stack's Pulumi.<stack>.yaml never lands in the repository) with the file backend, a passphrase, PULUMI_HOME of
 * its own, no update check and no plugin downloads: the CLI never tries the network.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { prepareWorkDir, tempWorkspace, workspaceEnv } from "../../cli/workspace";
import { descendants, processes } from "./cli/procs";
import type { CliCommand, CliFlags, CliRequest, CliResult } from "./cli/types";

const REPO = path.resolve(__dirname, "..", "..");

/** The folder holding `pulumi` and `pulumi-resource-pulumi-nodejs` (built once per machine). */
export function pulumiCliDir(): string {
  if (!process.env.OSLAB_PULUMI_CLI) {
    process.env.OSLAB_PULUMI_CLI = execFileSync("bash", [path.join(REPO, "scripts", "pulumi-cli.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  }
  return process.env.OSLAB_PULUMI_CLI;
}

export interface CliStackOptions {
  /** The folder with Pulumi.yaml and the program (`main`). */
  programDir: string;
  stack?: string;
  config?: Record<string, string>;
  /** Set with `--secret`. */
  secretConfig?: Record<string, string>;
  /** Added to the environment of the CLI, and so of the program and the dynamic-provider plugin. */
  env?: Record<string, string>;
  /**
   * Run in the program folder itself, as a user does (its Pulumi.yaml, and the stack's Pulumi.<stack>.yaml written
   * there): for a copy of an example in a user's folder. Default: a temporary work folder with the program's
   * Pulumi.yaml, so nothing is written into the repository.
   */
  inPlace?: boolean;
  /** The file backend's folder, to share one backend between stacks (StackReference). Default: one of its own. */
  stateDir?: string;
}

export interface RunOptions {
  /** Config changes for this and later runs. */
  config?: Record<string, string>;
  /** Ctrl-C: SIGINT to the CLI once its output matches. */
  interrupt?: CliRequest["interrupt"];
  /** `kill -9` of the CLI (its plugins live on) as soon as this says so (asked every 20 ms). */
  killWhen?: () => boolean;
  /** Called with the CLI's output as it comes. */
  onOutput?: (text: string) => void;
}

/** One step the engine reported (a resourcePreEvent): its op and the property keys it changes. */
export interface StepInfo {
  urn: string;
  name: string;
  type: string;
  op: string;
  diffs: string[];
  detailedDiff: Record<string, { kind: string; inputDiff?: boolean }> | null;
}

export class CliRun {
  constructor(readonly raw: CliResult) {}
  get ok() { return this.raw.ok; }
  get error() { return this.raw.error; }
  get stdout() { return this.raw.stdout; }
  get summary() { return this.raw.summary; }
  get events(): EngineEvent[] { return this.raw.events; }

  /** Stack outputs, secrets unwrapped. */
  get outputs(): Record<string, any> {
    return Object.fromEntries(Object.entries(this.raw.outputs).map(([k, v]) => [k, v.value]));
  }

  /** Which outputs are secret. */
  get secretOutputs(): string[] {
    return Object.entries(this.raw.outputs).filter(([, v]) => v.secret).map(([k]) => k);
  }

  /** Every resource step of the run, in order (custom resources only: not the stack, components or providers). */
  steps(): StepInfo[] {
    return this.raw.events
      .map((e) => e.resourcePreEvent?.metadata)
      .filter((m): m is NonNullable<typeof m> => !!m && m.type.startsWith("pulumi-nodejs:dynamic"))
      .map((m) => ({
        urn: m.urn,
        name: m.urn.split("::").pop()!,
        type: m.type,
        op: m.op,
        diffs: [...(m.diffs ?? [])].sort(),
        detailedDiff: (m.detailedDiff as unknown as StepInfo["detailedDiff"]) ?? null,
      }));
  }

  /** The op per resource name, refresh steps left out. */
  ops(): Record<string, string> {
    return Object.fromEntries(this.steps().filter((s) => s.op !== "refresh").map((s) => [s.name, s.op]));
  }

  /** The changed property keys per resource name, of the steps that change something (refresh steps left out). */
  diffs(): Record<string, string[]> {
    return Object.fromEntries(this.steps().filter((s) => s.op !== "refresh" && s.op !== "same").map((s) => [s.name, s.diffs]));
  }

  /**
   * Per resource that the run updates or replaces: the input keys whose old and new values differ, which is what
   * `--diff` prints for a dynamic resource (its provider reports no changed keys of its own; after a refresh the old
   * inputs are the live values `read` returned).
   */
  inputChanges(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of this.raw.events) {
      const m = e.resourcePreEvent?.metadata;
      if (!m || !m.type.startsWith("pulumi-nodejs:dynamic") || !["update", "replace", "create-replacement"].includes(m.op)) continue;
      const olds = (m.old?.inputs ?? {}) as Record<string, unknown>;
      const news = (m.new?.inputs ?? {}) as Record<string, unknown>;
      const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((k) => !k.startsWith("__")));
      out[m.urn.split("::").pop()!] = [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k])).sort();
    }
    return out;
  }

  /**
   * Whether a line of the resource's own progress matching `pattern` reached the user while its step was still
   * running: the engine event carrying the line comes before the event that ends the step (its outputs).
   */
  progressDuringStep(resourceName: string, pattern: RegExp): boolean {
    const line = this.raw.events.find((e) => e.diagnosticEvent && pattern.test(e.diagnosticEvent.message));
    const end = this.raw.events.find((e) => e.resOutputsEvent?.metadata.urn.endsWith(`::${resourceName}`));
    return !!line && !!end && line.sequence < end.sequence;
  }

  /** The diagnostic lines (info, warning, error) the engine showed, with the resource they came from. */
  diagnostics(): Array<{ urn: string; severity: string; message: string }> {
    return this.raw.events
      .map((e) => e.diagnosticEvent)
      .filter((d): d is NonNullable<typeof d> => !!d)
      .map((d) => ({ urn: d.urn ?? "", severity: d.severity, message: d.message }));
  }
}

export class CliStack {
  readonly workDir: string;
  readonly stateDir: string;
  readonly stack: string;
  readonly projectName: string;
  private readonly home: string;
  private readonly root: string;
  private readonly programMain: string;
  private config: Record<string, string>;

  constructor(private readonly o: CliStackOptions) {
    const project = parseYaml(fs.readFileSync(path.join(o.programDir, "Pulumi.yaml"), "utf8"));
    this.projectName = String(project.name);
    this.programMain = path.resolve(o.programDir, String(project.main ?? "index.ts"));
    this.stack = o.stack ?? "test";
    this.config = { ...(o.config ?? {}) };
    const ws = tempWorkspace(`cli-${this.projectName}-`, { stateDir: o.stateDir, workDir: o.inPlace ? o.programDir : undefined });
    this.root = ws.root;
    this.workDir = ws.workDir;
    this.stateDir = ws.stateDir;
    this.home = ws.home;
    // The program's Pulumi.yaml, its `main` made absolute (the CLI checks that it exists); the plugin runs in the
    // work folder and resolves @pulumi/pulumi and this package from there.
    if (!o.inPlace) prepareWorkDir(this.workDir, REPO, stringifyYaml({ ...project, main: this.programMain }));
  }

  /** The environment the CLI gets (offline, quiet, local state: cli/workspace.ts), then the test's own `env`. */
  env(): Record<string, string> {
    // the CLI, then the node running the tests (Node.js 24 under npm test, scripts/node.sh): the plugins start `node` from PATH
    const base = workspaceEnv({
      stateDir: this.stateDir,
      home: this.home,
      passphrase: "test-passphrase",
      skipConfirmations: true,
      pathFirst: [pulumiCliDir(), path.dirname(process.execPath)],
      env: { PATH: this.o.env?.PATH ?? process.env.PATH ?? "/usr/bin:/bin" },
    });
    return { ...base, ...(this.o.env ?? {}), PATH: base.PATH };
  }

  async run(command: CliCommand, flags: CliFlags = {}, opts: RunOptions = {}): Promise<CliRun> {
    Object.assign(this.config, opts.config ?? {});
    const dir = fs.mkdtempSync(path.join(this.root, "run-"));
    const req: CliRequest = {
      command,
      flags,
      cliDir: pulumiCliDir(),
      workDir: this.workDir,
      projectName: this.projectName,
      programMain: this.programMain,
      stack: this.stack,
      config: this.config,
      secretConfig: this.o.secretConfig,
      env: this.env(),
      resultFile: path.join(dir, "result.json"),
      interrupt: opts.interrupt,
    };
    fs.writeFileSync(path.join(dir, "request.json"), JSON.stringify(req));
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "cli", "child.ts"), path.join(dir, "request.json")], {
      cwd: REPO,
      env: { ...process.env, ...req.env, TS_NODE_PROJECT: path.join(REPO, "tests", "tsconfig.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => opts.onOutput?.(d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let killed: number[] | null = null;
    const watch = opts.killWhen && setInterval(() => {
      if (killed || !opts.killWhen!()) return;
      const all = processes();
      const clis = descendants(child.pid!, all).filter((p) => p.name === "pulumi" && p.ppid === child.pid);
      if (!clis.length) return;
      killed = clis.flatMap((c) => descendants(c.pid, all).map((p) => p.pid));
      for (const c of clis) process.kill(c.pid, "SIGKILL");
    }, 20);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (watch) clearInterval(watch);
    if (!fs.existsSync(req.resultFile)) throw new Error(`the CLI runner exited ${code} without a result:\n${stderr}`);
    const raw: CliResult = JSON.parse(fs.readFileSync(req.resultFile, "utf8"));
    if (killed) Object.assign(raw, { interrupted: "SIGKILL", orphans: killed });
    return new CliRun(raw);
  }

  /** The stack's checkpoint as the file backend stores it (`pulumi stack export`, secrets encrypted). */
  checkpoint(): any {
    const file = path.join(this.stateDir, ".pulumi", "stacks", this.projectName, `${this.stack}.json`);
    return JSON.parse(fs.readFileSync(file, "utf8"));
  }

  /** The raw text of the stack's state file (to look for secrets in clear). */
  stateText(): string {
    return fs.readFileSync(path.join(this.stateDir, ".pulumi", "stacks", this.projectName, `${this.stack}.json`), "utf8");
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
