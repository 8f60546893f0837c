/** `npm run lab -- <args>` as a user types it: npm itself, spawned without a shell, in the repository. */
import { spawnSync } from "child_process";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..", "..");

export interface LabRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function npmRunLab(args: string[], env: Record<string, string>, timeoutMs = 240_000): LabRun {
  const r = spawnSync("npm", ["run", "--silent", "lab", ...(args.length ? ["--", ...args] : [])], {
    cwd: REPO,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: timeoutMs,
    shell: false,
  });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
