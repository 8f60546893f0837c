/**
 * The static address in /etc/sysconfig/network-scripts/ifcfg-<interface> (BOOTPROTO=none, IPADDR, PREFIX,
 * GATEWAY, DNS1.., ONBOOT=yes) instead of DHCP: Packstack writes the address into every service's config, so it
 * must never change. Only the keys below are compared, so keys added by hand (HWADDR, UUID ...) are no drift.
 */
import { HostPrepInputs, splitCidr } from "../types";
import { Facts } from "../probe";
import { budget, Item } from "./item";

const KEYS = ["BOOTPROTO", "IPADDR", "PREFIX", "NETMASK", "GATEWAY", "DNS1", "DNS2", "DNS3", "ONBOOT"];

export function ifcfgPath(iface: string): string {
  return `/etc/sysconfig/network-scripts/ifcfg-${iface}`;
}

export function ifcfgContent(want: HostPrepInputs): string {
  const { address, prefix } = splitCidr(want.staticIp);
  return [
    "# Written by pulumi-openstack-lab (lab.HostPrep): static address for Packstack, not DHCP.",
    "TYPE=Ethernet",
    `NAME=${want.interface}`,
    `DEVICE=${want.interface}`,
    "BOOTPROTO=none",
    "ONBOOT=yes",
    `IPADDR=${address}`,
    `PREFIX=${prefix}`,
    `GATEWAY=${want.gateway}`,
    ...want.dns.map((d, i) => `DNS${i + 1}=${d}`),
    "DEFROUTE=yes",
    "IPV6INIT=no",
    "",
  ].join("\n");
}

function prefixOf(f: Facts): number | null {
  if (f.PREFIX) return Number(f.PREFIX);
  if (f.NETMASK) return f.NETMASK.split(".").reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, "").length, 0);
  return null;
}

export const staticIp: Item = {
  key: "staticIp",
  args: (w) => [ifcfgPath(w.interface), w.interface],
  probe: `if [ -f "$1" ]; then
  fact exists yes
  while IFS='=' read -r k v; do
    case "$k" in ${KEYS.join("|")}) v="\${v%\\"}"; v="\${v#\\"}"; v="\${v%\\'}"; v="\${v#\\'}"; fact "$k" "$v";; esac
  done < "$1"
else fact exists no; fi
fact addr "$(ip -o -4 addr show dev "$2" 2>/dev/null | awk '{print $4}' | paste -sd, -)"`,
  view(f, want) {
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
  async apply(want, _f, ctx) {
    ctx.progress(`staticIp: writing ${ifcfgPath(want.interface)} (${want.staticIp} via ${want.gateway})`);
    await ctx.host.writeFile(ifcfgPath(want.interface), ifcfgContent(want), "0644");
    if (ctx.facts.networkManager?.netActive === "active") {
      ctx.progress("staticIp: restarting network.service to apply it");
      await ctx.host.runOk(["systemctl", "restart", "network"], { timeoutMs: budget(ctx, 120_000) });
    }
  },
};
