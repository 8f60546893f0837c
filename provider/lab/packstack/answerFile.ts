/**
 * Packstack answer files (INI-like: "[general]", "# help" comments, KEY=value lines). The file is generated once
 * by `packstack --gen-answer-file`; after that only the keys the inputs own are rewritten, in place, so every
 * generated password stays what it was.
 */
import type { PackstackInputs } from "./types";

/** Where every run's answer file lives on the host (uploaded from state before each run). */
export const ANSWER_PATH = "/root/packstack-answers-lab.txt";

const LINE = /^\s*(CONFIG_[A-Z0-9_]+|EXCLUDE_SERVERS)=(.*)$/;

export function parseAnswers(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Sets `values` in the file: existing keys change in place, missing ones are appended. Comments are kept. */
export function setAnswers(text: string, values: Record<string, string>): string {
  const pending = new Map(Object.entries(values));
  const lines = text.split("\n").map((line) => {
    const m = LINE.exec(line.replace(/\r$/, ""));
    if (!m || !pending.has(m[1])) return line;
    const v = pending.get(m[1])!;
    pending.delete(m[1]);
    return `${m[1]}=${v}`;
  });
  if (pending.size) {
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    lines.push("", "# Set by pulumi-openstack-lab (lab.PackstackInstall)");
    for (const [k, v] of pending) lines.push(`${k}=${v}`);
    lines.push("");
  }
  return lines.join("\n");
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

const SECRET_KEY = /(_PW|PASSWORD|PASSWD|_KEY|SECRET|TOKEN|_HASH)$/;

/** Every password, key and token in the file (to mask in logs and errors). */
export function answerSecrets(text: string | undefined | null): string[] {
  if (!text) return [];
  return Object.entries(parseAnswers(text))
    .filter(([k, v]) => SECRET_KEY.test(k) && v.length >= 3 && !v.startsWith("/"))
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
