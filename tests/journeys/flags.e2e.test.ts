/**
 * A learner's first steps with `npm run lab`, typed as in bash (with `--`) and as PowerShell passes them (the `--`
 * dropped, so npm takes the flags and hands them over as npm_config_* variables): the settings checked before
 * anything is stored, a password stored as a secret whatever the flags, and no secret in any file of the state
 * folder; help in every spelling; the doctor with no Pulumi CLI on the PC; and a state folder whose name holds a
 * space, `#`, `%`, `?` and non-ASCII letters, through the real Pulumi CLI and its file backend.
 * Build first: npx tsc -p tsconfig.json. The real CLI: scripts/pulumi-cli.sh (run under flock /tmp/oslab-cloud.lock).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FLAGS, VERBS } from "../../cli/args";
import { pulumiCliDir } from "../support/pulumiCli";
import { STANDIN_DIR } from "../virtualbox/standin";
import { REPO } from "../labcli/support/npmRunLab";
import { okLab, runLab } from "./support/lab";

jest.setTimeout(5 * 60_000);

let dir: string;
let stateDir: string;
let env: Record<string, string>;
const PASSWORDS = { admin: "Adm1n-Secret-9f3e", root: "R00t-Secret-c41d", other: "Tok-Secret-77aa" };

/** Every file under the state folder, each read whole. */
function stateFiles(root: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) continue; // project/node_modules -> the repository's
      if (e.isDirectory()) walk(p);
      else out.push({ file: p, text: fs.readFileSync(p).toString("latin1") + fs.readFileSync(p, "utf8") });
    }
  };
  walk(root);
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-journeys-flags-"));
  stateDir = path.join(dir, "Jörg's labs #1 100% ?x"); // C:\Users\Jörg\My Labs and worse
  fs.mkdirSync(path.join(dir, "vbox"));
  env = {
    PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH}`,
    VBOX_STANDIN_STATE: path.join(dir, "vbox"),
    VBOX_STANDIN_HOME: path.join(dir, "vbox"),
    LAB_STATE_DIR: stateDir,
    LAB_STACK: "lab",
    LAB_PULUMI_CLI: pulumiCliDir(),
    LAB_DOCTOR_SKIP: "ports",
  };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("help, --help and -h print the usage with exit 0, with or without --", async () => {
  for (const [args, dashes] of [[["help"], false], [["help"], true], [["--help"], true], [["-h"], true]] as const) {
    const r = await runLab([...args], env, { dashes });
    expect({ args, status: r.status }).toEqual({ args, status: 0 });
    expect(r.output).toContain("usage: npm run lab");
    expect(r.output).toContain("config list | config get KEY | config set KEY VALUE [--secret] | config rm KEY");
  }
  const bad = await runLab(["preview", "--refesh"], env);
  expect(bad.status).toBe(2);
  expect(bad.output).toMatch(/unknown flag --refesh/);
});

test("config set through npm with and without --: a password is a secret whatever the flags; the backend in a folder named with # % ? and ö", async () => {
  // PowerShell: the -- is gone, npm keeps --secret and hands it over as npm_config_secret=true
  expect(await okLab(["config", "set", "adminPassword", PASSWORDS.admin, "--secret"], env, { dashes: false })).toMatch(/^set adminPassword \(secret\)$/m);
  // no flag at all: rootPassword is always a secret
  expect(await okLab(["config", "set", "rootPassword", PASSWORDS.root], env)).toMatch(/^set rootPassword \(secret: rootPassword is always kept as a secret\)$/m);
  // --secret on a key that is not a password, as PowerShell passes it
  expect(await okLab(["config", "set", "vmName", PASSWORDS.other, "--secret"], env, { dashes: false })).toMatch(/^set vmName \(secret\)$/m);
  expect(await okLab(["config", "set", "memoryMb", "12288"], env, { dashes: false })).toMatch(/^set memoryMb = 12288$/m);

  const list = await okLab(["config", "list"], env);
  expect(list).toMatch(/^adminPassword = \[secret\]$/m);
  expect(list).toMatch(/^rootPassword = \[secret\]$/m);
  expect(list).toMatch(/^vmName = \[secret\]$/m);
  expect(list).toMatch(/^memoryMb = 12288$/m);
  // --show-secrets as PowerShell passes it
  expect((await okLab(["config", "get", "adminPassword", "--show-secrets"], env, { dashes: false })).trim()).toBe(PASSWORDS.admin);
  expect((await okLab(["config", "get", "adminPassword"], env)).trim()).toBe("[secret]");

  // the state is in the folder as named (no folder cut at # or ?), and no secret is in any file of it
  expect(fs.existsSync(path.join(stateDir, ".pulumi", "stacks", "pulumi-openstack-lab", "lab.json")) || fs.existsSync(path.join(stateDir, "project", "Pulumi.lab.yaml"))).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(["Jörg's labs #1 100% ?x", "vbox"]);
  const files = stateFiles(stateDir);
  expect(files.map((f) => path.relative(stateDir, f.file))).toContain(path.join("project", "Pulumi.lab.yaml"));
  for (const f of files) for (const secret of Object.values(PASSWORDS)) expect({ file: f.file, leaked: f.text.includes(secret) }).toEqual({ file: f.file, leaked: false });
});

test("config set refuses an unknown key (did you mean) and a wrong-typed value at once, storing nothing; config rm", async () => {
  const typo = await runLab(["config", "set", "memroyMb", "8192"], env, { dashes: false });
  expect(typo.status).toBe(2);
  expect(typo.output).toMatch(/memroyMb is not a setting of the lab: did you mean memoryMb\?/);
  const lots = await runLab(["config", "set", "memoryMb", "lots"], env);
  expect(lots.status).toBe(2);
  expect(lots.output).toMatch(/memoryMb="lots" is not valid: a number is needed/);
  const list = await okLab(["config", "list"], env);
  expect(list).not.toMatch(/memroyMb/);
  expect(list).toMatch(/^memoryMb = 12288$/m);
  expect(await okLab(["config", "rm", "memoryMb"], env)).toMatch(/^removed memoryMb/m);
  expect(await okLab(["config", "list"], env)).not.toMatch(/^memoryMb/m);
});

test("a path setting is taken from the folder the command was typed in and stored absolute", async () => {
  const cwd = path.join(REPO, "tests");
  await okLab(["config", "set", "installerIso", path.join("isos", "CentOS Stream 9.iso")], env, { cwd });
  expect((await okLab(["config", "get", "installerIso"], env)).trim()).toBe(path.join(cwd, "isos", "CentOS Stream 9.iso"));
});

test("doctor with no Pulumi CLI on the PC: every PC check runs, the missing CLI is one more check", async () => {
  const noCli = { ...env, LAB_PULUMI_CLI: "" };
  const r = await runLab(["doctor"], noCli);
  expect(r.output).toMatch(/^\[ok {2}\] VirtualBox \(VBoxManage\): VirtualBox 7\./m);
  expect(r.output).toMatch(/^\[ok {2}\] Pulumi CLI: not installed yet: the first npm run lab installs v3\.274\.1 into .*\.pulumi-cli/m);
  expect(r.output).toMatch(/^doctor: /m);
  expect(r.output).not.toMatch(/installing the Pulumi CLI/);
  // with the CLI: its version (the one scripts/pulumi-cli/go.mod pins)
  expect(await runLab(["doctor"], env).then((x) => x.output)).toMatch(/^\[ok {2}\] Pulumi CLI: v3\.274\.1 \(LAB_PULUMI_CLI\)$/m);
});

test("the README's npm run lab section names only verbs and flags the CLI has, and every verb", () => {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### `npm run lab` on your PC"), readme.indexOf("## Use it in your own stack"));
  // the commands as shown: code blocks and `inline code` (prose such as "run npm run lab again" is not a command)
  const code = [...section.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]).join("\n");
  const lines = [...code.matchAll(/npm run lab(?: --)?((?: [a-z][A-Za-z-]*| --?[a-z-]+)*)/g)].map((m) => m[1].trim().split(/\s+/).filter(Boolean));
  expect(lines.length).toBeGreaterThan(5);
  const flags = new Set(FLAGS.flatMap((f) => [f.flag, f.short].filter(Boolean) as string[]));
  const seen = new Set<string>();
  for (const words of lines) {
    const verb = words.find((w) => !w.startsWith("-"));
    if (verb) {
      expect({ verb, known: (VERBS as ReadonlyArray<string>).includes(verb) }).toEqual({ verb, known: true });
      seen.add(verb);
    }
    for (const f of words.filter((w) => w.startsWith("-"))) expect({ f, known: flags.has(f) }).toEqual({ f, known: true });
  }
  for (const v of VERBS) if (v !== "up") expect({ v, inReadme: seen.has(v) }).toEqual({ v, inReadme: true });
});
