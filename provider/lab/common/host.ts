/**
 * The lab host over SSH, the one class HostPrep and PackstackInstall use. `RemoteHost.forOperation` gives an
 * operation's access: fresh connections (`open`, `with`), each bounded by the operation's deadline, the host key
 * pinned (the inputs' pin, else the one kept in state, else the first one seen, then kept for the next). A host
 * from `open`/`with` runs commands as root over its connection: directly when the connection logs in as root, else
 * through `sudo -n` (never prompting). Every argument is quoted by the SSH transport; scripts and file contents go
 * on stdin, so their text never shows in the remote process list.
 */
import { RunOptions, RunResult, SshConnection, SshError } from "../../ssh";
import { ConnectionInput, openConnection, OpenOptions } from "./connection";

type ScriptOptions = Omit<RunOptions, "stdin"> & { allowFailure?: boolean };

export class RemoteHost {
  private constructor(
    readonly connection: ConnectionInput,
    private readonly o: Omit<OpenOptions, "pinnedInState">,
    private readonly pin: { value: string | undefined },
    private readonly bound?: SshConnection,
  ) {}

  /** An operation's access to the host (`open`/`with` connect); `pinnedInState` when the inputs pin no key. */
  static forOperation(connection: ConnectionInput, o: OpenOptions): RemoteHost {
    const { pinnedInState, ...rest } = o;
    return new RemoteHost(connection, rest, { value: connection.hostKeyFingerprint ?? pinnedInState ?? undefined });
  }

  get user(): string {
    return this.connection.user;
  }

  /** The host key seen (or pinned); "" before the first connection. */
  get hostKeyFingerprint(): string {
    return this.pin.value ?? "";
  }

  /** This host's connection (a host from `open` or `with`). */
  get conn(): SshConnection {
    if (!this.bound) throw new SshError("not connected: use RemoteHost.open() or with()");
    return this.bound;
  }

  /** A fresh connection, as a host that runs commands over it; the caller closes it. */
  async open(): Promise<RemoteHost> {
    const conn = await openConnection(this.connection, { ...this.o, pinnedInState: this.pin.value });
    this.pin.value = conn.hostKeyFingerprint;
    return new RemoteHost(this.connection, this.o, this.pin, conn);
  }

  /** Runs fn over a fresh connection and always closes it. */
  async with<T>(fn: (host: RemoteHost) => Promise<T>): Promise<T> {
    const host = await this.open();
    try {
      return await fn(host);
    } finally {
      host.close();
    }
  }

  close(): void {
    this.bound?.close();
  }

  private get sudo(): string[] {
    return this.user === "root" ? [] : ["sudo", "-n", "--"];
  }

  /** Exit code and output; never throws on a non-zero exit. */
  run(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    return this.conn.run([...this.sudo, ...argv], options);
  }

  /** A non-zero exit is an SshCommandError (redacted, with the output's last lines). */
  runOk(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    return this.conn.runOk([...this.sudo, ...argv], options);
  }

  /** A bash script on stdin with `args` as $1, $2 ...; throws on a non-zero exit unless `allowFailure`. */
  script(text: string, args: ReadonlyArray<string> = [], options: ScriptOptions = {}): Promise<RunResult> {
    return this.conn.runScript(text, { ...options, args, prefix: this.sudo });
  }

  /** Replaces a file atomically (temp file + rename in the same directory) with `mode`. Never for secrets. */
  async writeFile(path: string, content: string, mode = "0644"): Promise<void> {
    await this.script(
      'set -e\ntmp="$(mktemp "$(dirname "$1")/.lab-XXXXXX")"\nprintf "%s" "$2" > "$tmp"\nchmod "$3" "$tmp"\nmv -f -- "$tmp" "$1"\n',
      [path, content, mode],
    );
  }

  /** Writes a file atomically with `mode` (secrets welcome: the content goes on stdin, or by SFTP as root). */
  async upload(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
    if (!this.sudo.length) return this.conn.upload(path, content, mode);
    const script = 'set -e\ntmp="$(umask 077 && mktemp "$(dirname "$1")/.lab-XXXXXX")"\ncat > "$tmp"\nchmod "$2" "$tmp"\nmv -f -- "$tmp" "$1"\n';
    await this.conn.runOk([...this.sudo, "bash", "-c", script, "bash", path, mode.toString(8)], { stdin: content });
  }

  /** Reads a file; a missing one is an SshError whose `code` is "ENOENT". */
  async download(path: string): Promise<Buffer> {
    if (!this.sudo.length) return this.conn.download(path);
    const res = await this.run(["cat", "--", path]);
    if (res.code === 0) return Buffer.from(res.stdout, "utf8");
    const e = new SshError(`download of ${this.conn.target}:${path} failed: ${res.stderr.trim().split("\n").slice(-3).join(" ")}`);
    if (/No such file/.test(res.stderr)) (e as SshError & { code: string }).code = "ENOENT";
    throw e;
  }
}
