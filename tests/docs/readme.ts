/**
 * Doc tests: an example's README is the test's script. `readmeScript` takes the fenced ```bash blocks of the
 * README, in order, and their ```powershell twins; `runReadme` runs the bash commands, one
 * after the other in one bash process, from the repository's root, as a user pastes them into a terminal, with
 * the real Pulumi CLI and the Node.js language host stand-in (tests/support/language-host) on PATH. A README
 * that drifts from the program or from the CLI fails its test.
 *
 * What the test's shell has that a user's has too: the Pulumi CLI on PATH, `OS_PASSWORD` when the README says to
 * set it, and PULUMI_SKIP_CONFIRMATIONS=true in place of the user answering "yes" to `pulumi up`/`destroy`.
 * HOME is a temporary folder, so the test also shows the commands leave the user's global Pulumi settings
 * (~/.pulumi: credentials, workspace) alone.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pulumiCliDir } from "../support/pulumiCli";

export const REPO = path.resolve(__dirname, "..", "..");

/**
 * Commands a README gives that the test environment has already run before any suite (`npm test` runs them:
 * scripts/test.sh); the test checks they are in the README but does not run them again.
 */
export const DONE_BY_NPM_TEST: Record<string, string> = {
  "npm ci": "scripts/test.sh installs node_modules (and npm's `prepare` builds bin/) before the suites run",
  "npm install": "scripts/test.sh installs node_modules (and npm's `prepare` builds bin/) before the suites run",
};

export interface ReadmeScript {
  /** One shell command per entry (continued lines joined), comments and blank lines dropped. */
  bash: string[];
  powershell: string[];
}

function blocks(markdown: string, lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp("^```" + lang + "\\s*\\n([\\s\\S]*?)^```", "gm");
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) out.push(m[1]);
  return out;
}

/** Lines of a shell block: `\` (bash) or backtick (PowerShell) continuations joined, comments removed. */
function commands(block: string, continuation: string): string[] {
  const joined = block.split("\n").reduce<string[]>((acc, line) => {
    const prev = acc.length ? acc[acc.length - 1] : undefined;
    if (prev !== undefined && prev.endsWith(continuation)) acc[acc.length - 1] = prev.slice(0, -1) + " " + line.trim();
    else acc.push(line);
    return acc;
  }, []);
  return joined
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter((l) => l.length > 0);
}

/** Every ```bash block of the README, in order, and every ```powershell block (```sh blocks are quotes, not run). */
export function readmeScript(readmePath: string): ReadmeScript {
  const md = fs.readFileSync(readmePath, "utf8");
  return {
    bash: blocks(md, "bash").flatMap((b) => commands(b, "\\")),
    powershell: blocks(md, "powershell").flatMap((b) => commands(b, "`")),
  };
}

/**
 * The `pulumi`, `openstack`, `cd` and `npm` commands of a block, with the two shells' spellings of the same thing
 * made equal (`"$X/y"`, `$env:X/y` and `"$env:X/y"`: double quotes dropped; `$(cmd)` and `(cmd)`), to check that
 * the PowerShell lines say what the bash lines say.
 */
export function portableCommands(lines: string[]): string[] {
  return lines
    .filter((l) => /^(pulumi|openstack|cd|npm) /.test(l))
    .map((l) => l.replace(/\$env:([A-Za-z_]+)/g, "$$$1").replace(/"/g, "").replace(/\$\(/g, "(").replace(/\\/g, "/"));
}

export interface CommandResult {
  command: string;
  output: string;
  code: number;
}

export interface ReadmeRun {
  ok: boolean;
  results: CommandResult[];
  /** The output of the `nth` (0: first) run of exactly `command`. */
  output(command: string, nth?: number): string;
  home: string;
}

/**
 * Runs the README's bash commands in one `bash` (so `cd` and `export` carry over), stopping at the first that
 * fails. `env` adds to a clean environment: PATH (the Pulumi CLI folder, this node, the system folders), HOME (a
 * temporary folder), PULUMI_SKIP_CONFIRMATIONS, PULUMI_SKIP_UPDATE_CHECK (the test machine is offline).
 */
export async function runReadme(
  script: ReadmeScript,
  env: Record<string, string> = {},
  /** After the first run of exactly this command (when it succeeded), the run waits for the function to finish. */
  pauses: Record<string, () => unknown> = {},
  /** Folders put first on PATH (stand-ins), and what the user's home holds before the run (e.g. ~/.ssh). */
  more: {
    pathPrefix?: string[];
    home?: (home: string) => void;
    /**
     * README commands the test machine cannot run as written (a download: it is offline), each with what runs in
     * its place, which must leave what the command would (the file). The README must have the command.
     */
    instead?: Record<string, string>;
  } = {},
): Promise<ReadmeRun> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "readme-home-"));
  more.home?.(home);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "readme-run-"));
  const toRun = script.bash.filter((c) => !(c in DONE_BY_NPM_TEST));
  // Each command's output goes to a file of its own; its exit code to another. `set -e` semantics by hand, so a
  // failing command's output is still kept.
  const lines = ["set -u"];
  const pauseAt = new Map<number, () => unknown>();
  for (const [prefix, fn] of Object.entries(pauses)) {
    const i = toRun.indexOf(prefix);
    if (i < 0) throw new Error(`the README has no command ${JSON.stringify(prefix)}`);
    pauseAt.set(i, fn);
  }
  for (const c of Object.keys(more.instead ?? {})) {
    if (!toRun.includes(c)) throw new Error(`the README has no command ${JSON.stringify(c)}`);
  }
  toRun.forEach((c, i) => {
    c = more.instead?.[c] ?? c;
    lines.push(`{ ${c}\n} >${work}/${i}.out 2>&1; echo $? >${work}/${i}.rc; [ "$(cat ${work}/${i}.rc)" = 0 ] || exit 1`);
    // a pause: bash waits (reading a FIFO) until the test has looked at the world
    if (pauseAt.has(i)) lines.push(`read -r _ <${work}/resume.${i}`);
  });
  for (const i of pauseAt.keys()) execFileSync("mkfifo", [path.join(work, `resume.${i}`)]);
  fs.writeFileSync(path.join(work, "script.sh"), lines.join("\n") + "\n");
  const child = spawn("bash", [path.join(work, "script.sh")], {
    cwd: REPO,
    env: {
      HOME: home,
      LANG: "C.UTF-8",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      ...env,
      PATH: [...(more.pathPrefix ?? []), pulumiCliDir(), path.dirname(process.execPath), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"].join(":"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  let bashDone = false;
  const closed = new Promise((resolve) => child.on("close", resolve)).then(() => (bashDone = true));
  let hookError: unknown = null;
  for (const [i, fn] of [...pauseAt.entries()].sort((a, b) => a[0] - b[0])) {
    // wait for the command's exit code (or for bash to stop)
    const rcFile = path.join(work, `${i}.rc`);
    const done = await Promise.race([closed.then(() => false), waitForFile(rcFile, () => bashDone).then(() => true)]);
    if (!done) break;
    if (fs.readFileSync(rcFile, "utf8").trim() === "0") {
      try {
        await fn();
      } catch (e) {
        hookError = e;
      }
    }
    fs.writeFileSync(path.join(work, `resume.${i}`), "\n");
    if (hookError) break;
  }
  await closed;
  const results: CommandResult[] = [];
  toRun.forEach((command, i) => {
    const rc = path.join(work, `${i}.rc`);
    if (!fs.existsSync(rc)) return;
    results.push({ command, output: fs.readFileSync(path.join(work, `${i}.out`), "utf8"), code: Number(fs.readFileSync(rc, "utf8").trim()) });
  });
  fs.rmSync(work, { recursive: true, force: true });
  if (hookError) throw hookError;
  const ok = results.length === toRun.length && results.every((r) => r.code === 0);
  if (!ok && stderr) results.push({ command: "(bash)", output: stderr, code: -1 });
  return {
    ok,
    results,
    home,
    output(command: string, nth = 0) {
      const r = results.filter((x) => x.command === command)[nth];
      if (!r) throw new Error(`${JSON.stringify(command)} did not run ${nth + 1} time(s)`);
      return r.output;
    },
  };
}

/** Polls until the file has content, or until `stop()` says to give up (bash ended: no poller outlives the run). */
async function waitForFile(file: string, stop: () => boolean): Promise<void> {
  while ((!fs.existsSync(file) || fs.readFileSync(file, "utf8").trim() === "") && !stop()) await new Promise((r) => setTimeout(r, 100));
}

/** A readable account of a failed run, for the assertion message. */
export function describe(run: ReadmeRun): string {
  return run.results.map((r) => `$ ${r.command}\n${r.output}${r.code ? `(exit ${r.code})\n` : ""}`).join("\n");
}

/** Files under `dir` that git does not track and does not ignore (what a README's commands left in the repository). */
export function untracked(dir: string): string[] {
  return execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", dir], { cwd: REPO, encoding: "utf8" })
    .split("\n")
    .filter((l) => l.startsWith("??"))
    .map((l) => l.slice(3));
}

export interface ReadmeSuite {
  /** The README (its folder is where the commands' stack lives: `.pulumi/`, `Pulumi.<stack>.yaml`). */
  readme: string;
  /** Set-up before the run (a lab world, a stand-in lab stack, objects to remove); runs first in the suite. */
  before?: () => unknown;
  /** The environment the run adds (see runReadme), asked after `before`. */
  env?: () => Record<string, string>;
  pauses?: Record<string, () => unknown>;
  more?: () => Parameters<typeof runReadme>[3];
  /** Clean-up after the suite (objects in the cloud, the world); the stack's files in the folder go anyway. */
  after?: () => unknown;
}

/**
 * A doc test suite in a few lines: `before`, then the README's bash lines run once (runReadme) in a beforeAll,
 * and the tests every README shares: its PowerShell lines say what its bash lines say, every command succeeds,
 * and nothing is left in the repository (untracked files, `Pulumi.<stack>.yaml`, `.pulumi/`) nor in the user's
 * global Pulumi settings. The suite's own tests read `suite.run` (and whatever its pauses saw). `after`, then
 * the folder's `.pulumi/` and `Pulumi.*.yaml`, go in an afterAll, but only when the folder held neither before
 * the run (a developer's own stack there is reported, never removed).
 */
export function describeReadme(o: ReadmeSuite): { readonly run: ReadmeRun } {
  const dir = path.dirname(o.readme);
  const stackFiles = () => [path.join(dir, ".pulumi"), ...fs.readdirSync(dir).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).map((f) => path.join(dir, f))];
  let ours = false;
  let run: ReadmeRun | undefined;
  beforeAll(async () => {
    const found = stackFiles().filter((f) => fs.existsSync(f));
    if (found.length) throw new Error(`${found.join(", ")} exist(s) (a stack of yours?): remove to run this test`);
    ours = true;
    await o.before?.();
    run = await runReadme(readmeScript(o.readme), o.env?.() ?? {}, o.pauses ?? {}, o.more?.() ?? {});
  });
  afterAll(async () => {
    try {
      await o.after?.();
    } finally {
      if (ours) for (const f of stackFiles()) fs.rmSync(f, { recursive: true, force: true });
      if (run) fs.rmSync(run.home, { recursive: true, force: true });
    }
  });
  test("the PowerShell lines say what the bash lines say", () => {
    const script = readmeScript(o.readme);
    expect(script.bash.filter((c) => /^pulumi up\b/.test(c)).length).toBeGreaterThan(0);
    expect(portableCommands(script.powershell)).toEqual(portableCommands(script.bash));
  });
  test("every command succeeds", () => {
    expect({ ok: run!.ok, account: run!.ok ? "" : describe(run!) }).toEqual({ ok: true, account: "" });
  });
  test("nothing is left in the repository, nothing global is touched", () => {
    expect(run!.ok).toBe(true);
    expect(untracked(dir)).toEqual([]);
    expect(stackFiles().filter((f) => !f.endsWith(".pulumi") && fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(path.join(run!.home, ".pulumi", "credentials.json"))).toBe(false);
  });
  return {
    get run() {
      if (!run) throw new Error("the README did not run (see the suite's beforeAll)");
      return run;
    },
  };
}

/** The README's `pulumi preview --refresh` right after `pulumi up`: `unchanged` resources unchanged, nothing planned. */
export function testNothingToDo(title: string, suite: { readonly run: ReadmeRun }, unchanged: number): void {
  test(title, () => {
    const out = suite.run.output("pulumi preview --refresh");
    expect(out).toMatch(new RegExp(`\\b${unchanged} unchanged`));
    expect(out).not.toMatch(/to (create|update|delete|replace)/);
  });
}
