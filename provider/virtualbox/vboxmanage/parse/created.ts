import { splitLines } from "./machineReadable";

const UUID_LINE = /(?:^|\s)UUID: ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\s*$/;

/**
 * The UUID a creating command prints: `createvm` (`UUID: <uuid>`), `snapshot take` (`Snapshot taken. UUID: <uuid>`),
 * `createmedium` (`Medium created. UUID: <uuid>`). null when there is none.
 */
export function parseCreatedUuid(text: string): string | null {
  for (const line of splitLines(text)) {
    const m = UUID_LINE.exec(line);
    if (m) return m[1];
  }
  return null;
}
