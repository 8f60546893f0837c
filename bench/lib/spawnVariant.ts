/** Starting one variant process and timing it from spawn to exit (start-up included: it is what a user waits for). */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Workload } from "../workload";
import type { VariantResult } from "./child";

export interface Launch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface Outcome {
  wallMs: number;
  exitCode: number | null;
  result: VariantResult | null;
  /** The last lines the process wrote to stderr (for failures). */
  stderrTail: string;
}

export async function runVariant(launch: Launch, workload: Workload, timeoutMs: number): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-bench-run-"));
  const workloadFile = path.join(dir, "workload.json");
  const resultFile = path.join(dir, "result.json");
  fs.writeFileSync(workloadFile, JSON.stringify(workload));
  const env = { ...launch.env, BENCH_WORKLOAD: workloadFile, BENCH_RESULT: resultFile };
  let stderr = "";
  const start = process.hrtime.bigint();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(launch.command, launch.args, { env, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const result = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, "utf8")) as VariantResult) : null;
  fs.rmSync(dir, { recursive: true, force: true });
  return { wallMs, exitCode, result, stderrTail: stderr.split("\n").slice(-8).join("\n") };
}
