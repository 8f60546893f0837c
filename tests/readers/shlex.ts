/**
 * Python's shlex.split(s, comments=True) (posix mode, whitespace_split): how pykickstart splits every kickstart
 * command line and section header. Facts from CPython Lib/shlex.py (shlex.read_token; 3.11), no code copied:
 * whitespace " \t\r\n" separates words; "#" starts a comment anywhere a word may continue (outside quotes), the rest
 * of the line is dropped; '...' keeps everything literally; "..." keeps everything except that a backslash escapes
 * only `"` or `\` (before any other character the backslash stays); outside quotes a backslash escapes any
 * character; an unterminated quote raises "No closing quotation", a trailing backslash "No escaped character".
 * kickstart.test.ts cross-checks this model against the real python3 shlex when python3 is on PATH.
 */
export class ShlexError extends Error {}

export function shlexSplit(s: string, comments = true): string[] {
  const WS = " \t\r\n";
  const out: string[] = [];
  let token = "";
  let quoted = false;
  let state: " " | "a" | "'" | '"' | "\\" = " ";
  let escaped: "a" | '"' = "a";
  const chars = [...s];
  let i = 0;
  const flush = () => {
    if (token || quoted) out.push(token);
    token = "";
    quoted = false;
  };
  for (; i < chars.length; i++) {
    const c = chars[i];
    if (state === " " || state === "a") {
      if (WS.includes(c)) {
        if (state === "a") flush();
        state = " ";
      } else if (comments && c === "#") {
        // readline(): the rest of this line is gone.
        const nl = chars.indexOf("\n", i);
        if (state === "a") flush();
        state = " ";
        if (nl < 0) break;
        i = nl;
      } else if (c === "'" || c === '"') {
        state = c;
        quoted = true;
      } else if (c === "\\") {
        escaped = "a";
        state = "\\";
      } else {
        token += c;
        state = "a";
      }
    } else if (state === "'" || state === '"') {
      quoted = true;
      if (c === state) state = "a";
      else if (state === '"' && c === "\\") {
        escaped = '"';
        state = "\\";
      } else token += c;
    } else {
      // escape state
      if (escaped === '"' && c !== '"' && c !== "\\") token += "\\";
      token += c;
      state = escaped;
    }
  }
  if (state === "'" || state === '"') throw new ShlexError("No closing quotation");
  if (state === "\\") throw new ShlexError("No escaped character");
  if (state === "a") flush();
  return out;
}
