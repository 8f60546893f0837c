/**
 * The VBoxManage stand-in (tests/standins/vboxmanage/VBoxManage) for provider tests: a fresh state directory per
 * test, the stand-in first on PATH (the provider finds it like a real install), its calls.log, and its own CLI
 * for out-of-band changes.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const STANDIN_DIR = path.resolve(__dirname, "../standins/vboxmanage");
export const STANDIN = path.join(STANDIN_DIR, "VBoxManage");

export interface Call {
  argv: string[];
}

export interface StandIn {
  stateDir: string;
  /** Every VBoxManage invocation so far (from calls.log). */
  calls(): Call[];
  /** Runs the stand-in directly (an out-of-band change, as a user at a terminal would). */
  vbox(...args: string[]): string;
  /** Like vbox() but returns exit code and outputs. */
  try(...args: string[]): { status: number | null; stdout: string; stderr: string };
  env: Record<string, string>;
  restore(): void;
}

/** calls.log holds one JSON argv array per invocation. */
function argvOf(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.map(String) : [];
}

/** Sets process.env for this test (PATH, VBOX_STANDIN_STATE, extra) and returns the handle; call restore() after. */
export function useStandIn(extra: Record<string, string> = {}): StandIn {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-standin-"));
  const saved = { ...process.env };
  const env: Record<string, string> = {
    PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH ?? ""}`,
    VBOX_STANDIN_STATE: stateDir,
    HOME: stateDir,
    ...extra,
  };
  delete process.env.VBOXMANAGE_PATH;
  Object.assign(process.env, env);
  const childEnv = () => ({ ...process.env, ...env });
  return {
    stateDir,
    env,
    calls() {
      const log = path.join(stateDir, "calls.log");
      if (!fs.existsSync(log)) return [];
      return fs
        .readFileSync(log, "utf8")
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => {
          return { argv: argvOf(JSON.parse(l)) };
        });
    },
    vbox: (...args) => execFileSync(STANDIN, args, { env: childEnv(), encoding: "utf8" }),
    try(...args) {
      const r = spawnSync(STANDIN, args, { env: childEnv(), encoding: "utf8" });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    restore() {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The verb of a call, e.g. "showvminfo", "natnetwork list", "snapshot list" (VM argument skipped). */
export function verb(c: Call): string {
  const [a, b, c2] = c.argv;
  if (a === "natnetwork" || a === "unattended") return `${a} ${b}`;
  if (a === "snapshot") return `snapshot ${c2}`;
  return a ?? "";
}

/** Whether the stand-in knows a verb: run it once in a scratch state dir; "Invalid parameter"/"Invalid command" = no. */
export function standInSupports(args: string[], setup: string[][] = []): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-standin-probe-"));
  const env = { ...process.env, VBOX_STANDIN_STATE: dir, HOME: dir };
  try {
    for (const s of setup) spawnSync(STANDIN, s, { env, encoding: "utf8" });
    const r = spawnSync(STANDIN, args, { env, encoding: "utf8" });
    return !/Invalid (parameter|command)/.test(r.stderr ?? "");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
