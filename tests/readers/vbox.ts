/**
 * How VirtualBox fills an unattended --script-template and reads a --password-file. Facts (no code copied) from
 * VirtualBox src/VBox/Main/src-server/UnattendedScript.cpp (UnattendedScriptTemplate::saveToString, getReplacement,
 * queryVariable; mirror/vbox commit 72b784c13f3462e3b850a0d2d7141b0568170a02) and
 * src/VBox/Runtime/common/misc/getoptargv.cpp (RTGetOptArgvToString, RTGETOPTARGV_CNV_QUOTE_BOURNE_SH; commit
 * 04912dd297a21f150f9b8d16c320b563bdf5dde8):
 * - every "@@VBOX_" starts a placeholder; it runs over printable characters and spaces up to the next "@" (1 KiB at
 *   most) and must end in "@@" and start with @@VBOX_INSERT, @@VBOX_COND or @@VBOX_SPLITTER, else the whole template
 *   is refused ("Malformed or too long template placeholder");
 * - @@VBOX_INSERT_<VAR>@@ inserts the variable as is, ..._SH@@ Bourne-quoted: unchanged unless it holds a control
 *   character, space or one of ! " $ & ( ) * ; < > ? [ ' \ ` | ~ (note: not "#"), then wrapped in '...' with each '
 *   written '"'"'; an unknown variable refuses the template;
 * - @@VBOX_COND_<X>@@ ... @@VBOX_COND_ELSE@@ ... @@VBOX_COND_END@@ keep or drop text.
 * - The password file (VBoxManage --password-file): at most 511 bytes are read and the password ends at the first
 *   control character (the issue's facts, from VBoxManage's password-file reader).
 */
export class VBoxTemplateError extends Error {}

const BOURNE_SPECIAL = /[\u0001-\u001f !"$&()*;<>?['\\`|~]/;

export function bourneQuote(v: string): string {
  if (!BOURNE_SPECIAL.test(v)) return v;
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

export function fillTemplate(template: string, vars: Record<string, string>, conds: Record<string, boolean> = {}): string {
  let out = "";
  let off = 0;
  const stack: boolean[] = [];
  let outputting = true;
  for (;;) {
    const at = template.indexOf("@@VBOX_", off);
    const text = at < 0 ? template.slice(off) : template.slice(off, at);
    if (outputting) out += text;
    if (at < 0) break;
    let end = at + "@@VBOX_".length;
    const max = Math.min(template.length, at + 1024);
    while (end < max && template[end] !== "@" && /[\x20-\x7e\t\n\v\f\r]/.test(template[end])) end++;
    if (template[end] === "@") end++;
    if (template[end] === "@") end++;
    const ph = template.slice(at, end);
    if (!ph.endsWith("@@") || ph.length < 9 || !/^@@VBOX_(INSERT|COND|SPLITTER)/.test(ph)) throw new VBoxTemplateError(`Malformed or too long template placeholder '${ph}'`);
    off = end;
    if (ph.startsWith("@@VBOX_INSERT_")) {
      const sh = ph.endsWith("_SH@@");
      const name = ph.slice("@@VBOX_INSERT_".length, ph.length - (sh ? 5 : 2));
      if (!(name in vars)) throw new VBoxTemplateError(`Unknown variable '${name}'`);
      if (outputting) out += sh ? bourneQuote(vars[name]) : vars[name];
    } else if (ph === "@@VBOX_COND_END@@") {
      if (!stack.length) throw new VBoxTemplateError("@@VBOX_COND_END@@ without @@VBOX_COND_XXX@@");
      outputting = stack.pop()!;
    } else if (ph === "@@VBOX_COND_ELSE@@") {
      if (!stack.length) throw new VBoxTemplateError("@@VBOX_COND_ELSE@@ without @@VBOX_COND_XXX@@");
      outputting = !outputting;
    } else if (ph.startsWith("@@VBOX_COND_")) {
      const name = ph.slice("@@VBOX_COND_".length, -2);
      if (!(name in conds)) throw new VBoxTemplateError(`Unknown conditional placeholder '${ph}'`);
      stack.push(outputting);
      outputting = outputting && conds[name];
    } else if (ph.startsWith("@@VBOX_SPLITTER")) {
      if (outputting) out += ph;
    } else throw new VBoxTemplateError(`expression placeholders are not modelled: '${ph}'`);
  }
  if (stack.length) throw new VBoxTemplateError("Missing @@VBOX_COND_END@@");
  return out;
}

/** What VirtualBox keeps of a --password-file's bytes. */
export function passwordFromFile(bytes: Buffer): string {
  const head = bytes.subarray(0, 511);
  let n = 0;
  while (n < head.length && head[n] >= 0x20 && head[n] !== 0x7f) n++;
  return head.subarray(0, n).toString("utf8");
}
