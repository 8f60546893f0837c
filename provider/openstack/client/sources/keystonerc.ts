import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SourceLookup } from "../config";
import { OpenStackConfigError } from "../errors";
import { configFromOsVars } from "./osVars";

/**
 * Credential source 3: a keystonerc file as Packstack writes it: OSLAB_KEYSTONERC if set (it must exist), else
 * ./keystonerc_admin, else ~/keystonerc_admin.
 */
export function fromKeystonerc(env: NodeJS.ProcessEnv): SourceLookup {
  const explicit = env.OSLAB_KEYSTONERC;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new OpenStackConfigError(`OSLAB_KEYSTONERC names ${explicit}, which does not exist`);
    return load(explicit);
  }
  const candidates = [path.resolve("keystonerc_admin"), path.join(env.HOME || os.homedir(), "keystonerc_admin")];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) return { skipped: `keystonerc (OSLAB_KEYSTONERC not set; ${candidates.join(", ")} not found)` };
  return load(file);
}

function load(file: string): SourceLookup {
  const vars = parseKeystonerc(fs.readFileSync(file, "utf8"));
  return { found: { name: `keystonerc ${file}`, config: configFromOsVars(vars, file) } };
}

/**
 * The OS_* assignments of a shell rc file: `export OS_X=value` (or without `export`), values bare, 'single'
 * or "double" quoted, leading spaces allowed; `unset`, PS1, comments and anything else are ignored.
 * Later assignments win; `unset OS_X` removes an earlier one.
 */
export function parseKeystonerc(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const unset = /^unset\s+(.+)$/.exec(line);
    if (unset) {
      for (const name of unset[1].split(/\s+/)) delete vars[name];
      continue;
    }
    const m = /^(?:export\s+)?(OS_[A-Za-z0-9_]+)=(.*)$/.exec(line);
    if (m) vars[m[1]] = shellValue(m[2]);
  }
  return vars;
}

/** One shell word: concatenated bare, 'single' and "double" quoted parts, up to an unquoted space or comment. */
function shellValue(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? s.length : end;
      out += s.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) i++;
        out += s[i++];
      }
      i++;
    } else if (c === "\\" && i + 1 < s.length) {
      out += s[i + 1];
      i += 2;
    } else if (/\s/.test(c) || c === ";") {
      break;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
