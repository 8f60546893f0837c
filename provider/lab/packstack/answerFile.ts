/**
 * Packstack answer files (INI-like: "[general]", "# help" comments, KEY=value lines). The file is generated once
 * by `packstack --gen-answer-file`; after that only the keys the inputs own are rewritten, in place, so every
 * generated password stays what it was.
 */
import type { PackstackInputs } from "./types";
import { isSecretAnswer } from "../../core/secrets";

/** Where every run's answer file lives on the host (uploaded from state before each run). */
export const ANSWER_PATH = "/root/packstack-answers-lab.txt";

/**
 * Lines as Packstack's loader reads them (Python configparser.RawConfigParser, defaults; facts from CPython
 * Lib/configparser.py): "[section]" headers; full-line comments starting with "#" or ";" (after blanks); "key = value"
 * or "key: value" split at the first "=" or ":", key and value stripped; option names case-folded (lower()); an
 * indented line after an option continues its value; a key twice in one section is a DuplicateOptionError. Packstack
 * reads section [general] only (run_setup.py _handleAnswerFileParams, Zed).
 */
type Line =
  | { kind: "section"; name: string }
  | { kind: "option"; key: string; value: string }
  | { kind: "continuation"; text: string }
  | { kind: "other" };

function classify(lines: string[]): Line[] {
  let inOption = false;
  return lines.map((raw): Line => {
    const stripped = raw.trim();
    // Blank and full-line comment lines keep the option open (empty_lines_in_values): an indented line after them continues it.
    if (stripped === "" || stripped.startsWith("#") || stripped.startsWith(";")) return { kind: "other" };
    if (inOption && /^\s/.test(raw)) return { kind: "continuation", text: stripped };
    const sec = /^\[([^\]]+)\]/.exec(raw);
    if (sec) {
      inOption = false;
      return { kind: "section", name: sec[1] };
    }
    const m = /^(.*?)\s*[=:]\s*(.*)$/.exec(raw);
    if (m && m[1].trim() !== "") {
      inOption = true;
      return { kind: "option", key: m[1].trim(), value: m[2].trim() };
    }
    inOption = false;
    return { kind: "other" };
  });
}

const splitLines = (text: string) => text.split(/\r?\n/);

/** The [general] answers as Packstack reads them, keys upper-cased (Packstack's CONF_NAMEs). */
export function parseAnswers(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  let section = "general";
  let last: string | null = null;
  for (const l of classify(splitLines(text))) {
    if (l.kind === "section") section = l.name;
    else if (l.kind === "option" && section === "general") {
      last = l.key.toUpperCase();
      out[last] = l.value;
    } else if (l.kind === "continuation" && last && section === "general") out[last] += `\n${l.text}`;
    else if (l.kind === "option") last = null;
  }
  return { ...out };
}

/**
 * Sets `values` in the file the way Packstack will read them back: an existing key (in any case, with any spacing,
 * with continuation lines) is rewritten in place as KEY=value, later copies of it are dropped (Packstack's loader
 * refuses a key twice), missing ones are appended to [general]. Comments and the line ending (LF or CRLF) are kept.
 */
export function setAnswers(text: string, values: Record<string, string>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = splitLines(text);
  const kinds = classify(lines);
  const pending = new Map(Object.entries(values));
  const written = new Set<string>();
  const out: string[] = [];
  let section = text.trim() === "" ? "" : "general";
  let hasGeneral = false;
  let dropping = false;
  lines.forEach((line, i) => {
    const l = kinds[i];
    if (l.kind === "continuation" && dropping) return;
    dropping = false;
    if (l.kind === "section") {
      section = l.name;
      if (section === "general") hasGeneral = true;
    }
    if (l.kind === "option" && section === "general") {
      const key = l.key.toUpperCase();
      if (written.has(key)) {
        dropping = true;
        return;
      }
      if (pending.has(key)) {
        out.push(`${key}=${pending.get(key)}`);
        pending.delete(key);
        written.add(key);
        dropping = true;
        return;
      }
    }
    out.push(line);
  });
  if (pending.size) {
    while (out.length && out[out.length - 1] === "") out.pop();
    if (!hasGeneral && !/^\s*\[general\]/m.test(text)) out.unshift("[general]");
    else if (section !== "general") out.push("[general]");
    out.push("", "# Set by pulumi-openstack-lab (lab.PackstackInstall)");
    for (const [k, v] of pending) out.push(`${k}=${v}`);
    out.push("");
  }
  return out.join(eol);
}

/** The answer values the inputs decide (the "Packstack Zed defaults to OVN/geneve" ones are all set explicitly). */
export function desiredAnswers(i: PackstackInputs): Record<string, string> {
  const ovn = i.l2Agent === "ovn";
  const mappings = `${i.physnet}:${i.bridge}`;
  const ifaces = `${i.bridge}:${i.externalInterface}`;
  return {
    CONFIG_KEYSTONE_ADMIN_PW: i.adminPassword,
    CONFIG_CONTROLLER_HOST: i.hostIp,
    CONFIG_COMPUTE_HOSTS: i.hostIp,
    CONFIG_NETWORK_HOSTS: i.hostIp,
    CONFIG_PROVISION_DEMO: i.provisionDemo ? "y" : "n",
    CONFIG_NEUTRON_L2_AGENT: i.l2Agent,
    CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS: i.l2Agent,
    CONFIG_NEUTRON_ML2_TYPE_DRIVERS: i.typeDrivers.join(","),
    CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES: i.tenantNetworkTypes.join(","),
    CONFIG_NEUTRON_L3_EXT_BRIDGE: i.bridge,
    ...(ovn
      ? { CONFIG_NEUTRON_OVN_BRIDGE_MAPPINGS: mappings, CONFIG_NEUTRON_OVN_BRIDGE_IFACES: ifaces, CONFIG_NEUTRON_OVN_EXTERNAL_PHYSNET: i.physnet }
      : { CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS: mappings, CONFIG_NEUTRON_OVS_BRIDGE_IFACES: ifaces, CONFIG_NEUTRON_OVS_EXTERNAL_PHYSNET: i.physnet }),
    ...i.extraAnswers,
  };
}

/** Keys whose value in `text` differs from `wanted`. */
export function differingKeys(text: string, wanted: Record<string, string>): string[] {
  const have = parseAnswers(text);
  return Object.keys(wanted).filter((k) => have[k] !== wanted[k]);
}

/**
 * For an update: the keys an input changed (old desired value != new desired value). Keys only the old inputs
 * set (an extraAnswers entry removed) keep their value in the file: there is no "default" to go back to.
 */
export function keysChangedByInputs(olds: PackstackInputs, news: PackstackInputs): string[] {
  const a = desiredAnswers(olds);
  const b = desiredAnswers(news);
  return Object.keys(b).filter((k) => a[k] !== b[k]);
}

/** Every password, key and token in the file (to mask in logs and errors). */
export function answerSecrets(text: string | undefined | null): string[] {
  if (!text) return [];
  return Object.entries(parseAnswers(text))
    .filter(([k, v]) => isSecretAnswer(k, v))
    .map(([, v]) => v);
}

/** Which input changed a key, for messages ("CONFIG_X (extraAnswers)"). */
export function explainKeys(keys: string[], olds: PackstackInputs, news: PackstackInputs): string {
  return keys
    .map((k) => {
      const viaExtra = k in news.extraAnswers || k in olds.extraAnswers;
      return viaExtra ? `${k} (extraAnswers)` : k;
    })
    .join(", ");
}

/** The answer file with every input-owned key set (comments and generated passwords untouched). */
export function applyInputs(text: string, inputs: PackstackInputs, only?: string[]): string {
  const desired = desiredAnswers(inputs);
  const values = only ? Object.fromEntries(only.map((k) => [k, desired[k]])) : desired;
  return setAnswers(text, values);
}
