/**
 * The external bridge as network-scripts ifcfg files, written BEFORE Packstack runs (the learner's final working
 * setup): br-ex holds the host's static address, the external interface becomes a plain OVS port of it. Without
 * them, br-ex takes over enp0s3 mid-install with no (or the wrong) address and the SSH connection dies.
 * The bridge keeps the DNS servers lab.HostPrep wrote into ifcfg-<interface> (carriedDns), so HostPrep, which reads
 * the bridge's file once the interface is its port, sees the host as it left it. `bridgeProblems` is the health
 * check's view of the two files.
 */
import type { RemoteHost } from "../common";
import type { PackstackInputs } from "./types";

export const IFCFG_DIR = "/etc/sysconfig/network-scripts";
export const STATE_DIR = "/root/.packstack-lab";

/**
 * An ifcfg value as network-scripts reads it: ifup sources the file with bash, so a value that is not made of plain
 * characters is single-quoted ('\'' for a quote) and sourcing gives back exactly the value (tests/readers/ifcfg.test.ts).
 */
export function ifcfgValue(v: string): string {
  return /^[A-Za-z0-9_.:/,+@%-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export function ifcfgPath(device: string): string {
  return `${IFCFG_DIR}/ifcfg-${device}`;
}

export function bridgeIfcfg(i: PackstackInputs, dns: string[]): string {
  return [
    `DEVICE=${ifcfgValue(i.bridge)}`,
    `NAME=${ifcfgValue(i.bridge)}`,
    "DEVICETYPE=ovs",
    "TYPE=OVSBridge",
    "BOOTPROTO=static",
    `IPADDR=${ifcfgValue(i.hostIp)}`,
    `PREFIX=${i.prefixLength}`,
    `GATEWAY=${ifcfgValue(i.gateway)}`,
    ...dns.slice(0, 3).map((d, n) => `DNS${n + 1}=${ifcfgValue(d)}`),
    "ONBOOT=yes",
    // Double quotes kept (existing hosts' files stay byte-identical); the bridge name has no character special there.
    `OVS_EXTRA="set bridge ${i.bridge} fail_mode=standalone"`,
    "",
  ].join("\n");
}

export function portIfcfg(i: PackstackInputs): string {
  return [
    `DEVICE=${ifcfgValue(i.externalInterface)}`,
    `NAME=${ifcfgValue(i.externalInterface)}`,
    "DEVICETYPE=ovs",
    "TYPE=OVSPort",
    `OVS_BRIDGE=${ifcfgValue(i.bridge)}`,
    "BOOTPROTO=none",
    "ONBOOT=yes",
    "",
  ].join("\n");
}

/** The host's resolvers (from /etc/resolv.conf), loopback stubs left out; the gateway when there are none. */
export function pickDns(resolvConf: string, gateway: string): string[] {
  const found = [...resolvConf.matchAll(/^\s*nameserver\s+(\d+\.\d+\.\d+\.\d+)\s*$/gm)].map((m) => m[1]).filter((a) => !a.startsWith("127."));
  return found.length ? found.slice(0, 2) : [gateway];
}

/** KEY=value lines of an ifcfg file (quotes stripped, comments skipped). */
export function ifcfgValues(text: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (text ?? "").split("\n")) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return out;
}

function dnsOf(text: string | null | undefined): string[] {
  const v = ifcfgValues(text);
  return ["DNS1", "DNS2", "DNS3"].map((k) => v[k]).filter((d): d is string => !!d);
}

/** Where the bridge's DNS servers come from, first that has any wins. */
export interface DnsSources {
  /** ifcfg-<interface> now (lab.HostPrep's DNS1.. before the move). */
  iface?: string | null;
  /** ifcfg-<bridge> now (an earlier run's bridge keeps its servers). */
  bridge?: string | null;
  /** The interface's file as it was before the first move (kept under /root/.packstack-lab). */
  before?: string | null;
  resolvConf?: string | null;
}

/** DNS1.. carried over from the interface's file (then the bridge's, the kept original), else resolv.conf, else the gateway. */
export function carriedDns(s: DnsSources, gateway: string): string[] {
  for (const text of [s.iface, s.bridge, s.before]) {
    const dns = dnsOf(text);
    if (dns.length) return dns.slice(0, 3);
  }
  return pickDns(s.resolvConf ?? "", gateway);
}

function prefixOf(v: Record<string, string>): number | null {
  if (v.PREFIX) return Number(v.PREFIX);
  if (v.NETMASK) return v.NETMASK.split(".").reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, "").length, 0);
  return null;
}

/**
 * What is wrong with the two files as the health check reads them (empty when ifcfg-<interface> is an OVS port of
 * the bridge without an address of its own, and ifcfg-<bridge> is an OVS bridge holding hostIp/prefixLength via
 * gateway). Each line ends with its fix.
 */
export function bridgeProblems(i: Pick<PackstackInputs, "externalInterface" | "bridge" | "hostIp" | "prefixLength" | "gateway">, ifaceText: string | null, bridgeText: string | null): string[] {
  const fix = `\`pulumi up\` rewrites ifcfg-${i.bridge} and ifcfg-${i.externalInterface} and restarts the network (Packstack is not re-run)`;
  const problems: string[] = [];
  const port = ifcfgValues(ifaceText);
  if (ifaceText === null) problems.push(`${ifcfgPath(i.externalInterface)} is missing, so ${i.externalInterface} is not a port of ${i.bridge} at boot: ${fix}`);
  else if (port.OVS_BRIDGE !== i.bridge || port.IPADDR) {
    const found = port.OVS_BRIDGE ? `a port of ${port.OVS_BRIDGE}` : port.IPADDR ? `a plain interface with IPADDR=${port.IPADDR}` : `a plain interface (BOOTPROTO=${port.BOOTPROTO || "dhcp"})`;
    problems.push(`${ifcfgPath(i.externalInterface)} is ${found}, not an OVS port of ${i.bridge} (the external network and the host's address depend on it): ${fix}`);
  }
  const br = ifcfgValues(bridgeText);
  const want = `${i.hostIp}/${i.prefixLength} via ${i.gateway}`;
  if (bridgeText === null) problems.push(`${ifcfgPath(i.bridge)} is missing, so ${i.bridge} has no address at boot (it should hold ${want}): ${fix}`);
  else {
    const p = prefixOf(br);
    const isBridge = br.TYPE === "OVSBridge" && br.DEVICETYPE === "ovs";
    if (!isBridge || br.IPADDR !== i.hostIp || p !== i.prefixLength || br.GATEWAY !== i.gateway) {
      const found = `${isBridge ? "" : `TYPE=${br.TYPE || "none"} DEVICETYPE=${br.DEVICETYPE || "none"}, `}${br.IPADDR ? `${br.IPADDR}/${p ?? "?"}` : "no address"} via ${br.GATEWAY || "no gateway"}`;
      problems.push(`${ifcfgPath(i.bridge)} has ${found}, not an OVS bridge holding ${want}: ${fix}`);
    }
  }
  return problems;
}

/**
 * Writes both files when their content differs (the interface's original file is kept once under
 * /root/.packstack-lab). Returns the paths written.
 */
export async function writeBridgeFiles(host: RemoteHost, i: PackstackInputs, dns: string[]): Promise<string[]> {
  const script = `set -e
mkdir -p "$1"
shift
written=""
while [ $# -ge 2 ]; do
  f="$1"; body="$2"; shift 2
  if [ -f "$f" ] && [ "$(cat "$f"; echo x)" = "$body"x ]; then continue; fi
  base=$(basename "$f")
  if [ -f "$f" ] && [ ! -f "${STATE_DIR}/$base.before" ]; then cp -p "$f" "${STATE_DIR}/$base.before"; fi
  mkdir -p "$(dirname "$f")"
  printf '%s' "$body" > "$f.oslab-tmp" && chmod 644 "$f.oslab-tmp" && mv -f "$f.oslab-tmp" "$f"
  echo "$f"
done
`;
  const files: Array<[string, string]> = [
    [ifcfgPath(i.bridge), bridgeIfcfg(i, dns)],
    [ifcfgPath(i.externalInterface), portIfcfg(i)],
  ];
  const res = await host.script(script, [STATE_DIR, ...files.flat()]);
  return res.stdout.split("\n").filter(Boolean);
}
