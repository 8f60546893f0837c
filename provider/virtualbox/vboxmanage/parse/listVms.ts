import { splitLines } from "./machineReadable";

const VM_LINE = /^"(.*)" \{([0-9a-fA-F-]+)\}\s*$/;

/**
 * `list vms` / `list runningvms`: one `"<name>" {<uuid>}` line per VM. Other lines (prompts, warnings) are skipped.
 * Inaccessible VMs are listed with the name `<inaccessible>`.
 */
export function parseListVms(text: string): Array<{ name: string; uuid: string }> {
  const out: Array<{ name: string; uuid: string }> = [];
  for (const line of splitLines(text)) {
    const m = VM_LINE.exec(line);
    if (m) out.push({ name: m[1], uuid: m[2] });
  }
  return out;
}
