/**
 * The static hostname (hostnamectl) and its /etc/hosts line pointing at the static IP: Packstack and RabbitMQ
 * resolve the host's own name, and it must resolve to the address the services are configured with.
 */
import { list } from "../probe";
import { splitCidr } from "../types";
import { budget, Item } from "./item";

/** Addresses /etc/hosts maps `$1` to (comment lines skipped). */
export const HOSTS_LOOKUP = `awk -v n="$1" '$1 !~ /^#/ { for (i = 2; i <= NF; i++) { if ($i ~ /^#/) break; if ($i == n) { print $1; break } } }' /etc/hosts 2>/dev/null | paste -sd, -`;

export const hostname: Item = {
  key: "hostname",
  args: (w) => [w.hostname],
  probe: `fact static "$(cat /etc/hostname 2>/dev/null)"\nfact hosts "$(${HOSTS_LOOKUP})"`,
  view(f, want) {
    const ip = splitCidr(want.staticIp).address;
    const current = (f.static ?? "").trim();
    const hosts = list(f.hosts);
    const hostsOk = hosts.length === 1 && hosts[0] === ip;
    const hostsText = hosts.length ? `/etc/hosts: ${hosts.join(", ")}` : "not in /etc/hosts";
    const state = `${current || "(none)"} (${hostsText})`;
    const done = current === want.hostname && hostsOk;
    let drift: string | undefined;
    if (current !== want.hostname) drift = `hostname is ${current || "(none)"}, not ${want.hostname}`;
    else if (!hostsOk) drift = `${want.hostname} does not map to ${ip} in /etc/hosts (${hostsText})`;
    return { state, done, drift, live: { hostname: done ? want.hostname : current && hostsOk ? current : `${current} (${hostsText})` } };
  },
  async apply(want, f, ctx) {
    const ip = splitCidr(want.staticIp).address;
    if ((f.static ?? "").trim() !== want.hostname) {
      ctx.progress(`hostname: setting ${want.hostname}`);
      await ctx.host.runOk(["hostnamectl", "set-hostname", want.hostname], { timeoutMs: budget(ctx, 60_000) });
    }
    const hosts = list(f.hosts);
    if (hosts.length !== 1 || hosts[0] !== ip) {
      ctx.progress(`hostname: mapping ${want.hostname} to ${ip} in /etc/hosts`);
      const short = want.hostname.includes(".") ? want.hostname.split(".")[0] : "";
      // Drops the names from any other line (a line left with only its address goes), then adds ours.
      await ctx.host.script(
        `set -e
tmp="$(mktemp /etc/.hosts-XXXXXX)"
awk -v n="$1" -v s="$3" '
  /^[[:space:]]*#/ || NF < 2 { print; next }
  { out = $1; kept = 0
    for (i = 2; i <= NF; i++) { if ($i ~ /^#/) { for (; i <= NF; i++) out = out " " $i; break }
      if ($i == n || (s != "" && $i == s)) continue; out = out " " $i; kept++ }
    if (kept > 0) print out }' /etc/hosts > "$tmp"
printf '%s %s%s\\n' "$2" "$1" "\${3:+ $3}" >> "$tmp"
chmod 0644 "$tmp"
mv -f -- "$tmp" /etc/hosts`,
        [want.hostname, ip, short],
        { timeoutMs: budget(ctx, 60_000) },
      );
    }
  },
};
