/** A failed VBoxManage run: the classified kind, exit code, the command line (secrets masked) and stderr. */
import type { VBoxErrorKind } from "./parse";
import { redact } from "../../core/secrets";

export type { VBoxErrorKind };

export class VBoxManageError extends Error {
  constructor(
    public readonly kind: VBoxErrorKind,
    message: string,
    public readonly command: string,
    public readonly exitCode: number | null,
    public readonly stderr: string,
  ) {
    super(`${message} (command: ${command}${exitCode !== null ? `, exit ${exitCode}` : ""})`);
    // core/errors.isNotFound() recognises the name, so `read` turns it into "gone".
    this.name = kind === "not-found" ? "NotFoundError" : "VBoxManageError";
  }
}

export function isVBoxError(e: unknown, ...kinds: VBoxErrorKind[]): e is VBoxManageError {
  return e instanceof VBoxManageError && (kinds.length === 0 || kinds.includes(e.kind));
}

const SECRET_OPTION = /^--(password|user-password|admin-password|key)(=|$)/;

/** The command as a readable line, each argument quoted when needed, values of password-like options masked. */
export function showCommand(exe: string, args: ReadonlyArray<string>, secrets: ReadonlyArray<string> = []): string {
  const shown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    const m = SECRET_OPTION.exec(a);
    if (m && m[2] === "=") a = a.slice(0, a.indexOf("=") + 1) + "***";
    else if (m && i + 1 < args.length) {
      shown.push(a);
      a = "***";
      i++;
    }
    a = redact(a, [...secrets]);
    shown.push(/^[\w@%+=:,./*-]+$/.test(a) ? a : JSON.stringify(a));
  }
  return [JSON.stringify(exe).slice(1, -1), ...shown].join(" ");
}
