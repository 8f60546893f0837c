/**
 * Running one VBoxManage process: argument array (never a shell), C locale, CRLF normalised, the
 * "VBoxManage: error:" stderr pattern treated as failure even with exit 0, errors classified, and the
 * transient kinds (locked, object not ready) retried with backoff within the deadline.
 */
import { execFile } from "child_process";
import { classifyError } from "./parse";
import { showCommand, VBoxErrorKind, VBoxManageError } from "./errors";
import { retryUntil } from "../../core/retry";
import { redact } from "../../core/secrets";

export interface RunOptions {
  /** Strings to mask wherever the command or its output is shown. */
  secrets?: ReadonlyArray<string>;
  /** Epoch ms; retries stop here. */
  deadline?: number;
  /** Exit codes/outputs that are not failures for this call (e.g. "snapshot list" with no snapshots). */
  accept?: (r: RunResult) => boolean;
  /** Retries on transient errors (default 5). */
  attempts?: number;
  /** First backoff delay in ms (default 500, doubling, at most 5 s). */
  backoffMs?: number;
  /** Told before each retry of a transient failure (the user sees why the step waits). */
  onRetry?: (err: VBoxManageError, delayMs: number) => void;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ERROR_LINE = /VBoxManage(?:\.exe)?: error:/;
const TRANSIENT: ReadonlyArray<VBoxErrorKind> = ["locked", "access-denied"];

function spawnOnce(exe: string, args: ReadonlyArray<string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      exe,
      [...args],
      {
        shell: false,
        windowsHide: true,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
        encoding: "utf8",
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as any).code) : null) : 0;
        if (err && code === null) return reject(err); // could not start (ENOENT, EACCES...)
        resolve({ stdout: String(stdout).replace(/\r\n/g, "\n"), stderr: String(stderr).replace(/\r\n/g, "\n"), exitCode: code ?? 0 });
      },
    );
  });
}

function failure(exe: string, args: ReadonlyArray<string>, r: RunResult, secrets: ReadonlyArray<string>): VBoxManageError | null {
  if (r.exitCode === 0 && !ERROR_LINE.test(r.stderr)) return null;
  const c = classifyError(r.stderr || r.stdout, r.exitCode);
  const kind = (c?.kind ?? "other") as VBoxErrorKind;
  const message = redact(c?.message || firstErrorLine(r.stderr) || r.stdout.trim().split("\n")[0] || "VBoxManage failed", [...secrets]);
  const stderr = redact(r.stderr, [...secrets]);
  return new VBoxManageError(kind, message, showCommand(exe, args, secrets), r.exitCode, stderr);
}

function firstErrorLine(stderr: string): string {
  const m = /VBoxManage(?:\.exe)?: error: (.*)/.exec(stderr);
  return m ? m[1].trim() : "";
}

export async function runVBoxManage(exe: string, args: ReadonlyArray<string>, opts: RunOptions = {}): Promise<RunResult> {
  const secrets = opts.secrets ?? [];
  const transient = new WeakSet<VBoxManageError>();
  return retryUntil(
    async () => {
      let r: RunResult;
      try {
        r = await spawnOnce(exe, args);
      } catch (e) {
        throw new Error(`cannot run ${showCommand(exe, args, secrets)}: ${(e as Error).message}`);
      }
      if (opts.accept?.(r)) return r;
      const err = failure(exe, args, r, secrets);
      if (!err) return r;
      if (err.kind !== "syntax" && (TRANSIENT.includes(err.kind) || /VBOX_E_INVALID_OBJECT_STATE|E_ACCESSDENIED/.test(r.stderr))) transient.add(err);
      throw err;
    },
    {
      attempts: opts.attempts ?? 5,
      firstMs: opts.backoffMs ?? 500,
      capMs: 5000,
      deadline: opts.deadline ?? Infinity,
      retryable: (e) => e instanceof VBoxManageError && transient.has(e),
      onRetry: (e, _n, ms) => opts.onRetry?.(e as VBoxManageError, ms),
    },
  );
}
