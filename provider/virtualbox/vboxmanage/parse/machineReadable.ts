/**
 * The `key=value` grammar of `VBoxManage ... --machinereadable` (showvminfo, snapshot list, unattended detect).
 *
 * What real output contains (see ../../../../../shared/vbox-samples/FACTS.md §2):
 * - CRLF on Windows; a trailing blank line sometimes.
 * - Quoted values with `\\` and `\"` escapes; some values printed raw (Windows paths with single backslashes).
 * - Unquoted values (`memory=4096`, `videocapopts=`, `VRDEClients==0`).
 * - Quoted keys (`"SATA Controller-0-0"="..."`) and unquoted keys with spaces (`BIOS NVRAM File="..."`).
 * - Text after the closing quote (`VideoMode="720,400,0"@0,0 1`).
 * - Multi-line quoted values (`description="line1` / `line2"`).
 * - Lines without `=` (` rec_screen0`, the 7.0 `Encryption:     disabled`): ignored.
 */

/** Keys whose values VBoxManage prints without escaping: read them verbatim up to the last quote of the line. */
const RAW_KEY = /^(?:uartmode\d+|bridgeadapter\d+|hostonlyadapter\d+|intnet\d+|nat-network\d+|macaddress\d+|Forwarding\(\d+\)|VMState)$/;

/** One `key=value` pair, in output order. Duplicate keys (rec_screen_* per screen) are all kept. */
export interface Entry {
  key: string;
  value: string;
  /** The value was double-quoted in the output (numbers are not). */
  quoted: boolean;
}

/** Splits text into lines, CRLF or LF. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n").split("\n");
}

/** Reads a quoted string starting at `s[start] === '"'`; returns the unescaped text and the index after the closing quote, or end = -1 if the line ends first. */
function readQuoted(s: string, start: number): { text: string; end: number } {
  let text = "";
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && (s[i + 1] === "\\" || s[i + 1] === '"')) {
      text += s[i + 1];
      i++;
    } else if (c === '"') {
      return { text, end: i + 1 };
    } else {
      text += c;
    }
  }
  return { text, end: -1 };
}

/** Every `key=value` pair in order, duplicates kept. */
export function parseMachineReadableEntries(text: string): Entry[] {
  const lines = splitLines(text);
  const out: Entry[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    let key: string;
    let rest: string;
    if (line.startsWith('"')) {
      const k = readQuoted(line, 0);
      if (k.end < 0 || line[k.end] !== "=") continue;
      key = k.text;
      rest = line.slice(k.end + 1);
    } else {
      const eq = line.indexOf("=");
      if (eq <= 0) continue;
      key = line.slice(0, eq);
      rest = line.slice(eq + 1);
    }
    if (!rest.startsWith('"')) {
      // Unquoted: numbers, `videocapres=1024x768`, `VRDEClients==0` (a VBoxManage typo), `<not set>`.
      const value = /^=\d+$/.test(rest) ? rest.slice(1) : rest;
      out.push({ key, value, quoted: false });
      continue;
    }
    if (RAW_KEY.test(key)) {
      const last = rest.lastIndexOf('"');
      out.push({ key, value: last > 0 ? rest.slice(1, last) : rest.slice(1), quoted: true });
      continue;
    }
    // Quoted, escaped, possibly spanning several lines.
    let buffer = rest;
    let q = readQuoted(buffer, 0);
    while (q.end < 0 && n + 1 < lines.length) {
      n++;
      buffer += "\n" + lines[n];
      q = readQuoted(buffer, 0);
    }
    const trailing = q.end < 0 ? "" : buffer.slice(q.end);
    out.push({ key, value: q.text + trailing, quoted: true });
  }
  return out;
}

/** `key -> value` (the last one wins for duplicate keys). */
export function parseMachineReadable(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of parseMachineReadableEntries(text)) out[e.key] = e.value;
  return out;
}
