/**
 * The serializability guard's two child processes. Serializing inside jest is not faithful (jest's VM realm lets
 * bad captures through), and loading must happen in a process that never saw the provider's modules, with the
 * cwd a user's program would have.
 */
import { spawnSync } from "child_process";
import * as path from "path";

export interface ChildSerializeResult {
  key: string;
  ok: boolean;
  text?: string;
  containsSecrets?: boolean;
  error?: string;
}

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

/**
 * Serializes, in plain node with `env` added, `require(modulePath)[name]` (exportSpec "name") or each property of
 * it (exportSpec "name.*").
 */
export function serializeInChild(modulePath: string, exportSpec: string, env: Record<string, string> = {}): ChildSerializeResult[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, "child", "serialize.js"), modulePath, exportSpec], {
    cwd: path.dirname(modulePath),
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`serialize child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `requires`: the modules the serialized text itself required while loading and running the call. */
export type CallResult = ({ ok: true; result: any } | { ok: false; error: { message: string; stack: string } }) & { requires: string[] };

/** Loads serialized provider text like the plugin does, in a fresh node process with `cwd`, and calls `method`. */
export function callInFreshProcess(text: string, cwd: string, method: string, args: unknown[], env: Record<string, string> = {}): CallResult {
  const r = spawnSync(process.execPath, [path.join(__dirname, "child", "loadAndCall.js"), require.resolve("require-from-string", { paths: [pulumiDir] })], {
    cwd,
    env: { ...process.env, ...env },
    input: JSON.stringify({ text, method, args }),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`load child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}
