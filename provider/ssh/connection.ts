/**
 * The SSH transport (ssh2, no shelled-out ssh): one `SshConnection` per host per operation; controllers open it
 * once (`withConnection`) and run many commands over it. Host keys are pinned (trust on first use), connects are
 * bounded (attempts, backoff, deadline), every argument is shell-quoted, and secrets are masked in every error.
 */
import { constants as osConstants } from "os";
import { Client, ClientChannel, ConnectConfig, SFTPWrapper } from "ssh2";
import { redact } from "../core/secrets";
import {
  HostKeyMismatchError,
  SshAuthError,
  SshCommandError,
  SshConnectError,
  SshConnectionLostError,
  SshError,
  SshTimeoutError,
  tail,
} from "./errors";
import { HostKeyPin } from "./hostKey";
import { quoteArgv, withEnv } from "./quote";
import { retryUntil } from "../core/retry";

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

interface RawResult {
  stdout: Buffer;
  stderr: Buffer;
  code: number;
  signal?: string;
}

const DEFAULTS = { host: "127.0.0.1", port: 2222, user: "root", attempts: 6, backoffMs: 500, attemptTimeoutMs: 20_000 };
const MAX_BACKOFF_MS = 5_000;
/** After the remote `timeout` sends TERM, KILL follows this many seconds later. */
const REMOTE_KILL_GRACE_S = 5;

/** Runs argv under coreutils `timeout` so the remote command really dies when its time is up (exit 124/137). */
function withTimeout(argv: string[], timeoutMs: number | undefined): string[] {
  if (!timeoutMs) return argv;
  return ["timeout", "-k", `${REMOTE_KILL_GRACE_S}s`, `${(timeoutMs / 1000).toFixed(3)}s`, ...argv];
}

export async function connect(options: ConnectOptions): Promise<SshConnection> {
  const conn = new SshConnection(options);
  await conn.reconnect();
  return conn;
}

/** Opens one connection, hands it to `fn`, and always closes it. */
export async function withConnection<T>(options: ConnectOptions, fn: (conn: SshConnection) => Promise<T>): Promise<T> {
  const conn = await connect(options);
  try {
    return await fn(conn);
  } finally {
    conn.close();
  }
}

export class SshConnection {
  readonly target: string;
  private readonly opts: ConnectOptions & typeof DEFAULTS;
  private readonly pin: { value: string | undefined };
  private client: Client | undefined;
  private sftpSession: Promise<SFTPWrapper | null> | undefined;
  private readonly pending = new Set<(e: Error) => void>();

  constructor(options: ConnectOptions) {
    this.opts = { ...DEFAULTS, ...stripUndefined(options) };
    this.target = `${this.opts.user}@${this.opts.host}:${this.opts.port}`;
    this.pin = { value: new HostKeyPin(options.hostKeyFingerprint).pinned };
  }

  /** The server's host key fingerprint: the pinned one, or the one seen on first use. */
  get hostKeyFingerprint(): string {
    if (!this.pin.value) throw new SshError(`not connected to ${this.target} yet`);
    return this.pin.value;
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** (Re)establishes the connection: bounded attempts with exponential backoff, never past the deadline. */
  async reconnect(): Promise<void> {
    this.dropClient();
    const deadline = this.opts.deadline ?? Date.now() + 120_000;
    let last = "no attempt was made before the deadline";
    let attempt = 0;
    const failed = () => new SshConnectError(`could not connect to ${this.target} after ${attempt} attempt(s): ${last}`, attempt);
    if (this.opts.attempts < 1 || Date.now() >= deadline) throw failed();
    this.client = await retryUntil(
      async (n) => {
        attempt = n;
        try {
          return await this.connectOnce(Math.max(1000, Math.min(this.opts.attemptTimeoutMs, deadline - Date.now())));
        } catch (e) {
          // Socket errors may come from another realm (jest's vm), so no `instanceof Error` here.
          if (!(e instanceof HostKeyMismatchError || e instanceof SshAuthError)) last = this.mask(String((e as { message?: unknown })?.message ?? e));
          throw e;
        }
      },
      {
        attempts: this.opts.attempts,
        firstMs: this.opts.backoffMs,
        capMs: MAX_BACKOFF_MS,
        deadline: deadline - 1, // no wait that ends at the deadline or later
        retryable: (e) => !(e instanceof HostKeyMismatchError || e instanceof SshAuthError),
        onRetry: (_e, n, ms) => this.opts.log?.(`ssh ${this.target}: attempt ${n} failed (${last}); retrying in ${ms} ms`),
        giveUp: failed,
      },
    );
  }

  /** Runs argv (each argument shell-quoted) and returns its output and exit code; never throws on a non-zero code. */
  async run(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    const raw = await this.exec(quoteArgv(withTimeout(withEnv(argv, options.env), options.timeoutMs)), options);
    return { stdout: raw.stdout.toString("utf8"), stderr: raw.stderr.toString("utf8"), code: raw.code, ...(raw.signal ? { signal: raw.signal } : {}) };
  }

  /** Like `run`, but a non-zero exit is an `SshCommandError` (redacted, with the output's last lines). */
  async runOk(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    const res = await this.run(argv, options);
    if (res.code !== 0) throw this.commandError(quoteArgv(argv), res, options.secrets);
    return res;
  }

  /**
   * A multi-line bash script sent on stdin to `bash -s` (so nothing in it shows in the process list);
   * `args` become $1, $2 ... Throws `SshCommandError` when the script exits non-zero unless `allowFailure`.
   */
  async runScript(script: string, options: Omit<RunOptions, "stdin"> & { args?: string[]; allowFailure?: boolean } = {}): Promise<RunResult> {
    const argv = ["bash", "-s", "--", ...(options.args ?? [])];
    const res = await this.run(argv, { ...options, stdin: script });
    if (res.code !== 0 && !options.allowFailure) throw this.commandError(`bash -s (script: ${firstLine(script)})`, res, options.secrets);
    return res;
  }

  /** Writes a remote file atomically (temp file + rename) with `mode`, by SFTP or, without it, `cat >` over exec. */
  async upload(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const tmp = `${path}.oslab-${process.pid}-${Date.now()}`;
    const sftp = await this.sftp();
    if (sftp) {
      try {
        await sftpCall<void>((cb) => sftp.writeFile(tmp, data, { mode }, cb));
        await sftpCall<void>((cb) => sftp.chmod(tmp, mode, cb));
        await sftpCall<void>((cb) => sftp.ext_openssh_rename(tmp, path, cb));
        return;
      } catch (e) {
        await sftpCall<void>((cb) => sftp.unlink(tmp, cb)).catch(() => undefined);
        throw new SshError(`upload to ${this.target}:${path} failed: ${this.mask((e as Error).message)}`);
      }
    }
    const script = 'umask 077 && cat > "$1" && chmod "$3" "$1" && mv -f -- "$1" "$2"';
    const res = await this.exec(quoteArgv(["sh", "-c", script, "sh", tmp, path, mode.toString(8)]), { stdin: data });
    if (res.code !== 0) {
      await this.exec(quoteArgv(["rm", "-f", "--", tmp]), {}).catch(() => undefined);
      throw new SshError(`upload to ${this.target}:${path} failed: ${this.mask(tail(res.stderr.toString("utf8")))}`);
    }
  }

  /** Reads a remote file (SFTP, or `cat` over exec). A missing file is an SshError whose `code` is "ENOENT". */
  async download(path: string): Promise<Buffer> {
    const sftp = await this.sftp();
    if (sftp) {
      try {
        return await sftpCall<Buffer>((cb) => sftp.readFile(path, cb));
      } catch (e) {
        throw notFoundAware(`download of ${this.target}:${path} failed: ${this.mask((e as Error).message)}`, (e as { code?: unknown }).code === 2);
      }
    }
    const res = await this.exec(quoteArgv(["cat", "--", path]), {});
    if (res.code !== 0) {
      const stderr = res.stderr.toString("utf8");
      throw notFoundAware(`download of ${this.target}:${path} failed: ${this.mask(tail(stderr))}`, /No such file/.test(stderr));
    }
    return res.stdout;
  }

  close(): void {
    this.dropClient();
  }

  // ---------------------------------------------------------------------------------------------------------

  private connectOnce(readyTimeout: number): Promise<Client> {
    const pin = new HostKeyPin(this.pin.value);
    const client = new Client();
    const config: ConnectConfig = {
      host: this.opts.host,
      port: this.opts.port,
      username: this.opts.user,
      readyTimeout,
      keepaliveInterval: 15_000,
      keepaliveCountMax: 4,
      hostVerifier: (key: Buffer) => pin.verify(key),
      ...(this.opts.privateKey !== undefined ? { privateKey: this.opts.privateKey } : {}),
      ...(this.opts.passphrase !== undefined ? { passphrase: this.opts.passphrase } : {}),
      ...(this.opts.password !== undefined ? { password: this.opts.password } : {}),
    };
    return new Promise<Client>((resolve, reject) => {
      let settled = false;
      client.once("ready", () => {
        settled = true;
        this.pin.value = pin.seen;
        client.on("close", () => this.onClientGone(client));
        client.on("error", () => this.onClientGone(client));
        resolve(client);
      });
      client.on("error", (err: Error & { level?: string }) => {
        if (settled) return; // later errors (after ready, or a second one while failing) are handled elsewhere or moot
        settled = true;
        client.end();
        if (pin.mismatch) reject(new HostKeyMismatchError(this.target, pin.pinned!, pin.seen!));
        else if (err.level === "client-authentication") reject(new SshAuthError(this.target, this.methods()));
        else reject(err);
      });
      try {
        client.connect(config);
      } catch (e) {
        settled = true;
        // ssh2 throws synchronously for an unreadable key or wrong passphrase: not worth retrying.
        reject(new SshAuthError(this.target, `${this.methods()}: ${this.mask((e as Error).message)}`));
      }
    });
  }

  private methods(): string {
    const m = [];
    if (this.opts.privateKey !== undefined) m.push("publickey");
    if (this.opts.password !== undefined) m.push("password");
    return m.join(", ") || "none";
  }

  private async ensureClient(): Promise<Client> {
    if (!this.client) await this.reconnect();
    return this.client!;
  }

  private onClientGone(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.sftpSession = undefined;
    for (const fail of [...this.pending]) fail(new Error("connection closed"));
  }

  private dropClient(): void {
    const c = this.client;
    this.client = undefined;
    this.sftpSession = undefined;
    c?.end();
  }

  private sftp(): Promise<SFTPWrapper | null> {
    if (!this.sftpSession) {
      this.sftpSession = this.ensureClient().then(
        (client) => new Promise<SFTPWrapper | null>((resolve) => client.sftp((err, s) => resolve(err ? null : s))),
      );
    }
    return this.sftpSession;
  }

  private async exec(command: string, options: RunOptions): Promise<RawResult> {
    const client = await this.ensureClient();
    const secrets = [...(options.secrets ?? [])];
    const shown = this.mask(command, secrets);
    return new Promise<RawResult>((resolve, reject) => {
      // The connection can die before the server confirms the channel: without this the promise never settles.
      let started = false;
      const lostBeforeStart = () => {
        if (!started) reject(new SshConnectionLostError(shown, this.target));
      };
      this.pending.add(lostBeforeStart);
      client.exec(command, (err, channel) => {
        started = true;
        this.pending.delete(lostBeforeStart);
        if (err) return reject(new SshError(`could not start \`${shown}\` on ${this.target}: ${this.mask(err.message, secrets)}`));
        this.collect(channel, shown, options, secrets).then(resolve, reject);
      });
    });
  }

  private collect(channel: ClientChannel, shown: string, options: RunOptions, secrets: string[]): Promise<RawResult> {
    return new Promise<RawResult>((resolve, reject) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const lines = { stdout: new LineSplitter(), stderr: new LineSplitter() };
      const emit = (stream: "stdout" | "stderr", chunk: Buffer | undefined) => {
        if (!options.onLine) return;
        for (const l of chunk ? lines[stream].push(chunk) : lines[stream].flush()) options.onLine(this.mask(l, secrets), stream);
      };
      let code: number | undefined;
      let signal: string | undefined;
      let timedOut = false;
      let done = false;
      const finish = (e?: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pending.delete(lost);
        emit("stdout", undefined);
        emit("stderr", undefined);
        const stderrText = Buffer.concat(err).toString("utf8");
        if (options.timeoutMs && (code === 124 || code === 137) && Date.now() - started >= options.timeoutMs) timedOut = true;
        if (timedOut) return reject(new SshTimeoutError(shown, options.timeoutMs!, this.mask(tail(stderrText), secrets)));
        if (e || (code === undefined && signal === undefined)) return reject(new SshConnectionLostError(shown, this.target));
        resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? 128 + signalNumber(signal), ...(signal ? { signal } : {}) });
      };
      const lost = (e: Error) => finish(e);
      this.pending.add(lost);
      // The remote `timeout` does the killing (sshd refuses signal requests for root sessions, and closing a
      // channel does not stop a command without a tty); this local timer is the backstop if the server hangs.
      const started = Date.now();
      const timer = options.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            channel.close();
            setTimeout(() => finish(), 2000).unref();
          }, options.timeoutMs + REMOTE_KILL_GRACE_S * 1000 + 2000)
        : undefined;
      channel.on("data", (d: Buffer) => {
        out.push(d);
        emit("stdout", d);
      });
      channel.stderr.on("data", (d: Buffer) => {
        err.push(d);
        emit("stderr", d);
      });
      channel.on("exit", (c: number | null, sig?: string) => {
        if (typeof c === "number") code = c;
        if (sig) signal = sig;
      });
      channel.on("close", () => finish());
      channel.on("error", () => undefined);
      channel.end(options.stdin ?? undefined);
    });
  }

  private commandError(shown: string, res: RunResult, secrets: string[] | undefined): SshCommandError {
    const s = secrets ?? [];
    return new SshCommandError(this.mask(shown, s), res.code, this.mask(tail(res.stdout), s), this.mask(tail(res.stderr), s));
  }

  private mask(text: string, extra: string[] = []): string {
    return redact(text, [this.opts.password, this.opts.passphrase, ...(this.opts.secrets ?? []), ...extra]);
  }
}

class LineSplitter {
  private rest = "";
  push(chunk: Buffer): string[] {
    const parts = (this.rest + chunk.toString("utf8")).split("\n");
    this.rest = parts.pop() ?? "";
    return parts.map((l) => l.replace(/\r$/, ""));
  }
  flush(): string[] {
    const r = this.rest;
    this.rest = "";
    return r ? [r] : [];
  }
}

function sftpCall<T>(fn: (cb: (err: Error | null | undefined, v?: any) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v as T))));
}

function notFoundAware(message: string, notFound: boolean): SshError {
  const e = new SshError(message);
  if (notFound) (e as SshError & { code: string }).code = "ENOENT";
  return e;
}

function signalNumber(name: string | undefined): number {
  const n = name ? (osConstants.signals as Record<string, number>)[`SIG${name.replace(/^SIG/, "")}`] : undefined;
  return n ?? 0;
}

function firstLine(script: string): string {
  const l = script.split("\n").find((x) => x.trim() && !x.startsWith("#!")) ?? "";
  return l.length > 60 ? l.slice(0, 60) + "..." : l.trim();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

