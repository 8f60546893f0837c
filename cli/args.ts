/**
 * `npm run lab -- <verb> [flags]`: the verb (default `up`) and its flags. Arguments arrive as an array (npm passes
 * them without a shell on every platform we start), so a value with spaces stays one argument.
 *
 * Flags survive every shell. PowerShell's npm shim drops a bare `--` (npm/cli issues 3136, 4903, 7375), so
 * `npm run lab -- config set K V --secret` typed there reaches npm as `npm run lab config set K V --secret`, and npm
 * takes `--secret` as one of its own settings. npm then hands it to the script as an environment variable, never
 * as an argument [FACT from npm's @npmcli/config lib/set-envs.js and docs/using-npm/config.md]:
 * - `--flag-name` becomes `npm_config_flag_name` (dashes to underscores, lower case) with the value `true`;
 * - `--no-flag` and `--flag=false` become `npm_config_flag` = "" (false and null are written as the empty string);
 * - a flag npm does not know takes no value (npm 11: `--out r.md` gives `npm_config_out=true` and `r.md` as an
 *   argument), while `--out=r.md` gives `npm_config_out=r.md`;
 * - `npm_config_yes` is always set ("" unless `--yes`/`-y`), npm knowing `yes` itself.
 * `npm run lab --help` / `-h` is npm's own help for run-script (npm takes it before the script runs):
 * `npm run lab help` works in every shell.
 */
export const VERBS = ["up", "preview", "refresh", "destroy", "outputs", "doctor", "report", "config", "cancel", "snapshots", "restore", "help"] as const;
export type Verb = (typeof VERBS)[number];

export interface LabArgs {
  verb: Verb;
  /** preview/up: refresh first. */
  refresh: boolean;
  /** outputs/config get/list: show secret values. */
  showSecrets: boolean;
  /** up/destroy: skip the pre-flight doctor. */
  noDoctor: boolean;
  /** destroy: no question asked. */
  yes: boolean;
  /** report: where to write the Markdown file. */
  out?: string;
  /** config: `set <key> <value>` / `get <key>` / `rm <key>` / `list`, with --secret. */
  rest: string[];
  secret: boolean;
  /** Flags that arrived through npm's npm_config_* variables (said once, so the user knows they were seen). */
  fromNpm: string[];
}

export class UsageError extends Error {}

/** Every flag the lab knows, with the verbs it belongs to (the README's check reads this). */
export const FLAGS: ReadonlyArray<{ flag: string; short?: string; verbs: ReadonlyArray<Verb>; what: string }> = [
  { flag: "--refresh", short: "-r", verbs: ["up", "preview"], what: "compare with the live VM, guest and cloud first" },
  { flag: "--no-doctor", verbs: ["up"], what: "skip the PC checks before up" },
  { flag: "--show-secrets", verbs: ["outputs", "config"], what: "show secret values" },
  { flag: "--secret", verbs: ["config"], what: "store the value as a secret (keys named like a password always are)" },
  { flag: "--yes", short: "-y", verbs: ["destroy"], what: "do not ask before removing the lab" },
  { flag: "--out", verbs: ["report"], what: "where to write the report" },
  { flag: "--help", short: "-h", verbs: ["help"], what: "this text" },
];

export const USAGE = `usage: npm run lab [-- <verb> [flags]]     (PowerShell and cmd: the same line works without --)
  (no verb) | up [--refresh] [--no-doctor]   build or reconcile the lab (doctor first; a killed or cancelled run is picked up)
  preview [--refresh]    what up would change (--refresh: compare with the live VM, guest and cloud first)
  refresh                read every resource's live state into the stack
  destroy [--yes]        remove the lab (VM with its disk, NAT Network, networks); asks first unless --yes
  cancel                 stop a run going on in another window (or clear a killed run's lock)
  snapshots              the VM's snapshots, with the date the lab took each
  restore [SNAPSHOT]     back to a snapshot (default after-packstack): VM off, restore, start, SSH, then up --refresh
  outputs [--show-secrets]  the stack outputs (secrets masked unless --show-secrets)
  doctor                 check this PC (and, once the lab is up, the lab's health); needs no Pulumi CLI
  report [--out FILE]    write the field report (Markdown, secrets masked) to attach to a bug report
  config list | config get KEY | config set KEY VALUE [--secret] | config rm KEY
                         the lab's settings (examples/whole-lab/README.md); passwords are always stored as secrets
  help | --help | -h     this text`;

const truthy = (v: string | undefined) => v !== undefined && v !== "" && v !== "false" && v !== "0";

/** The lab's flags npm turned into npm_config_* variables (only when npm started us: npm_lifecycle_event). */
export function npmConfigFlags(env: NodeJS.ProcessEnv): { refresh?: true; showSecrets?: true; noDoctor?: true; secret?: true; yes?: true; out?: string; help?: true; names: string[] } {
  const out: ReturnType<typeof npmConfigFlags> = { names: [] };
  if (!env.npm_lifecycle_event) return out;
  const on = (k: string) => truthy(env[`npm_config_${k}`]);
  if (on("refresh")) (out.refresh = true), out.names.push("--refresh");
  if (on("show_secrets")) (out.showSecrets = true), out.names.push("--show-secrets");
  if (on("secret")) (out.secret = true), out.names.push("--secret");
  if (env.npm_config_yes === "true") (out.yes = true), out.names.push("--yes");
  // --no-doctor: npm writes false as ""; present-and-empty is the only way it arrives
  if (env.npm_config_doctor === "" || env.npm_config_doctor === "false" || on("no_doctor")) (out.noDoctor = true), out.names.push("--no-doctor");
  const o = env.npm_config_out;
  if (o !== undefined && o !== "" && o !== "false") (out.out = o), out.names.push("--out");
  return out;
}

export function parseArgs(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}): LabArgs {
  const npm = npmConfigFlags(env);
  const out: LabArgs = {
    verb: "up",
    refresh: !!npm.refresh,
    showSecrets: !!npm.showSecrets,
    noDoctor: !!npm.noDoctor,
    yes: !!npm.yes,
    rest: [],
    secret: !!npm.secret,
    fromNpm: npm.names,
  };
  // `--out r.md` through npm: npm_config_out=true and the file name among the arguments
  let outFromArgs = npm.out === "true";
  if (npm.out && npm.out !== "true") out.out = npm.out;
  let verbSeen = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--refresh" || a === "-r") out.refresh = true;
    else if (a === "--show-secrets") out.showSecrets = true;
    else if (a === "--no-doctor") out.noDoctor = true;
    else if (a === "--secret") out.secret = true;
    else if (a === "--yes" || a === "-y") out.yes = true;
    else if (a === "--skip-preview" || a === "--") continue; // a pulumi habit; a second -- some shells pass on
    else if (a === "--help" || a === "-h" || a === "-?") return { ...out, verb: "help" };
    else if (a === "--out" || a.startsWith("--out=")) {
      const v = a === "--out" ? argv[++i] : a.slice("--out=".length);
      if (!v) throw new UsageError("--out needs a file name");
      out.out = v;
      outFromArgs = false;
    } else if (a.startsWith("-") && a.length > 1) throw new UsageError(`unknown flag ${a}\n${USAGE}`);
    else if (!verbSeen && (VERBS as ReadonlyArray<string>).includes(a)) {
      out.verb = a as Verb;
      verbSeen = true;
    } else positional.push(a);
  }
  if (out.verb === "config") out.rest = positional;
  else if (out.verb === "restore" && positional.length <= 1) out.rest = positional;
  else if (out.verb === "report" && outFromArgs && positional.length === 1) out.out = positional[0];
  else if (positional.length) throw new UsageError(`unknown verb ${positional[0]}\n${USAGE}`);
  if (out.verb === "report" && outFromArgs && !out.out) throw new UsageError("--out needs a file name");
  if (out.verb === "config") {
    const [sub, key, value] = out.rest;
    const okShape =
      (sub === "set" && key && value !== undefined && out.rest.length === 3) ||
      ((sub === "get" || sub === "rm") && key && out.rest.length === 2) ||
      ((sub === "list" || sub === "ls") && out.rest.length === 1) ||
      out.rest.length === 0;
    if (!okShape) throw new UsageError(`config needs "list", "get KEY", "set KEY VALUE" or "rm KEY"\n${USAGE}`);
    if (!out.rest.length || sub === "ls") out.rest = ["list"];
  }
  return out;
}
