import { execFileSync } from "child_process";
import * as path from "path";

/**
 * Makes sure the project's real OpenStack Zed test cloud (scripts/test-cloud.sh) answers before any test runs.
 * `test-cloud.sh up` is idempotent and takes ~2 s when everything already runs. Set OSLAB_TEST_CLOUD=skip to run
 * suites that do not need it on a machine without it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.OSLAB_TEST_CLOUD === "skip") return;
  const script = path.join(__dirname, "..", "..", "scripts", "test-cloud.sh");
  const ok = await answers("http://127.0.0.1:5000/v3") && await answers("http://127.0.0.1:9696/");
  if (ok) return;
  execFileSync("bash", [script, "up"], { stdio: "inherit" });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}
