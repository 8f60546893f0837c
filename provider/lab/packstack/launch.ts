/**
 * Starting Packstack detached on the host (setsid + nohup, output to /var/log/packstack-lab/<run>.log, exit code
 * to <run>.rc when it ends), and the run this resource last started there (follow.ts follows one).
 */
import type { RemoteHost } from "../common";
import { STATE_DIR } from "./bridge";

export const LOG_DIR = "/var/log/packstack-lab";
const CURRENT = `${STATE_DIR}/current`;

export interface RunInfo {
  id: string;
  /** Exit code once finished. */
  rc: number | null;
  alive: boolean;
}

/** The run this resource last started on the host (from /root/.packstack-lab/current), if any. */
export async function currentRun(host: RemoteHost): Promise<RunInfo | null> {
  const res = await host.script(
    `id=$(cat "$1" 2>/dev/null) || exit 0
rc=$(cat "$2/$id.rc" 2>/dev/null || true)
pid=$(cat "$2/$id.pid" 2>/dev/null || true)
alive=0; if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then alive=1; fi
echo "id=$id rc=$rc alive=$alive"
`,
    [CURRENT, LOG_DIR],
  );
  const m = /id=(\S+) rc=(\S*) alive=(\d)/.exec(res.stdout);
  if (!m) return null;
  return { id: m[1], rc: m[2] === "" ? null : Number(m[2]), alive: m[3] === "1" };
}

export function newRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const ts = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${ts}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Starts `packstack --answer-file=<answerPath>` detached; returns at once. */
export async function launch(host: RemoteHost, id: string, answerPath: string): Promise<void> {
  const script = `set -e
id="$1"; answers="$2"; d="$3"; current="$4"
mkdir -p "$d" "$(dirname "$current")"
chmod 700 "$d"
: > "$d/$id.log"
chmod 600 "$d/$id.log"
printf '%s\\n' "$id" > "$current"
# the wrapper records its own pid: a launch cut off right after the fork must not leave a live run without one
setsid nohup bash -c 'echo $$ > "$4"; packstack --answer-file="$1" >> "$2" 2>&1 < /dev/null; echo $? > "$3.tmp"; mv -f "$3.tmp" "$3"' \\
  packstack-lab "$answers" "$d/$id.log" "$d/$id.rc" "$d/$id.pid" < /dev/null > /dev/null 2>&1 &
[ -s "$d/$id.pid" ] || echo $! > "$d/$id.pid"
`;
  await host.script(script, [id, answerPath, LOG_DIR, CURRENT]);
}
