import { splitLines } from "./machineReadable";

export type VBoxErrorKind =
  | "not-found"
  | "locked"
  | "invalid-state"
  | "not-running"
  | "already-exists"
  | "access-denied"
  | "syntax"
  | "other";

export interface VBoxError {
  kind: VBoxErrorKind;
  /** The first `error:` message without the prefix (or the first stderr line when there is none). */
  message: string;
  /** The COM result symbol of the `Details:` line, e.g. `VBOX_E_OBJECT_NOT_FOUND`. */
  code?: string;
}

/** `VBoxManage: error: ...` (Linux/macOS) or `VBoxManage.exe: error: ...` (Windows), possibly behind a log prefix. */
const ERROR_LINE = /VBoxManage(?:\.exe)?: error: (.*)$/i;

/** In order: the first rule that matches the stderr text decides. */
const RULES: Array<[VBoxErrorKind, RegExp]> = [
  ["locked", /is already locked (for|by) a session|while it is locked|object is not ready/i],
  ["not-running", /is not currently running/i],
  ["not-found", /VBOX_E_OBJECT_NOT_FOUND|Could not find a registered machine|Could not find a snapshot|NATNetwork server does not exist|Could not find a controller named|Could not find file for the medium/i],
  ["already-exists", /already exists/i],
  ["invalid-state", /VBOX_E_INVALID_VM_STATE|VBOX_E_INVALID_OBJECT_STATE|is currently running|Invalid machine state/i],
  ["access-denied", /E_ACCESSDENIED|0x80070005|access denied|permission denied/i],
];

/**
 * Classifies one VBoxManage run by its stderr and exit code. null = not an error: exit 0 and no `error:` line
 * (VBoxManage sometimes fails with exit 0, so an `error:` line is a failure whatever the exit code, as in Vagrant
 * and Packer). Exit 2 (RTEXITCODE_SYNTAX) is `syntax` unless the message says more (`NATNetwork server already
 * exists` is exit 2 too, and is `already-exists`).
 *
 * Note: `startvm` on a running VM also says "already locked by a session", so it is `locked`; check the state to tell.
 */
export function classifyError(stderr: string, exitCode: number): VBoxError | null {
  const messages: string[] = [];
  let code: string | undefined;
  let detailsText: string | undefined;
  for (const line of splitLines(stderr)) {
    const m = ERROR_LINE.exec(line);
    if (!m) continue;
    const text = m[1].trim();
    const details = /^Details: code (\S+)/.exec(text);
    if (details) {
      code ??= details[1];
      detailsText ??= text;
    }
    else if (!/^Context: /.test(text)) messages.push(text);
  }
  if (exitCode === 0 && messages.length === 0 && code === undefined) return null;

  const firstLine = splitLines(stderr).map((l) => l.trim()).find((l) => l !== "") ?? "";
  const message = messages[0] ?? detailsText ?? (firstLine || `VBoxManage exited with code ${exitCode}`);
  const rule = RULES.find(([, re]) => re.test(stderr));
  const kind: VBoxErrorKind = rule ? rule[0] : exitCode === 2 ? "syntax" : "other";
  const out: VBoxError = { kind, message };
  if (code !== undefined) out.code = code;
  return out;
}
