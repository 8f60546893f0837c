/**
 * `npm run lab -- <verb> [flags]`: the verb (default `up`) and its flags. Arguments arrive as an array (npm passes
 * them without a shell on every platform we start), so a value with spaces stays one argument.
 */
export const VERBS = ["up", "preview", "refresh", "destroy", "outputs", "doctor", "report", "config"] as const;
export type Verb = (typeof VERBS)[number];

export interface LabArgs {
  verb: Verb;
  /** preview/up: refresh first. */
  refresh: boolean;
  /** outputs: show secret values. */
  showSecrets: boolean;
  /** up/destroy: skip the pre-flight doctor. */
  noDoctor: boolean;
  /** report: where to write the Markdown file. */
  out?: string;
  /** config: `set <key> <value>` / `get <key>`, with --secret. */
  rest: string[];
  secret: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run lab [-- <verb> [flags]]
  (no verb) | up         build or reconcile the lab (runs doctor first; --no-doctor skips it)
  preview [--refresh]    what up would change (--refresh: compare with the live VM, guest and cloud first)
  refresh                read every resource's live state into the stack
  destroy                remove the lab (VM with its disk, NAT Network, networks)
  outputs [--show-secrets]  the stack outputs (secrets masked unless --show-secrets)
  doctor                 check this PC (and, once the lab is up, the lab's health)
  report [--out FILE]    write the field report (Markdown, secrets masked) to attach to a bug report
  config set KEY VALUE [--secret] | config get KEY   stack config (see examples/whole-lab/README.md)`;

export function parseArgs(argv: ReadonlyArray<string>): LabArgs {
  const out: LabArgs = { verb: "up", refresh: false, showSecrets: false, noDoctor: false, rest: [], secret: false };
  let verbSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--refresh" || a === "-r") out.refresh = true;
    else if (a === "--show-secrets") out.showSecrets = true;
    else if (a === "--no-doctor") out.noDoctor = true;
    else if (a === "--secret") out.secret = true;
    else if (a === "--yes" || a === "-y" || a === "--skip-preview") continue; // pulumi habits: the lab never prompts
    else if (a === "--out" || a.startsWith("--out=")) {
      const v = a === "--out" ? argv[++i] : a.slice("--out=".length);
      if (!v) throw new UsageError("--out needs a file name");
      out.out = v;
    } else if (a.startsWith("-")) throw new UsageError(`unknown flag ${a}\n${USAGE}`);
    else if (!verbSeen && (VERBS as ReadonlyArray<string>).includes(a)) {
      out.verb = a as Verb;
      verbSeen = true;
    } else if (verbSeen && out.verb === "config") out.rest.push(a);
    else throw new UsageError(`unknown verb ${a}\n${USAGE}`);
  }
  if (out.verb === "config") {
    const [sub, key, value] = out.rest;
    if (!((sub === "set" && key && value !== undefined && out.rest.length === 3) || (sub === "get" && key && out.rest.length === 2))) {
      throw new UsageError(`config needs "set KEY VALUE" or "get KEY"\n${USAGE}`);
    }
  }
  return out;
}
