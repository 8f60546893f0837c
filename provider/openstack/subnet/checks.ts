/**
 * Cross-field checks of a subnet's addresses, as Neutron would judge them, so a bad subnet fails in preview
 * with the field named instead of half-way through an update: CIDR and family, pools, gateway, DNS, routes.
 */
import { containsUnknown } from "../../core/unknowns";
import { Cidr, cidrContains, ipToBigInt, ipVersionOf, parseCidr } from "../common";
import type { SubnetInputs } from "./types";

export interface Issue {
  path: (string | number)[];
  message: string;
}

/** The addresses Neutron can hand out: IPv4 drops the network and broadcast addresses, IPv6 the first. */
export function usableRange(c: Cidr): { first: bigint; last: bigint } {
  if (c.version === 4) return c.prefix >= 31 ? { first: c.first, last: c.last } : { first: c.first + 1n, last: c.last - 1n };
  return c.prefix >= 127 ? { first: c.first, last: c.last } : { first: c.first + 1n, last: c.last };
}

/** A list input, or [] while it is unknown as a whole (preview). */
const listOf = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/** Values not known yet (preview) are skipped: only what is known is judged. */
export function checkSubnet(s: Partial<SubnetInputs>): Issue[] {
  const issues: Issue[] = [];
  if (containsUnknown(s.cidr)) return issues;
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const cidr = parseCidr(s.cidr as string);
  if (!cidr) {
    add(["cidr"], `"${s.cidr}" is not a CIDR (e.g. "10.0.2.0/24" or "fd00:2::/64")`);
    return issues;
  }
  if (cidr.hostBitsSet) add(["cidr"], `"${s.cidr}" has host bits set; did you mean the network address with /${cidr.prefix}?`);
  const v = cidr.version;
  if (s.ipVersion !== undefined && s.ipVersion !== v) add(["ipVersion"], `is ${s.ipVersion} but cidr ${s.cidr} is IPv${v}`);
  const usable = usableRange(cidr);
  const family = (path: (string | number)[], addr: string): boolean => {
    const got = ipVersionOf(addr);
    if (got === null) add(path, `"${addr}" is not an IP address`);
    else if (got !== v) add(path, `"${addr}" is IPv${got} but the subnet is IPv${v}`);
    return got === v;
  };

  // Allocation pools: valid, inside the usable range, start <= end, no overlaps.
  const pools: { i: number; start: bigint; end: bigint }[] = [];
  listOf(s.allocationPools).forEach((p, i) => {
    if (containsUnknown(p)) return;
    const okStart = family(["allocationPools", i, "start"], p.start);
    const okEnd = family(["allocationPools", i, "end"], p.end);
    if (!okStart || !okEnd) return;
    const start = ipToBigInt(p.start);
    const end = ipToBigInt(p.end);
    let ok = true;
    for (const [field, x] of [["start", start], ["end", end]] as const) {
      if (x < usable.first || x > usable.last) {
        add(["allocationPools", i, field], `${p[field]} is outside the usable addresses of ${s.cidr}`);
        ok = false;
      }
    }
    if (start > end) {
      add(["allocationPools", i], `start ${p.start} is after end ${p.end}`);
      ok = false;
    }
    if (ok) pools.push({ i, start, end });
  });
  const sorted = [...pools].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1], sorted[k]];
    if (b.start <= a.end) {
      const later = Math.max(a.i, b.i);
      add(["allocationPools", later], `overlaps allocationPools[${Math.min(a.i, b.i)}]`);
    }
  }

  // Gateway: exclusive with noGateway, a usable address of the subnet, outside every pool.
  if (s.gatewayIp !== undefined && !containsUnknown(s.gatewayIp)) {
    if (s.noGateway === true) add(["gatewayIp"], "cannot be set together with noGateway: true");
    else if (family(["gatewayIp"], s.gatewayIp)) {
      const g = ipToBigInt(s.gatewayIp);
      if (!cidrContains(cidr, s.gatewayIp)) add(["gatewayIp"], `${s.gatewayIp} is outside ${s.cidr}`);
      else if (g < usable.first || g > usable.last) add(["gatewayIp"], `${s.gatewayIp} is the network or broadcast address of ${s.cidr}`);
      const pool = pools.find((p) => g >= p.start && g <= p.end);
      if (pool) add(["gatewayIp"], `${s.gatewayIp} is inside allocationPools[${pool.i}]; keep the gateway out of the pools`);
    }
  }

  // No gatewayIp: Neutron takes the first usable address as the gateway, and refuses it inside a pool.
  if (s.gatewayIp === undefined && s.noGateway !== true && !containsUnknown(s.noGateway)) {
    const g = usable.first;
    const pool = pools.find((p) => g >= p.start && g <= p.end);
    if (pool) {
      add(["allocationPools", pool.i], `holds the default gateway (the first address of ${s.cidr}); start the pool after it, or set gatewayIp outside the pools (or noGateway: true)`);
    }
  }

  // DNS servers: addresses of the subnet's family, no repeats (Neutron rejects duplicates).
  const dns = new Set<bigint>();
  listOf(s.dnsNameservers).forEach((d, i) => {
    if (containsUnknown(d)) return;
    if (!family(["dnsNameservers", i], d)) return;
    const n = ipToBigInt(d);
    if (dns.has(n)) add(["dnsNameservers", i], `${d} is listed twice`);
    dns.add(n);
  });

  // Host routes: destination CIDR and next hop of the subnet's family, no repeats.
  const routes = new Set<string>();
  listOf(s.hostRoutes).forEach((r, i) => {
    if (containsUnknown(r)) return;
    const dest = parseCidr(r.destination);
    if (!dest) add(["hostRoutes", i, "destination"], `"${r.destination}" is not a CIDR`);
    else if (dest.version !== v) add(["hostRoutes", i, "destination"], `${r.destination} is IPv${dest.version} but the subnet is IPv${v}`);
    else if (dest.hostBitsSet) add(["hostRoutes", i, "destination"], `${r.destination} has host bits set`);
    const hopOk = family(["hostRoutes", i, "nextHop"], r.nextHop);
    if (dest && hopOk) {
      const key = `${dest.first}/${dest.prefix}>${ipToBigInt(r.nextHop)}`;
      if (routes.has(key)) add(["hostRoutes", i], `repeats an earlier route to ${r.destination}`);
      routes.add(key);
    }
  });

  // IPv6 modes only make sense for IPv6; SLAAC and stateless DHCPv6 need a /64.
  for (const field of ["ipv6AddressMode", "ipv6RaMode"] as const) {
    const mode = s[field];
    if (mode === undefined) continue;
    if (v !== 6) add([field], "applies to IPv6 subnets only");
    else if (mode !== "dhcpv6-stateful" && cidr.prefix !== 64) add([field], `${mode} needs a /64 cidr (got /${cidr.prefix})`);
  }
  if (v === 6 && s.ipv6AddressMode && s.ipv6RaMode && s.ipv6AddressMode !== s.ipv6RaMode) {
    add(["ipv6RaMode"], `must equal ipv6AddressMode (${s.ipv6AddressMode}) when both are set`);
  }
  return issues;
}
