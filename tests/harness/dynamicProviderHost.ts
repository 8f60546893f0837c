/**
 * Starts the real Node dynamic-provider plugin shipped in @pulumi/pulumi (cmd/dynamic-provider, the script the
 * CLI's `pulumi-resource-pulumi-nodejs` shim runs) and speaks pulumirpc.ResourceProvider to it over gRPC, the way
 * the Go engine does. No CLI needed.
 *
 * How the engine launches it (sdk/go/common/resource/plugin/provider_plugin.go NewProvider, plugin.go):
 *   cwd  = the program directory (ctx.Pwd): the serialized `__provider`'s requires resolve from there;
 *   argv = [engine address]: only checked for presence, never dialled (cmd/dynamic-provider/index.js main);
 *   env  = the CLI's env + PULUMI_NODEJS_PROJECT, PULUMI_PROJECT, PULUMI_CONFIG (stack config JSON);
 *   stdout line 1 = the port (plugin.go "we expect it to write a single line to STDOUT"); later stdout/stderr
 *   lines become diagnostics (plugin.go isDynamicPluginBinary -> Diag.Infof / Infoerrf).
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import type { Props } from "./wire";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// The grpc-js instance @pulumi/pulumi's generated stubs were built against.
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const emptyproto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));
const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }));

/** pulumirpc.DiffResponse.DiffChanges */
export const DIFF_UNKNOWN = 0;
export const DIFF_NONE = 1;
export const DIFF_SOME = 2;

export interface HostOptions {
  /** Program directory (engine: ctx.Pwd). */
  cwd: string;
  /** Project name: PULUMI_NODEJS_PROJECT / PULUMI_PROJECT (namespacing of configure()'s config). */
  project?: string;
  /** Added to (or, with `cleanEnv`, instead of) this process's environment. */
  env?: Record<string, string | undefined>;
  cleanEnv?: boolean;
  /** Per-RPC deadline in ms (default 120 s). The engine has none; a hung RPC would otherwise hang the test. */
  rpcTimeoutMs?: number;
}

export interface OutputLine {
  stream: "stdout" | "stderr";
  line: string;
}

export interface RpcError extends Error {
  code?: number;
  details?: string;
  metadata?: any;
}

export interface DiffResult {
  changes: number;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
  diffs: string[];
}

const toStruct = (o: Props) => structproto.Struct.fromJavaScript(o);
const fromStruct = (s: any): Props | undefined => (s ? s.toJavaScript() : undefined);

export function makeUrn(stack: string, project: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}
const urnName = (urn: string) => urn.split("::").pop()!;
const urnType = (urn: string) => urn.split("::")[2].split("$").pop()!;

/** Every resource RPC names its resource the same way: URN, name and type from the URN, and the id when it has one. */
function address<R extends { setUrn(v: string): void; setName(v: string): void; setType(v: string): void }>(req: R, urn: string, id?: string): R {
  if (id !== undefined) (req as unknown as { setId(v: string): void }).setId(id);
  req.setUrn(urn);
  req.setName(urnName(urn));
  req.setType(urnType(urn));
  return req;
}

export class DynamicProviderHost {
  rpcTimeoutMs: number;

  private constructor(
    readonly proc: ChildProcess,
    readonly port: number,
    private readonly client: any,
    /** Everything the plugin printed after the port line, in order. */
    readonly output: OutputLine[],
    opts: HostOptions,
  ) {
    this.rpcTimeoutMs = opts.rpcTimeoutMs ?? 120_000;
  }

  /** The script the CLI's shim resolves (from the program directory) and runs with `node`. */
  static scriptPath(cwd: string): string {
    return require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd, pulumiDir] });
  }

  static async start(opts: HostOptions): Promise<DynamicProviderHost> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...(opts.cleanEnv ? {} : process.env), ...(opts.env ?? {}) })) {
      if (v !== undefined) env[k] = v;
    }
    if (opts.project) env.PULUMI_NODEJS_PROJECT = env.PULUMI_PROJECT = opts.project;
    const proc = spawn(process.execPath, [DynamicProviderHost.scriptPath(opts.cwd), "127.0.0.1:1"], {
      cwd: opts.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: OutputLine[] = [];
    const port = await new Promise<number>((resolve, reject) => {
      let gotPort = false;
      readline.createInterface({ input: proc.stdout! }).on("line", (line) => {
        if (gotPort) return void output.push({ stream: "stdout", line });
        gotPort = true;
        const p = Number.parseInt(line.trim(), 10);
        if (p > 0 && p < 65536) resolve(p);
        else reject(new Error(`plugin wrote an invalid port line: ${line}`));
      });
      readline.createInterface({ input: proc.stderr! }).on("line", (line) => output.push({ stream: "stderr", line }));
      proc.on("exit", (code) => {
        if (!gotPort) reject(new Error(`dynamic provider exited (${code}) before printing its port: ${output.map((o) => o.line).join("\n")}`));
      });
      proc.on("error", reject);
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    await new Promise<void>((res, rej) => client.waitForReady(Date.now() + 10_000, (e?: Error) => (e ? rej(e) : res())));
    return new DynamicProviderHost(proc, port, client, output, opts);
  }

  /** All output lines joined, e.g. to assert a progress line was printed or a secret never was. */
  outputText(): string {
    return this.output.map((o) => `${o.stream}: ${o.line}`).join("\n");
  }

  /** Output lines stay in the pipe for a moment after an RPC answers. */
  async flushOutput(): Promise<void> {
    await new Promise((r) => setTimeout(r, 100));
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      const exited = new Promise((r) => this.proc.once("exit", r));
      this.proc.kill("SIGTERM"); // the engine kills its plugins when the deployment ends
      await exited;
    }
  }

  private call<T>(method: string, req: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.client[method](req, { deadline: Date.now() + this.rpcTimeoutMs }, (err: RpcError | null, resp: T) =>
        err ? reject(err) : resolve(resp),
      );
    });
  }

  // ---- RPCs, fields as in pulumi/proto/pulumi/provider.proto ----

  async getPluginInfo(): Promise<string> {
    const r: any = await this.call("getPluginInfo", new emptyproto.Empty());
    return r.getVersion();
  }

  /** The engine tries Handshake first; the dynamic provider answers UNIMPLEMENTED (provider_plugin.go ~L388). */
  handshake(): Promise<unknown> {
    const req = new provproto.ProviderHandshakeRequest();
    req.setEngineAddress("127.0.0.1:1");
    return this.call("handshake", req);
  }

  /**
   * For dynamic providers the engine sends the FULL stack config with namespaced keys (pkg/resource/deploy/
   * target.go: "For dynamic providers, we always pass the full configuration"). `args` is required: without it
   * the plugin throws inside its handler and never answers.
   */
  async configure(config: Props = {}): Promise<{ acceptSecrets: boolean; supportsPreview: boolean }> {
    const req = new provproto.ConfigureRequest();
    req.setArgs(toStruct(config));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    const r: any = await this.call("configure", req);
    return { acceptSecrets: r.getAcceptsecrets(), supportsPreview: r.getSupportspreview() };
  }

  async check(urn: string, olds: Props, news: Props) {
    const req = address(new provproto.CheckRequest(), urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const r: any = await this.call("check", req);
    return {
      inputs: fromStruct(r.getInputs()) ?? {},
      failures: (r.getFailuresList() as any[]).map((f) => ({ property: f.getProperty() as string, reason: f.getReason() as string })),
    };
  }

  /** Olds = the old OUTPUTS (state); old inputs are sent too but the Node plugin ignores them. */
  async diff(urn: string, id: string, oldOutputs: Props, oldInputs: Props, news: Props, ignoreChanges: string[] = []): Promise<DiffResult> {
    const req = address(new provproto.DiffRequest(), urn, id);
    req.setOlds(toStruct(oldOutputs));
    req.setOldInputs(toStruct(oldInputs));
    req.setNews(toStruct(news));
    req.setIgnorechangesList(ignoreChanges);
    const r: any = await this.call("diff", req);
    return {
      changes: r.getChanges(),
      replaces: r.getReplacesList(),
      stables: r.getStablesList(),
      deleteBeforeReplace: r.getDeletebeforereplace(),
      diffs: r.getDiffsList(),
    };
  }

  async create(urn: string, properties: Props, timeoutSeconds = 0) {
    const req = address(new provproto.CreateRequest(), urn);
    req.setProperties(toStruct(properties));
    req.setTimeout(timeoutSeconds);
    const r: any = await this.call("create", req);
    return { id: r.getId() as string, properties: fromStruct(r.getProperties()) ?? {} };
  }

  /** Refresh sends state (+ inputs); the `import` option sends ONLY the id (step.go ImportStep.Apply). */
  async read(urn: string, id: string, state?: Props, inputs?: Props) {
    const req = address(new provproto.ReadRequest(), urn, id);
    req.setProperties(toStruct(state ?? {}));
    if (inputs) req.setInputs(toStruct(inputs));
    const r: any = await this.call("read", req);
    return { id: r.getId() as string, properties: fromStruct(r.getProperties()), inputs: fromStruct(r.getInputs()) };
  }

  async update(urn: string, id: string, oldOutputs: Props, oldInputs: Props, news: Props) {
    const req = address(new provproto.UpdateRequest(), urn, id);
    req.setOlds(toStruct(oldOutputs));
    req.setOldInputs(toStruct(oldInputs));
    req.setNews(toStruct(news));
    const r: any = await this.call("update", req);
    return { properties: fromStruct(r.getProperties()) ?? {} };
  }

  /** Properties = the old OUTPUTS, so the `__provider` last written to state runs the delete (step.go DeleteStep). */
  async delete(urn: string, id: string, outputs: Props, oldInputs: Props): Promise<void> {
    const req = address(new provproto.DeleteRequest(), urn, id);
    req.setProperties(toStruct(outputs));
    req.setOldInputs(toStruct(oldInputs));
    await this.call("delete", req);
  }
}
