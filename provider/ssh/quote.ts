/**
 * POSIX shell quoting for commands sent over SSH. The remote side always runs the command through the login
 * user's shell (`$SHELL -c <command>`), so every argument is quoted: safe words stay readable, anything else is
 * wrapped in single quotes (inside which nothing is special) with embedded quotes written as '\''.
 */

/** Characters that never need quoting anywhere in a word (no globs, no expansions, no `~`/`#` at the start). */
const SAFE = /^[A-Za-z0-9_\/.,:=@%+-]+$/;

export function quote(arg: string): string {
  if (typeof arg !== "string") throw new TypeError(`shell argument must be a string, got ${typeof arg}`);
  if (arg.includes("\0")) throw new Error("shell argument contains a NUL byte, which no POSIX command can receive");
  if (arg !== "" && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * One command line from an argument vector. The first word is always quoted when it contains `=` so the shell
 * cannot read it as a variable assignment.
 */
export function quoteArgv(argv: ReadonlyArray<string>): string {
  if (argv.length === 0) throw new Error("empty command");
  return argv.map((a, i) => (i === 0 && a.includes("=") ? `'${a.replace(/'/g, `'\\''`)}'` : quote(a))).join(" ");
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `env 'NAME=value' ... argv` so variables reach the command without sshd's AcceptEnv filter.
 * Values end up in the remote process list: never put secrets here (send them on stdin).
 */
export function withEnv(argv: ReadonlyArray<string>, env: Record<string, string> | undefined): string[] {
  const names = Object.keys(env ?? {});
  if (names.length === 0) return [...argv];
  for (const n of names) if (!ENV_NAME.test(n)) throw new Error(`invalid environment variable name ${JSON.stringify(n)}`);
  if (argv[0]?.includes("=")) throw new Error(`command ${JSON.stringify(argv[0])} contains "=", which env would read as a variable`);
  return ["env", ...names.map((n) => `${n}=${env![n]}`), ...argv];
}
