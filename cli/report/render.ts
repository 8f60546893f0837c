/**
 * The field report as Markdown, from what was gathered (report/gather.ts): versions, doctor results, each
 * resource's live state against its inputs, the Packstack log's last lines, the last CLI output. Every text goes
 * through `mask` last, so no secret survives whatever its source.
 */
import type { CheckResult } from "../doctor/checks";
import { mask } from "./secrets";

export interface FieldChange {
  field: string;
  live: unknown;
  input: unknown;
}

export interface ResourceRow {
  name: string;
  type: string;
  /** What preview --refresh plans for it: same = live state matches the inputs. */
  op: string;
  /** Fields whose live value differs from the input. */
  diffs: string[];
  /** Each differing field: its live value and its input. */
  changes?: FieldChange[];
  inputs: Record<string, unknown>;
}

export interface ReportData {
  createdAt: string;
  versions: Record<string, string>;
  doctor: CheckResult[];
  resources: ResourceRow[] | string;
  packstackLog: string;
  lastRunLog: string;
}

const fence = (t: string) => "```\n" + t.replace(/```/g, "ʼʼʼ").trimEnd() + "\n```";
const cell = (t: string) => t.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** Inputs for the table: secret wrappers and secret-looking keys shown as [secret], long values cut. */
export function showInputs(inputs: Record<string, unknown>): string {
  const hide = (k: string, v: unknown): unknown => {
    if (/password|secret|token|privatekey|passphrase|answerfile|keystonerc/i.test(k)) return "[secret]";
    if (v && typeof v === "object" && "4dabf18193072939515e22adb298388d" in (v as object)) return "[secret]";
    if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).map(([kk, vv]) => [kk, hide(kk, vv)]));
    return v;
  };
  const shown = Object.fromEntries(Object.entries(inputs).filter(([k]) => k !== "__provider").map(([k, v]) => [k, hide(k, v)]));
  const s = JSON.stringify(shown);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}

/** One value for the table: secret-looking fields hidden, long ones cut. */
function brief(field: string, v: unknown): string {
  if (v === undefined) return "unset";
  const shown = showInputs({ [field]: v });
  const inner = shown.slice(shown.indexOf(":") + 1, -1);
  return inner.length > 80 ? `${inner.slice(0, 80)}…` : inner;
}

export function renderReport(d: ReportData, secrets: string[]): string {
  const out: string[] = [];
  out.push(`# pulumi-openstack-lab field report`, "", `Made by \`npm run lab -- report\` at ${d.createdAt}. Secrets are masked as \`***\` or [secret].`, "");
  out.push("## Versions", "", "| what | version |", "|---|---|");
  for (const [k, v] of Object.entries(d.versions)) out.push(`| ${cell(k)} | ${cell(v)} |`);
  out.push("", "## Doctor", "", "| check | status | found | why | fix |", "|---|---|---|---|---|");
  for (const r of d.doctor) out.push(`| ${cell(r.title)} | ${r.status} | ${cell(r.what)} | ${cell(r.why ?? "")} | ${cell(r.fix ?? "")} |`);
  out.push("", "## Resources: live state against inputs (`preview --refresh`)", "");
  if (typeof d.resources === "string") out.push(d.resources);
  else if (!d.resources.length) out.push("The stack holds no resources (the lab was never built, or it was destroyed).");
  else {
    out.push("| resource | type | live vs inputs | inputs |", "|---|---|---|---|");
    for (const r of d.resources) {
      const fields = r.changes?.length ? r.changes.map((c) => `${c.field} (live ${brief(c.field, c.live)}, input ${brief(c.field, c.input)})`) : r.diffs;
      const state = r.op === "same" ? "same" : `${r.op}${fields.length ? `: ${fields.join(", ")}` : ""}`;
      out.push(`| ${cell(r.name)} | ${cell(r.type)} | ${cell(state)} | \`${cell(showInputs(r.inputs))}\` |`);
    }
  }
  out.push("", "## Packstack log (last lines, from the VM)", "", fence(d.packstackLog || "(none)"));
  out.push("", "## Last `npm run lab` output (last lines)", "", fence(d.lastRunLog || "(none)"), "");
  return mask(out.join("\n"), secrets);
}
