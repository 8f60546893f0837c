/**
 * The lab host over SSH, the one class HostPrep and PackstackInstall use. `RemoteHost.forOperation` gives an
 * operation's access: fresh connections (`open`, `with`), each bounded by the operation's deadline, the host key
 * pinned (the inputs' pin, else the one kept in state, else the first one seen, then kept for the next). A host
 * from `open`/`with` runs commands as root over its connection: directly when the connection logs in as root, else
 * through `sudo -n` (never prompting); the first connection of an operation asks `sudo -n true` once, and a user
 * sudo refuses is a SudoRefusedError naming the user and what to give it. Every argument is quoted by the SSH
 * transport; scripts and file contents go on stdin, so their text never shows in the remote process list.
 */
import { RunOptions, RunResult, SshConnection, SshError } from "../../ssh";
import { ConnectionInput, openConnection, OpenOptions } from "./connection";

type ScriptOptions = Omit<RunOptions, "stdin"> & { allowFailure?: boolean };

/** What one operation's hosts share: the host key pin, and whether sudo already said yes. */
interface Shared {
  value: string | undefined;
  sudoOk?: boolean;
}

/** A non-root `connection.user` that sudo will not let run commands as root without a password. */
export class SudoRefusedError extends Error {
  override name = "SudoRefusedError";
}

/** sudo's own complaint in stderr ("sudo: a password is required"), not its warnings about the host name. */
function sudoSaid(stderr: string, code: number): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const own = lines.filter((l) => !/unable to resolve host/.test(l));
  return own.at(-1) ?? lines.at(-1) ?? `exit ${code}`;
}

export class RemoteHost {
  private constructor(
    readonly connection: ConnectionInput,
    private readonly o: Omit<OpenOptions, "pinnedInState">,
    private readonly shared: Shared,
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
    return this.shared.value ?? "";
  }

  /** This host's connection (a host from `open` or `with`). */
  get conn(): SshConnection {
    if (!this.bound) throw new SshError("not connected: use RemoteHost.open() or with()");
    return this.bound;
  }

  /** A fresh connection, as a host that runs commands over it; the caller closes it. */
  async open(): Promise<RemoteHost> {
    const conn = await openConnection(this.connection, { ...this.o, pinnedInState: this.shared.value });
    this.shared.value = conn.hostKeyFingerprint;
    const host = new RemoteHost(this.connection, this.o, this.shared, conn);
    if (this.user !== "root" && !this.shared.sudoOk) {
      try {
        await host.mayUseSudo();
      } catch (e) {
        host.close();
        throw e;
      }
      this.shared.sudoOk = true;
    }
    return host;
  }

  /** `sudo -n true` over this connection; a refusal names the user, what sudo said and what to give the user. */
  private async mayUseSudo(): Promise<void> {
    const res = await this.conn.run(["sudo", "-n", "true"]);
    if (res.code === 0) return;
    const u = this.user;
    throw new SudoRefusedError(
      `connection.user "${u}" cannot run commands as root on ${this.conn.target}: \`sudo -n true\` said "${sudoSaid(res.stderr, res.code)}". ` +
        `Every command runs as root, for a user other than root through sudo without a password prompt: give ${u} password-less sudo ` +
        `(a line "${u} ALL=(ALL) NOPASSWD: ALL" in /etc/sudoers.d/${u}, or ${u} in the wheel group with "%wheel ALL=(ALL) NOPASSWD: ALL"), or connect as root`,
    );
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
