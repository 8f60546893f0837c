/**
 * The static address in /etc/sysconfig/network-scripts/ifcfg-<interface> (BOOTPROTO=none, IPADDR, PREFIX,
 * GATEWAY, DNS1.., ONBOOT=yes) instead of DHCP: Packstack writes the address into every service's config, so it
 * must never change. Only the keys below are compared, so keys added by hand (HWADDR, UUID ...) are no drift.
 *
 * After lab.PackstackInstall the interface is an Open vSwitch port of br-ex (OVS_BRIDGE=br-ex, no address) and the
 * address lives in ifcfg-br-ex: the item then reads the bridge's file (see bridged.ts) and never rewrites the
 * interface, which would take it off the bridge and cut the host off the network.
 */
import { HostPrepInputs, splitCidr } from "../types";
import { bridgedView, prefixOf, refuseBridged } from "./bridged";
import { budget, Item } from "./item";
import { ifcfgValue } from "../../packstack/bridge";

/** The ifcfg keys HostPrep reads (OVS_BRIDGE: whether the interface is a bridge's port). */
const KEYS = ["BOOTPROTO", "IPADDR", "PREFIX", "NETMASK", "GATEWAY", "DNS1", "DNS2", "DNS3", "ONBOOT", "TYPE", "DEVICETYPE", "OVS_BRIDGE"];

export function ifcfgPath(iface: string): string {
  return `/etc/sysconfig/network-scripts/ifcfg-${iface}`;
}

export function ifcfgContent(want: HostPrepInputs): string {
  const { address, prefix } = splitCidr(want.staticIp);
  return [
    "# Written by pulumi-openstack-lab (lab.HostPrep): static address for Packstack, not DHCP.",
    "TYPE=Ethernet",
    `NAME=${ifcfgValue(want.interface)}`,
    `DEVICE=${ifcfgValue(want.interface)}`,
    "BOOTPROTO=none",
    "ONBOOT=yes",
    `IPADDR=${ifcfgValue(address)}`,
    `PREFIX=${prefix}`,
    `GATEWAY=${ifcfgValue(want.gateway)}`,
    ...want.dns.map((d, i) => `DNS${i + 1}=${ifcfgValue(d)}`),
    "DEFROUTE=yes",
    "IPV6INIT=no",
    "",
  ].join("\n");
}

/**
 * Facts: the interface file's keys; when it names an OVS_BRIDGE whose ifcfg file exists, `bridge` and that file's
 * keys prefixed `br_`; the live IPv4 address(es) of the interface.
 */
const PROBE = `read_ifcfg() {
  while IFS='=' read -r k v || [ -n "$k" ]; do
    case "$k" in ${KEYS.join("|")}) v="\${v%\\"}"; v="\${v#\\"}"; v="\${v%\\'}"; v="\${v#\\'}"; fact "$2$k" "$v"
      [ "$k" = OVS_BRIDGE ] && ovs_bridge="$v";; esac
  done < "$1"
}
ovs_bridge=""
if [ -f "$1" ]; then
  fact exists yes
  read_ifcfg "$1" ""
  case "$ovs_bridge" in
    ""|*[!A-Za-z0-9_.-]*) ;;
    *) if [ -f "$(dirname "$1")/ifcfg-$ovs_bridge" ]; then fact bridge "$ovs_bridge"; read_ifcfg "$(dirname "$1")/ifcfg-$ovs_bridge" br_; fi;;
  esac
else fact exists no; fi
fact addr "$(ip -o -4 addr show dev "$2" 2>/dev/null | awk '{print $4}' | paste -sd, -)"`;

export const staticIp: Item = {
  key: "staticIp",
  args: (w) => [ifcfgPath(w.interface), w.interface],
  probe: PROBE,
  view(f, want) {
    if (f.bridge) return bridgedView(f, want);
    const { address, prefix } = splitCidr(want.staticIp);
    const staticMode = f.BOOTPROTO === "none" || f.BOOTPROTO === "static";
    const p = prefixOf(f);
    const dns = ["DNS1", "DNS2", "DNS3"].map((k) => f[k]).filter((d): d is string => !!d);
    const onboot = (f.ONBOOT ?? "").toLowerCase() === "yes";
    let live: string | null = null;
    if (staticMode && f.IPADDR) live = `${f.IPADDR}/${p ?? "?"}${onboot ? "" : " (ONBOOT=no)"}`;
    else if (f.exists === "yes") live = f.BOOTPROTO || "dhcp";
    const state =
      f.exists !== "yes"
        ? `no ifcfg-${want.interface} (address now: ${f.addr || "none"}, from DHCP)`
        : `${staticMode ? "static" : f.BOOTPROTO || "dhcp"} ${f.IPADDR ? `${f.IPADDR}/${p}` : ""} gateway ${f.GATEWAY || "none"} dns ${dns.join(",") || "none"} onboot ${onboot ? "yes" : "no"}`.replace(/\s+/g, " ");
    const done = staticMode && onboot && f.IPADDR === address && p === prefix && f.GATEWAY === want.gateway && dns.join(",") === want.dns.join(",");
    return {
      state,
      done,
      drift: done ? undefined : `${want.interface} is not set to static ${want.staticIp} via ${want.gateway} (found: ${state})`,
      live: { staticIp: live, gateway: f.GATEWAY ?? null, dns },
    };
  },
  async apply(want, f, ctx) {
    if (f.bridge) refuseBridged(f, want);
    ctx.progress(`staticIp: writing ${ifcfgPath(want.interface)} (${want.staticIp} via ${want.gateway})`);
    await ctx.host.writeFile(ifcfgPath(want.interface), ifcfgContent(want), "0644");
    if (ctx.facts.networkManager?.netActive === "active") {
      ctx.progress("staticIp: restarting network.service to apply it");
      await ctx.host.runOk(["systemctl", "restart", "network"], { timeoutMs: budget(ctx, 120_000) });
    }
  },
};
