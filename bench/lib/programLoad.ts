/**
 * What a Node language host would add to every `pulumi` command, which inline programs do not pay: a fresh node
 * process loading @pulumi/pulumi and the program's modules. Measured as one such process, spawn to exit.
 */
import { execFile } from "child_process";

export function timeProgramLoad(repo: string, modules: string[]): Promise<number> {
  const script = ["@pulumi/pulumi", ...modules].map((m) => `require(${JSON.stringify(m)});`).join("");
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", script], { cwd: repo }, (err) => (err ? reject(err) : resolve(Number(process.hrtime.bigint() - start) / 1e6)));
  });
}
