/**
 * Counts TCP connections to a port from outside the test process (see countingProxyServer.js), so that the count
 * does not depend on the test's event loop while the CLI runs.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface CountingProxy {
  /** Where clients connect (127.0.0.1:port). */
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  stop(): Promise<void>;
}

export async function startCountingProxy(targetHost: string, targetPort: number): Promise<CountingProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-proxy-"));
  const log = path.join(dir, "connections.log");
  fs.writeFileSync(log, "");
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, "countingProxyServer.js"), targetHost, String(targetPort), log], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`counting proxy exited (${code}) before listening`)));
  });
  return {
    port,
    connections: () => fs.readFileSync(log, "utf8").split("\n").filter(Boolean).length,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
