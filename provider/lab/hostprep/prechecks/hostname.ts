/**
 * The hostname must resolve to the static IP: the hostname item writes the /etc/hosts line, so what can break it
 * is a resolver that ignores /etc/hosts, or a DNS record pointing elsewhere.
 */
import { list } from "../probe";
import { splitCidr } from "../types";
import { HOSTS_LOOKUP } from "../items/hostname";
import { Precheck } from "./precheck";

export const hostnameResolves: Precheck = {
  key: "hostnameResolves",
  args: (w) => [w.hostname],
  probe: `fact nss "$(awk '$1 == "hosts:" { $1 = ""; print }' /etc/nsswitch.conf 2>/dev/null)"
fact hosts "$(${HOSTS_LOOKUP})"
fact resolved "$(timeout 10 getent ahostsv4 "$1" 2>/dev/null | awk '{ print $1 }' | sort -u | paste -sd, -)"`,
  evaluate(f, want) {
    const ip = splitCidr(want.staticIp).address;
    const sources = (f.nss ?? "").trim().split(/\s+/).filter((s) => !s.startsWith("["));
    if (!sources.includes("files")) {
      return { failures: [`hostname ${want.hostname} cannot resolve: /etc/nsswitch.conf has "hosts: ${(f.nss ?? "").trim() || "(none)"}" without "files", so /etc/hosts is ignored: put "files" first on that line (authselect select minimal --force restores it)`] };
    }
    const resolved = list(f.resolved);
    if (list(f.hosts).length === 0 && resolved.length > 0 && !resolved.includes(ip)) {
      return { failures: [`hostname ${want.hostname} resolves to ${resolved.join(", ")} in DNS, not to the static IP ${ip}: fix the DNS record or choose another hostname`] };
    }
    return {};
  },
};
