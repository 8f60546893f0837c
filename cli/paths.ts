/**
 * Where the lab keeps its things on the PC: the repository (found from this file, whether it runs from cli/ or
 * bin/cli/), the state folder (`.pulumi-state`, or LAB_STATE_DIR) with the passphrase, the SSH key and the phase
 * durations, and the stack name (`lab`, or LAB_STACK).
 */
import * as fs from "fs";
import * as path from "path";

export interface LabPaths {
  repoRoot: string;
  stateDir: string;
  passphraseFile: string;
  keyPath: string;
  durationsFile: string;
  stack: string;
  /** Pulumi.yaml's `main`, absolute. */
  mainFile: string;
}

/** The nearest folder above `from` holding this project's package.json. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "pulumi-openstack-lab") return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the pulumi-openstack-lab folder above ${from}`);
  }
}

/** Pulumi.yaml's `main:` (one line, no YAML library needed for it). */
export function projectMain(repoRoot: string): string {
  const text = fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8");
  const m = /^main:\s*(\S+)\s*$/m.exec(text);
  return path.resolve(repoRoot, m ? m[1] : "index.ts");
}

export function labPaths(env: NodeJS.ProcessEnv = process.env, repoRoot: string = findRepoRoot()): LabPaths {
  const stateDir = path.resolve(env.LAB_STATE_DIR || path.join(repoRoot, ".pulumi-state"));
  return {
    repoRoot,
    stateDir,
    passphraseFile: path.join(stateDir, "passphrase"),
    keyPath: path.resolve(env.LAB_SSH_KEY || path.join(stateDir, "id_ed25519")),
    durationsFile: path.join(stateDir, "phase-durations.json"),
    stack: env.LAB_STACK || "lab",
    mainFile: projectMain(repoRoot),
  };
}

/**
 * `file://` URL of a folder for PULUMI_BACKEND_URL, any folder name included (spaces, `#`, `%`, `?`, non-ASCII,
 * `C:\\Users\\Jörg\\My Labs`). The Pulumi CLI (pkg/backend/diy massageBlobPath, v3.274.1) keeps the text after
 * `file://` as it is, cut at the first `?`, and hands it to gocloud's fileblob, which parses it as a URL and opens
 * the *decoded* path: so each path segment is percent-encoded (a raw `#` would start a fragment, a raw `%` be an
 * escape). Windows: `file:///C:/...` (the form the CLI strips the slash of).
 */
export function fileBackendUrl(dir: string, platform: NodeJS.Platform = process.platform): string {
  const slashed = platform === "win32" ? `/${dir.replace(/\\/g, "/")}` : dir;
  const encoded = slashed
    .split("/")
    .map((seg, i) => (platform === "win32" && i === 1 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join("/");
  return `file://${encoded}`;
}
