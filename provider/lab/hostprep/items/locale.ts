/** LANG and LC_ALL in /etc/environment (Packstack's puppet run and the OpenStack CLIs fail on odd locales). */
import { Item } from "./item";

const strip = (v: string | undefined) => (v ?? "").trim().replace(/^["']|["']$/g, "");

export const locale: Item = {
  key: "locale",
  probe: `fact lang "$(sed -n 's/^[[:space:]]*LANG=//p' /etc/environment 2>/dev/null | tail -n 1)"
fact lcAll "$(sed -n 's/^[[:space:]]*LC_ALL=//p' /etc/environment 2>/dev/null | tail -n 1)"`,
  view(f, want) {
    const lang = strip(f.lang);
    const lcAll = strip(f.lcAll);
    const state = `LANG=${lang || "(unset)"} LC_ALL=${lcAll || "(unset)"}`;
    const done = lang === want.locale && lcAll === want.locale;
    return {
      state,
      done,
      drift: done ? undefined : `/etc/environment has ${state}, not ${want.locale}`,
      live: { locale: lang === lcAll ? lang || null : state },
    };
  },
  async apply(want, _f, ctx) {
    ctx.progress(`locale: LANG and LC_ALL=${want.locale} in /etc/environment`);
    await ctx.host.script(
      `set -e
tmp="$(mktemp /etc/.environment-XXXXXX)"
grep -v -E '^[[:space:]]*(LANG|LC_ALL)=' /etc/environment > "$tmp" 2>/dev/null || true
printf 'LANG=%s\\nLC_ALL=%s\\n' "$1" "$1" >> "$tmp"
chmod 0644 "$tmp"
mv -f -- "$tmp" /etc/environment`,
      [want.locale],
    );
  },
};
