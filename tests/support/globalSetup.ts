import { execFileSync } from "child_process";
import * as path from "path";

const KEYSTONE = "http://127.0.0.1:5000/v3";
const NEUTRON = "http://127.0.0.1:9696/";

/**
 * Makes sure the project's real OpenStack Zed test cloud (scripts/test-cloud.sh) answers before any test runs:
 * when Keystone or Neutron does not answer, runs `scripts/test-cloud.sh up` (idempotent; it installs and starts
 * only what is missing, ~0.5 s when everything runs, a few minutes on a fresh machine). Needs root for that.
 * Set OSLAB_TEST_CLOUD=skip to run suites that do not need the cloud on a machine without it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.OSLAB_TEST_CLOUD === "skip") return;
  if (await answers(KEYSTONE) && await answers(NEUTRON)) return;

  const script = path.join(__dirname, "..", "..", "scripts", "test-cloud.sh");
  process.stderr.write(`\nThe OpenStack test cloud does not answer: running bash ${script} up\n`);
  try {
    // the script sets its own PATH (system python for the OpenStack tools, no pyenv shims)
    execFileSync("bash", [script, "up"], { stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    const hint = process.getuid?.() === 0 ? "see the log tail above" : "it must run as root: sudo bash scripts/test-cloud.sh up";
    throw new Error(`scripts/test-cloud.sh up failed (${hint}); or set OSLAB_TEST_CLOUD=skip to run without the cloud`);
  }
  for (const url of [KEYSTONE, NEUTRON]) {
    if (!(await answers(url))) throw new Error(`scripts/test-cloud.sh up finished but ${url} does not answer`);
  }
}

/** Any HTTP answer below 500 (401 included) means the service is up. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}
