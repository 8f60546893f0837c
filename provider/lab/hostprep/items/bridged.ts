/**
 * staticIp once lab.PackstackInstall has moved the address to its bridge: ifcfg-<interface> is an OVS port
 * (OVS_BRIDGE=br-ex, no address) and ifcfg-br-ex holds IPADDR, PREFIX, GATEWAY. That is what HostPrep asked for,
 * so the item reads the bridge's file. It never rewrites a bridged interface: when the bridge holds another address
 * or gateway, apply fails naming ifcfg-<bridge> (PackstackInstall writes it from hostIp, prefixLength, gateway).
 * DNS is not compared on the bridge: PackstackInstall carried DNS1.. over from ifcfg-<interface> when it wrote the
 * bridge, and the bridge's DNS is PackstackInstall's from then on.
 */
import type { Facts } from "../probe";
import { HostPrepInputs, splitCidr } from "../types";
import type { ItemView } from "./item";

/** PREFIX, else NETMASK as a prefix length. */
export function prefixOf(f: Facts): number | null {
  if (f.PREFIX) return Number(f.PREFIX);
  if (f.NETMASK) return f.NETMASK.split(".").reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, "").length, 0);
  return null;
}

/** The bridge's keys (facts `br_<KEY>`) without the prefix. */
function bridgeFacts(f: Facts): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(f)) if (k.startsWith("br_")) out[k.slice(3)] = v;
  return out;
}

interface Bridged {
  bridge: string;
  /** "10.0.2.15/24", or null when the bridge's file has no address. */
  address: string | null;
  gateway: string | null;
  onboot: boolean;
  dns: string[];
  /** What differs from the inputs (empty when it matches). */
  differs: string[];
}

function inspect(f: Facts, want: HostPrepInputs): Bridged {
  const b = bridgeFacts(f);
  const { address, prefix } = splitCidr(want.staticIp);
  const p = prefixOf(b);
  const onboot = (b.ONBOOT ?? "").toLowerCase() === "yes";
  const differs: string[] = [];
  if (b.IPADDR !== address || p !== prefix) differs.push(b.IPADDR ? `address ${b.IPADDR}/${p ?? "?"} (staticIp is ${want.staticIp})` : `no address (staticIp is ${want.staticIp})`);
  if (b.GATEWAY !== want.gateway) differs.push(`gateway ${b.GATEWAY || "none"} (gateway is ${want.gateway})`);
  if (!onboot) differs.push("ONBOOT=no");
  return {
    bridge: f.bridge,
    address: b.IPADDR ? `${b.IPADDR}/${p ?? "?"}` : null,
    gateway: b.GATEWAY ?? null,
    onboot,
    dns: ["DNS1", "DNS2", "DNS3"].map((k) => b[k]).filter((d): d is string => !!d),
    differs,
  };
}

export function bridgedView(f: Facts, want: HostPrepInputs): ItemView {
  const b = inspect(f, want);
  const state =
    `${b.address ?? "no address"} via ${b.gateway ?? "no gateway"} on ${b.bridge} (${want.interface} is its OVS port)` +
    `, dns ${b.dns.join(",") || "none"}${b.onboot ? "" : ", ONBOOT=no"}`;
  const done = b.differs.length === 0;
  return {
    state,
    done,
    drift: done ? undefined : `${want.interface} is an OVS port of ${b.bridge}, whose ifcfg-${b.bridge} has ${b.differs.join(", ")}`,
    // dns is not judged on the bridge (lab.PackstackInstall's, carried over from ifcfg-<interface>): it reads as
    // asked, so no stale value from before the move lingers in state. The bridge's servers are in `state`.
    live: { staticIp: b.address === null ? null : `${b.address}${b.onboot ? "" : " (ONBOOT=no)"}`, gateway: b.gateway, dns: [...want.dns] },
  };
}

/** apply() on a bridged interface: never rewrites it; says which file holds the address and who writes it. */
export function refuseBridged(f: Facts, want: HostPrepInputs): never {
  const b = inspect(f, want);
  const file = `/etc/sysconfig/network-scripts/ifcfg-${b.bridge}`;
  throw new Error(
    `${want.interface} is an Open vSwitch port of ${b.bridge}, so the host's address lives in ${file}, which has ${b.differs.join(", ")}. ` +
      `lab.PackstackInstall writes that file (from its hostIp, prefixLength and gateway): give HostPrep and PackstackInstall the same ` +
      `address and gateway, or fix ${file} by hand. Nothing was rewritten (making ${want.interface} a plain static interface again ` +
      `would take it off ${b.bridge} and cut the host off the network).`,
  );
}
