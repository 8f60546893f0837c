import { splitLines } from "./machineReadable";

export interface PortForward {
  name: string;
  protocol: "tcp" | "udp";
  /** "" when the rule has no host IP (`[]`). */
  hostIp: string;
  hostPort: number;
  guestIp: string;
  guestPort: number;
}

export interface NatNetworkInfo {
  name: string;
  cidr: string;
  gateway?: string;
  dhcp: boolean;
  ipv6: boolean;
  /**
   * `Enabled:`. The short 7.x `list natnets` does not print it; then this is true (VirtualBox's default for `add`).
   * Use `natnetwork list` when it matters.
   */
  enabled: boolean;
  /** IPv4 rules (`Port-forwarding (ipv4)`); IPv6 rules are not returned. */
  portForwards: PortForward[];
}

/** `name:proto:[hostip]:hostport:[guestip]:guestport`, the form `natnetwork list` prints and `--port-forward-4` takes. */
const RULE = /^(.+):(tcp|udp):\[([^\]]*)\]:(\d+):\[([^\]]*)\]:(\d+)$/i;

export function parsePortForwardRule(rule: string): PortForward | null {
  const m = RULE.exec(rule.trim());
  if (!m) return null;
  return {
    name: m[1],
    protocol: m[2].toLowerCase() as "tcp" | "udp",
    hostIp: m[3],
    hostPort: Number(m[4]),
    guestIp: m[5],
    guestPort: Number(m[6]),
  };
}

/** The rule string VBoxManage accepts for `--port-forward-4`. */
export function formatPortForwardRule(f: PortForward): string {
  return `${f.name}:${f.protocol}:[${f.hostIp}]:${f.hostPort}:[${f.guestIp}]:${f.guestPort}`;
}

const yes = (v: string) => /^(yes|on|true|1)$/i.test(v.trim());

interface Draft {
  name: string;
  fields: Map<string, string>;
  ipv4Rules: string[];
}

/**
 * NAT networks from any of the formats VBoxManage has printed:
 * - `natnetwork list [filter]` (7.x): `NAT Networks:` header, blocks from `Name:` with `Enabled:` second,
 *   `Port-forwarding (ipv4)` rules indented, `loopback mappings`, footer `N network(s) found`.
 * - `natnetwork list` (6.1): the same with `Enabled:` last.
 * - `list natnets` (7.x, short): the block without `Enabled:` and rules.
 * - `list natnets` (pre-7): `NetworkName:`, `IP:` (the gateway), `IPv6 Enabled:`, `DHCP Enabled:`, `Enabled:`.
 * Lines that belong to none of these (shell prompts, other commands' output) are skipped.
 */
export function parseNatNetworks(text: string): NatNetworkInfo[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let section: "ipv4" | "other" | undefined;
  for (const rawLine of splitLines(text)) {
    const line = rawLine.replace(/\s+$/, "");
    const field = /^(Name|NetworkName|IP|Network|Gateway|DHCP Server|DHCP Enabled|IPv6|IPv6 Enabled|IPv6 Prefix|IPv6 Default|Enabled):\s*(.*)$/.exec(line);
    if (field) {
      const [, key, value] = field;
      if (key === "Name" || key === "NetworkName") {
        current = { name: value, fields: new Map(), ipv4Rules: [] };
        drafts.push(current);
      } else if (current) {
        current.fields.set(key, value);
      }
      section = undefined;
      continue;
    }
    if (!current) continue;
    if (/^Port-forwarding \(ipv4\)/i.test(line)) section = "ipv4";
    else if (/^(Port-forwarding \(ipv6\)|loopback mappings)/i.test(line)) section = "other";
    else if (/^\s+\S/.test(line) && section === "ipv4") current.ipv4Rules.push(line.trim());
    else if (!/^\s/.test(line)) section = undefined;
  }
  // A block without `Network:` is not a NAT network (list dhcpservers, bridgedifs and hostonlynets look alike).
  return drafts.filter((d) => d.fields.has("Network")).map((d) => {
    const f = d.fields;
    const gateway = f.get("Gateway") ?? f.get("IP");
    const info: NatNetworkInfo = {
      name: d.name,
      cidr: f.get("Network") ?? "",
      dhcp: yes(f.get("DHCP Server") ?? f.get("DHCP Enabled") ?? "no"),
      ipv6: yes(f.get("IPv6") ?? f.get("IPv6 Enabled") ?? "no"),
      enabled: f.has("Enabled") ? yes(f.get("Enabled")!) : true,
      portForwards: d.ipv4Rules.map(parsePortForwardRule).filter((r): r is PortForward => r !== null),
    };
    if (gateway) info.gateway = gateway;
    return info;
  });
}
