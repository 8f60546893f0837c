/**
 * IP protocols as Neutron's security group API knows them: names or numbers 0-255, and "any" (Neutron's null).
 * Neutron treats a name and its number as the same rule (409 SecurityGroupRuleExists), so rules are compared by
 * their canonical protocol: the name when one exists, else the number as a string.
 */

/** Protocol number -> canonical name (what outputs show). */
const CANONICAL: Record<number, string> = {
  1: "icmp",
  2: "igmp",
  4: "ipip",
  6: "tcp",
  8: "egp",
  17: "udp",
  33: "dccp",
  41: "ipv6-encap",
  43: "ipv6-route",
  44: "ipv6-frag",
  46: "rsvp",
  47: "gre",
  50: "esp",
  51: "ah",
  58: "icmpv6",
  59: "ipv6-nonxt",
  60: "ipv6-opts",
  89: "ospf",
  112: "vrrp",
  113: "pgm",
  132: "sctp",
  136: "udplite",
};

/** Other names Neutron accepts. */
const ALIASES: Record<string, number> = { "ipv6-icmp": 58, hopopt: 0, ip: 0 };

const BY_NAME: Record<string, number> = {
  ...Object.fromEntries(Object.entries(CANONICAL).map(([n, name]) => [name, Number(n)])),
  ...ALIASES,
};

/** Protocols whose rules take a port range (Neutron's SG_PORT_PROTO_NAMES). */
const PORT_PROTOCOLS = new Set(["tcp", "udp", "dccp", "sctp", "udplite"]);
const ICMP_PROTOCOLS = new Set(["icmp", "icmpv6"]);

export const ANY = "any";

/** Canonical text of a protocol ("TCP", "6", 6 -> "tcp"; null, "", "any" -> "any"); null when it is not one. */
export function canonicalProtocol(p: string | number | null | undefined): string | null {
  if (p === null || p === undefined || p === "") return ANY;
  const text = String(p).trim().toLowerCase();
  if (text === ANY) return ANY;
  if (/^\d{1,3}$/.test(text)) {
    const n = Number(text);
    if (n > 255) return null;
    return Object.prototype.hasOwnProperty.call(CANONICAL, n) ? CANONICAL[n] : String(n);
  }
  const n = Object.prototype.hasOwnProperty.call(BY_NAME, text) ? BY_NAME[text] : undefined;
  return n === undefined ? null : Object.prototype.hasOwnProperty.call(CANONICAL, n) ? CANONICAL[n] : String(n);
}

export function takesPortRange(canonical: string): boolean {
  return PORT_PROTOCOLS.has(canonical);
}

export function isIcmp(canonical: string): boolean {
  return ICMP_PROTOCOLS.has(canonical);
}

/** What Neutron is sent: null for "any", else the canonical text (Neutron accepts every canonical name). */
export function apiProtocol(canonical: string): string | null {
  return canonical === ANY ? null : canonical;
}

export function knownProtocolNames(): string[] {
  return [ANY, ...Object.keys(BY_NAME)].sort();
}
