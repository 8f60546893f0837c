/** What `connect` and the commands take and give (provider/ssh/connection.ts), and their defaults. */

export interface ConnectOptions {
  /** Default 127.0.0.1 (the NAT Network's port forward on the host). */
  host?: string;
  /** Default 2222. */
  port?: number;
  /** Default root. */
  user?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  password?: string;
  /** Pinned "SHA256:..." from state; absent on first use (read `hostKeyFingerprint` after connecting and keep it). */
  hostKeyFingerprint?: string;
  /** Connect attempts before giving up (default 6). */
  attempts?: number;
  /** First wait between attempts, doubled each time up to 5 s (default 500 ms). */
  backoffMs?: number;
  /** Handshake time limit per attempt (default 20 s). */
  attemptTimeoutMs?: number;
  /** Epoch ms after which no new attempt starts (default: now + 2 min). */
  deadline?: number;
  /** More strings to mask in errors and output lines. */
  secrets?: string[];
  /** Progress lines (already redacted): connect retries. */
  log?: (line: string) => void;
}

export interface RunOptions {
  stdin?: string | Buffer;
  /** Passed as `env NAME=value` on the command line: visible in the remote process list, so never secrets. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Strings masked in errors and in `onLine` (the result itself is returned unmasked). */
  secrets?: string[];
  /** Every complete output line as it arrives, redacted (for progress reporting). */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit status; 128 + signal number when the command was killed by a signal (as a shell reports it). */
  code: number;
  signal?: string;
}

export interface RawResult {
  stdout: Buffer;
  stderr: Buffer;
  code: number;
  signal?: string;
}

export const DEFAULTS = { host: "127.0.0.1", port: 2222, user: "root", attempts: 6, backoffMs: 500, attemptTimeoutMs: 20_000 };
export const MAX_BACKOFF_MS = 5_000;
/** After the remote `timeout` sends TERM, KILL follows this many seconds later. */
export const REMOTE_KILL_GRACE_S = 5;

/** Runs argv under coreutils `timeout` so the remote command really dies when its time is up (exit 124/137). */
export function withTimeout(argv: string[], timeoutMs: number | undefined): string[] {
  if (!timeoutMs) return argv;
  return ["timeout", "-k", `${REMOTE_KILL_GRACE_S}s`, `${(timeoutMs / 1000).toFixed(3)}s`, ...argv];
}
