import { splitLines } from "./machineReadable";

export interface VBoxVersion {
  major: number;
  minor: number;
  patch: number;
  /** The whole version line, e.g. `7.2.18r175117` or `6.1.50_Ubuntur161033`. */
  raw: string;
}

const VERSION_LINE = /^\s*(\d+)\.(\d+)\.(\d+)\S*\s*$/;

/**
 * `VBoxManage --version`. A kernel-module warning can come before the version line, so the first line that looks
 * like a version wins. Throws when there is none.
 */
export function parseVersion(text: string): VBoxVersion {
  for (const line of splitLines(text)) {
    const m = VERSION_LINE.exec(line);
    if (m) return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), raw: line.trim() };
  }
  const first = text.trim().split(/\r?\n/)[0] ?? "";
  throw new Error(`VBoxManage --version printed no version (first line: ${JSON.stringify(first.slice(0, 200))})`);
}
