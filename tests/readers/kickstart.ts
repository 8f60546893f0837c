/**
 * A kickstart read the way Anaconda's pykickstart reads it (RHEL9 handler). Facts (no code copied) from
 * pykickstart (github pykickstart/pykickstart, commit 435ebbefdb5a2290fdea0b4ce648c5aba7651711):
 * - parser.py KickstartParser._stateMachine: the text is split with str.splitlines (so \v \f \x1c-\x1e \x85
 *   U+2028 U+2029 end lines too); blank lines and lines whose first non-blank character is "#" are skipped; every
 *   other line is split with shlex.split(line, comments=True) (./shlex.ts); a first word starting with "%" opens a
 *   section, anything else is a command of the RHEL9 handler (handlers/rhel9.py), unknown commands are errors;
 * - _readSection: lines up to "%end" belong to the section; a missing %end is an error;
 * - sections.py PackageSection.handleLine: everything from the first "#" is dropped; parser.py Packages.add:
 *   "@^name" sets THE environment (a later one replaces an earlier one), "@name" a group, "-name" an exclusion;
 * - commands/rootpw.py (RHEL9_RootPw): options --iscrypted, --plaintext, --lock, --allow-ssh and exactly one
 *   positional ("A single argument is expected for the rootpw command"); an argument starting with "-" is an option
 *   to argparse, not the password;
 * - commands/sshkey.py (F22_SshKey): --username=<user> required and exactly one quoted key argument.
 */
import { shlexSplit } from "./shlex";

/** handlers/rhel9.py's command names. */
export const RHEL9_COMMANDS = new Set(
  ("auth authconfig authselect autopart autostep bootloader btrfs cdrom clearpart cmdline device deviceprobe dmraid driverdisk " +
    "module eula fcoe firewall firstboot graphical group halt harddrive hmc ignoredisk install iscsi iscsiname keyboard lang " +
    "liveimg logging logvol mediacheck method mount multipath network nfs nvdimm timesource ostreesetup ostreecontainer part " +
    "partition poweroff raid realm reboot repo reqpart rescue rhsm rootpw selinux services shutdown skipx snapshot sshpw sshkey " +
    "text timezone updates url user vnc volgroup xconfig zerombr zfcp zipl").split(" "),
);
const SECTIONS = new Set(["%packages", "%pre", "%pre-install", "%post", "%onerror", "%traceback", "%addon", "%anaconda"]);

export class KickstartError extends Error {
  constructor(public lineno: number, message: string) {
    super(`line ${lineno}: ${message}`);
  }
}

export interface ReadKickstart {
  commands: Array<{ name: string; args: string[]; lineno: number }>;
  rootpw?: { password: string; isCrypted: boolean; lock: boolean };
  sshkeys: Array<{ username: string; key: string }>;
  packages: { environment: string | null; groups: string[]; packages: string[]; excluded: string[] };
  sections: Array<{ header: string[]; lines: string[] }>;
}

/** Python's str.splitlines(). */
export function splitlines(s: string): string[] {
  return s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/).filter((l, i, a) => i < a.length - 1 || l !== "");
}

const isBlankOrComment = (l: string) => l.trim() === "" || l.trimStart()[0] === "#";

function opts(args: string[], known: string[], lineno: number, cmd: string): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (const a of args) {
    if (a.startsWith("-") && a.length > 1) {
      const [name, value] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, true as const];
      if (!known.includes(name)) throw new KickstartError(lineno, `${cmd}: unrecognized argument ${name}`);
      flags.set(name, value);
    } else positional.push(a);
  }
  return { flags, positional };
}

export function readKickstart(text: string): ReadKickstart {
  const r: ReadKickstart = { commands: [], sshkeys: [], packages: { environment: null, groups: [], packages: [], excluded: [] }, sections: [] };
  const lines = splitlines(text);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const lineno = n + 1;
    if (isBlankOrComment(line)) continue;
    let args: string[];
    try {
      args = shlexSplit(line, true);
    } catch (e) {
      throw new KickstartError(lineno, (e as Error).message);
    }
    if (!args.length) continue;
    if (args[0].startsWith("%")) {
      if (!SECTIONS.has(args[0])) throw new KickstartError(lineno, `Unknown kickstart section: ${args[0]}`);
      const body: string[] = [];
      let closed = false;
      for (n++; n < lines.length; n++) {
        const l = lines[n];
        if (args[0] === "%packages" && isBlankOrComment(l)) continue;
        if (l.trimStart().startsWith("%")) {
          const first = l.split(/\s+/).filter(Boolean)[0];
          if (first === "%end") {
            closed = true;
            break;
          }
          if (SECTIONS.has(first)) throw new KickstartError(n + 1, `Section ${args[0]} does not end with %end.`);
        }
        body.push(l);
      }
      if (!closed) throw new KickstartError(lineno, `Section ${args[0]} does not end with %end.`);
      r.sections.push({ header: args, lines: body });
      if (args[0] === "%packages") {
        for (const l of body) {
          const s = l.split("#")[0].trim();
          if (!s) continue;
          if (s.startsWith("@^")) r.packages.environment = s.slice(2);
          else if (s.startsWith("@")) r.packages.groups.push(s.slice(1).split(/\s+/)[0]);
          else if (s.startsWith("-")) r.packages.excluded.push(s.slice(1));
          else r.packages.packages.push(s);
        }
      }
      continue;
    }
    const [name, ...rest] = args;
    if (!RHEL9_COMMANDS.has(name)) throw new KickstartError(lineno, `Unknown command: ${name}`);
    r.commands.push({ name, args: rest, lineno });
    if (name === "rootpw") {
      const o = opts(rest, ["--iscrypted", "--plaintext", "--lock", "--allow-ssh"], lineno, "rootpw");
      if (o.positional.length !== 1 && !o.flags.has("--lock")) throw new KickstartError(lineno, "A single argument is expected for the rootpw command");
      r.rootpw = { password: o.positional[0] ?? "", isCrypted: o.flags.has("--iscrypted") && !o.flags.has("--plaintext"), lock: o.flags.has("--lock") };
    }
    if (name === "sshkey") {
      const o = opts(rest, ["--username"], lineno, "sshkey");
      const user = o.flags.get("--username");
      if (typeof user !== "string" || !user) throw new KickstartError(lineno, "sshkey: --username is required");
      if (o.positional.length !== 1) throw new KickstartError(lineno, "sshkey: a single quoted key is expected");
      r.sshkeys.push({ username: user, key: o.positional[0] });
    }
  }
  return r;
}

/** The kickstart after VirtualBox filled it, as Anaconda reads it. */
export { fillTemplate } from "./vbox";
