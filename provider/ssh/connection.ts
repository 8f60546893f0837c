/**
 * The SSH transport (ssh2, no shelled-out ssh): one `SshConnection` per host per operation; controllers open it
 * once (`withConnection`) and run many commands over it. Host keys are pinned (trust on first use), connects are
 * bounded (attempts, backoff, deadline), every argument is shell-quoted, and secrets are masked in every error.
 */
import type { Client, SFTPWrapper } from "ssh2";
import { redact } from "../core/secrets";
import { retryUntil } from "../core/retry";
import { collect } from "./channel";
import { dial } from "./dial";
import { HostKeyMismatchError, SshAuthError, SshCommandError, SshConnectError, SshConnectionLostError, SshError, tail } from "./errors";
import { HostKeyPin } from "./hostKey";
import { ConnectOptions, DEFAULTS, MAX_BACKOFF_MS, RawResult, RunOptions, RunResult, withTimeout } from "./options";
import { quoteArgv, withEnv } from "./quote";

export type { ConnectOptions, RunOptions, RunResult } from "./options";

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
   * `prefix` goes before `bash` (e.g. `sudo -n --`).
   */
  async runScript(script: string, options: Omit<RunOptions, "stdin"> & { args?: ReadonlyArray<string>; allowFailure?: boolean; prefix?: ReadonlyArray<string> } = {}): Promise<RunResult> {
    const argv = [...(options.prefix ?? []), "bash", "-s", "--", ...(options.args ?? [])];
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

  private async connectOnce(readyTimeout: number): Promise<Client> {
    const { client, seen } = await dial(this.opts, this.target, this.pin.value, readyTimeout, (t) => this.mask(t));
    this.pin.value = seen;
    client.on("close", () => this.onClientGone(client));
    client.on("error", () => this.onClientGone(client));
    return client;
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
        collect(channel, this.target, shown, options, secrets, (t, extra) => this.mask(t, extra), this.pending).then(resolve, reject);
      });
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

function sftpCall<T>(fn: (cb: (err: Error | null | undefined, v?: any) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v as T))));
}

function notFoundAware(message: string, notFound: boolean): SshError {
  const e = new SshError(message);
  if (notFound) (e as SshError & { code: string }).code = "ENOENT";
  return e;
}

function firstLine(script: string): string {
  const l = script.split("\n").find((x) => x.trim() && !x.startsWith("#!")) ?? "";
  return l.length > 60 ? l.slice(0, 60) + "..." : l.trim();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

