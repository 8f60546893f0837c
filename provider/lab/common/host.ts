/**
 * Commands on the lab host as root: directly when the connection logs in as root, else through `sudo -n` (never
 * prompting). Every argument is quoted by the SSH transport; scripts go on stdin, so their text never shows in
 * the remote process list.
 */
import { RunOptions, RunResult, SshCommandError, SshConnection } from "../../ssh";

export class RemoteHost {
  constructor(readonly conn: SshConnection, readonly user: string) {}

  private asRoot(argv: ReadonlyArray<string>): string[] {
    return this.user === "root" ? [...argv] : ["sudo", "-n", "--", ...argv];
  }

  /** Exit code and output; never throws on a non-zero exit. */
  run(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    return this.conn.run(this.asRoot(argv), options);
  }

  /** A non-zero exit is an SshCommandError (redacted, with the output's last lines). */
  runOk(argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<RunResult> {
    return this.conn.runOk(this.asRoot(argv), options);
  }

  /** A bash script on stdin with `args` as $1, $2 ...; throws on a non-zero exit unless `allowFailure`. */
  async script(text: string, args: ReadonlyArray<string> = [], options: Omit<RunOptions, "stdin"> & { allowFailure?: boolean } = {}): Promise<RunResult> {
    const argv = ["bash", "-s", "--", ...args];
    const res = await this.conn.run(this.asRoot(argv), { ...options, stdin: text });
    if (res.code !== 0 && !options.allowFailure) {
      const first = text.split("\n").find((l) => l.trim() && !l.startsWith("#")) ?? "";
      throw new SshCommandError(`bash -s (script: ${first.trim().slice(0, 60)})`, res.code, tail(res.stdout), tail(res.stderr));
    }
    return res;
  }

  /** Replaces a file atomically (temp file + rename in the same directory) with `mode`. Never for secrets. */
  async writeFile(path: string, content: string, mode = "0644"): Promise<void> {
    await this.script(
      'set -e\ntmp="$(mktemp "$(dirname "$1")/.lab-XXXXXX")"\nprintf "%s" "$2" > "$tmp"\nchmod "$3" "$tmp"\nmv -f -- "$tmp" "$1"\n',
      [path, content, mode],
    );
  }
}

function tail(text: string): string {
  return text.trimEnd().split("\n").slice(-8).join("\n").slice(-2000);
}
