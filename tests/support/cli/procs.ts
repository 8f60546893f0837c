/** Processes as Linux's /proc lists them, for interrupting a CLI run the way a user's terminal does. */
import * as fs from "fs";
import * as path from "path";

export interface Proc {
  pid: number;
  name: string;
  ppid: number;
}

export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(fs.readFileSync(path.join("/proc", d, "stat"), "utf8"));
      if (m) out.push({ pid: Number(d), name: m[1], ppid: Number(m[2]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** All descendants of `pid` (children, theirs, ...). */
export function descendants(pid: number, all: Proc[] = processes()): Proc[] {
  const out: Proc[] = [];
  const walk = (p: number) => all.filter((x) => x.ppid === p).forEach((x) => { out.push(x); walk(x.pid); });
  walk(pid);
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
