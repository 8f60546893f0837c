/** One external command, no shell, timed; a failure carries the end of what it wrote. */
import { execFile } from "child_process";

export interface CommandRun {
  args: string[];
  ms: number;
  exitCode: number;
  stdout: string;
}

export function runCommand(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; okExitCodes?: number[] },
): Promise<CommandRun> {
  const ok = opts.okExitCodes ?? [0];
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: opts.cwd, env: opts.env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const exitCode = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : -1) : 0;
      if (!ok.includes(exitCode)) {
        const tail = `${String(stderr)}\n${String(stdout)}`.trim().split("\n").slice(-15).join("\n");
        reject(new Error(`${command} ${args.join(" ")} exited with ${exitCode}: ${tail}`));
      } else resolve({ args, ms, exitCode, stdout: String(stdout) });
    });
  });
}
