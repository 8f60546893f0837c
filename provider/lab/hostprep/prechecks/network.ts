/** The interface exists and the gateway answers. */
import { list } from "../probe";
import { Precheck } from "./precheck";

export const iface: Precheck = {
  key: "iface",
  args: (w) => [w.interface],
  probe: `if ip -o link show dev "$1" >/dev/null 2>&1; then fact exists yes; else fact exists no; fi
fact all "$(ip -br link show 2>/dev/null | awk '{ print $1 }' | sed 's/@.*//' | paste -sd, -)"`,
  evaluate(f, want) {
    if (f.exists === "yes") return {};
    const others = list(f.all).filter((n) => n !== "lo");
    return { failures: [`interface ${want.interface} does not exist (found: ${others.join(", ") || "none"}): set \`interface\` to the VM's NAT Network adapter`] };
  },
};

export const gateway: Precheck = {
  key: "gateway",
  args: (w) => [w.gateway],
  probe: `if ping -c 1 -W 2 "$1" >/dev/null 2>&1; then fact answers yes; else fact answers no; fi`,
  evaluate(f, want) {
    if (f.answers === "yes") return {};
    return { failures: [`gateway ${want.gateway} does not answer ping: attach the VM's adapter to the NAT Network (not NAT or bridged) and check \`gateway\` (a VirtualBox NAT Network answers on its .1)`] };
  },
};
