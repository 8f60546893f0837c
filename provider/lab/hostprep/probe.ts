/**
 * Probes: small bash snippets that print facts ("<key>.<name>=<value>" lines) about the host. Every item and
 * every precheck has one; all of them run as ONE script over the operation's one connection, so reading the
 * whole host is a single round trip.
 */
import { RemoteHost } from "../common";
import { HostPrepInputs } from "./types";

export type Facts = Record<string, string>;

export interface Probe {
  /** Key in the `items` output (items) or in failure lists (prechecks); a bash-identifier. */
  key: string;
  /** Bash function body: `$1`, `$2` ... are `args(want)`; `fact NAME VALUE` prints one fact. */
  probe: string;
  args?(want: HostPrepInputs): string[];
}

/** `fact NAME VALUE`: newlines in values travel as \x1f (one fact per line). */
const PRELUDE =
  "export LC_ALL=C\n" +
  "fact() { local v=\"$2\"; v=\"${v//$'\\n'/$'\\x1f'}\"; printf '%s.%s=%s\\n' \"$ITEM\" \"$1\" \"$v\"; }\n";

/** One script running every probe; returns facts by probe key. */
export async function runProbes(host: RemoteHost, probes: ReadonlyArray<Probe>, want: HostPrepInputs, timeoutMs = 600_000): Promise<Record<string, Facts>> {
  const args: string[] = [];
  let body = PRELUDE;
  for (const p of probes) {
    const a = p.args?.(want) ?? [];
    body += `probe_${p.key}() {\n${p.probe}\n}\nITEM=${p.key} probe_${p.key}${a.length ? ` "\${@:${args.length + 1}:${a.length}}"` : ""} || true\n`;
    args.push(...a);
  }
  const res = await host.script(body, args, { timeoutMs });
  return parseFacts(res.stdout);
}

export function parseFacts(stdout: string): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  for (const line of stdout.split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    (out[m[1]] ??= {})[m[2]] = m[3].replace(/\x1f/g, "\n");
  }
  return out;
}

/** "a,b," -> ["a", "b"] */
export function list(v: string | undefined): string[] {
  return (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}
