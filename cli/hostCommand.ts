/**
 * Running a program of the PC (systeminfo, bcdedit, npm...): an argument array and never a shell, so a path with
 * spaces or an argument such as `{current}` reaches the program as one argument on Windows too; CRLF kept (the
 * parsers take both).
 */
import { execFile } from "child_process";

export interface HostCommandResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Why it could not run or failed (exit code, ENOENT...). */
  error?: string;
}

export function runHostCommand(exe: string, args: ReadonlyArray<string>, timeoutMs = 60_000, env?: NodeJS.ProcessEnv): Promise<HostCommandResult> {
  return new Promise((resolve) => {
    execFile(exe, [...args], { shell: false, windowsHide: true, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: "utf8", env: env ?? process.env }, (err, stdout, stderr) => {
      resolve({ ok: !err, stdout: String(stdout ?? ""), stderr: String(stderr ?? ""), error: err ? err.message : undefined });
    });
  });
}
