/**
 * Packstack Zed's answer-file loader: configparser.RawConfigParser() with its defaults, then section [general]
 * (packstack/installer/run_setup.py _handleAnswerFileParams, zed-eol e41923381e1f4660bb4169d933233b08d5d522ea).
 * Facts from CPython Lib/configparser.py (RawConfigParser._read; 3.11), no code copied: lines split on \n (CRLF
 * too); "#"/";" full-line comments; "[name]" headers (a key before any header is MissingSectionHeaderError; a
 * section twice DuplicateSectionError); "key = value" / "key: value" at the first = or :, both stripped; keys
 * lower()-ed; an option twice in a section is DuplicateOptionError; an indented line after an option continues its
 * value (comment lines in between skipped, blank ones kept, trailing ones dropped). readers/packstack.test.ts checks this model against
 * python3's configparser when python3 is on PATH.
 */
export class ConfigParserError extends Error {}

export function readIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let cur: Record<string, string[]> | null = null;
  let opt: string | null = null;
  let optIndent = 0;
  const lines = text.split("\n");
  lines.forEach((raw0, i) => {
    const raw = raw0.replace(/\r$/, "");
    const stripped = raw.trim();
    const lineno = i + 1;
    // A full-line comment is skipped; a blank line adds an empty line to the open value (empty_lines_in_values).
    if (stripped.startsWith("#") || stripped.startsWith(";")) return;
    if (stripped === "") {
      if (cur && opt !== null) cur[opt].push("");
      return;
    }
    const indent = raw.length - raw.trimStart().length;
    if (cur && opt !== null && indent > optIndent) {
      cur[opt].push(stripped);
      return;
    }
    optIndent = indent;
    const sec = /^\[(?<h>.+)\]/.exec(stripped);
    if (sec) {
      const name = sec.groups!.h;
      if (sections[name]) throw new ConfigParserError(`DuplicateSectionError: ${name} (line ${lineno})`);
      cur = sections[name] = {};
      opt = null;
      return;
    }
    if (!cur) throw new ConfigParserError(`MissingSectionHeaderError (line ${lineno})`);
    const m = /^(.*?)\s*([=:])\s*(.*)$/.exec(stripped);
    if (!m || !m[1].trim()) throw new ConfigParserError(`ParsingError (line ${lineno})`);
    const key = m[1].trimEnd().toLowerCase();
    if (Object.prototype.hasOwnProperty.call(cur, key)) throw new ConfigParserError(`DuplicateOptionError: ${key} (line ${lineno})`);
    cur[key] = [m[3].trim()];
    opt = key;
  });
  const out: Record<string, Record<string, string>> = {};
  for (const [name, opts] of Object.entries(sections)) {
    out[name] = {};
    for (const [k, v] of Object.entries(opts)) out[name][k] = v.join("\n").replace(/\n+$/, "");
  }
  return out;
}

/** What Packstack reads: [general], every key by its CONF_NAME (upper case). */
export function readAnswerFile(text: string): Record<string, string> {
  const ini = readIni(text);
  if (!ini.general) throw new ConfigParserError("Expected section [general]");
  return Object.fromEntries(Object.entries(ini.general).map(([k, v]) => [k.toUpperCase(), v]));
}
