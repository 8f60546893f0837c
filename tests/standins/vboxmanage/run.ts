/** Runs the VBoxManage stand-in in a fresh state directory (test helper). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const STANDIN = path.join(__dirname, "VBoxManage");

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

export function standin(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-standin-"));
  const base = { ...process.env, VBOX_STANDIN_STATE: dir, VBOX_STANDIN_HOME: dir, ...env };
  const run = (args: string[], extra: Record<string, string> = {}, exe = STANDIN): Run => {
    const r = spawnSync(exe, args, { env: { ...base, ...extra }, encoding: "utf8" });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
  };
  const ok = (args: string[], extra: Record<string, string> = {}): string => {
    const r = run(args, extra);
    if (r.code !== 0) throw new Error(`VBoxManage ${args.join(" ")} -> ${r.code}\n${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const calls = (): string[][] =>
    fs.readFileSync(path.join(dir, "calls.log"), "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  return { dir, run, ok, calls, cleanup };
}
