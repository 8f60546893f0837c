/**
 * IP address and CIDR helpers on top of ipaddr.js, for input checks of every namespace (OpenStack subnets, pools,
 * gateways, routes, remote prefixes; VirtualBox NAT networks; the lab's static IPs). Addresses are compared as
 * BigInts so IPv4 and IPv6 share one code path.
 */
import * as ipaddr from "ipaddr.js";

export type IpVersion = 4 | 6;

export interface Cidr {
  version: IpVersion;
  prefix: number;
  /** First and last address of the range. */
  first: bigint;
  last: bigint;
  /** True when the address part has host bits set (e.g. 10.0.0.1/24). */
  hostBitsSet: boolean;
}

/** The version of a plain address (dotted quad or IPv6), or null when it is not one. */
export function ipVersionOf(address: string): IpVersion | null {
  if (typeof address !== "string") return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return 4;
  if (ipaddr.IPv6.isValid(address) && !address.includes("%")) return 6;
  return null;
}

export function ipToBigInt(address: string): bigint {
  const bytes = ipaddr.parse(address).toByteArray();
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

/** Parses "a.b.c.d/n" or "x::/n"; null when it is not a CIDR. */
export function parseCidr(text: string): Cidr | null {
  if (typeof text !== "string") return null;
  const parts = text.split("/");
  if (parts.length !== 2) return null;
  const [addr, bits] = parts;
  const version = ipVersionOf(addr);
  if (!version || !/^\d{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  const width = version === 4 ? 32 : 128;
  if (prefix > width) return null;
  const value = ipToBigInt(addr);
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  const first = value & ~hostMask;
  return { version, prefix, first, last: first | hostMask, hostBitsSet: (value & hostMask) !== 0n };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  if (ipVersionOf(address) !== cidr.version) return false;
  const v = ipToBigInt(address);
  return v >= cidr.first && v <= cidr.last;
}

/** Canonical text of an address (e.g. "fd00:0::1" -> "fd00::1"), for comparing what the user wrote with the API. */
export function normalizeIp(address: string): string {
  const v = ipVersionOf(address);
  if (!v) return address;
  const a = ipaddr.parse(address);
  return a.kind() === "ipv6" ? (a as ipaddr.IPv6).toRFC5952String() : a.toString();
}

/** Canonical text of a CIDR (host bits kept as written, address normalized). */
export function normalizeCidr(text: string): string {
  if (typeof text !== "string" || !text.includes("/")) return text;
  const [addr, bits] = text.split("/");
  return `${normalizeIp(addr)}/${Number(bits)}`;
}
