/** The packages to install (default openstack-packstack), in one dnf transaction. */
import { list } from "../probe";
import { budget, Item } from "./item";

export const packages: Item = {
  key: "packages",
  args: (w) => w.packages,
  probe: `fact installed "$(for p in "$@"; do rpm -q "$p" >/dev/null 2>&1 && printf '%s\\n' "$p"; done | paste -sd, -)"`,
  view(f, want) {
    const installed = list(f.installed);
    const missing = want.packages.filter((p) => !installed.includes(p));
    const done = missing.length === 0;
    const state = done ? `installed: ${want.packages.join(", ")}` : `missing: ${missing.join(", ")}${installed.length ? `; installed: ${installed.join(", ")}` : ""}`;
    return {
      state,
      done,
      drift: done ? undefined : `not installed: ${missing.join(", ")}`,
      live: { packages: want.packages.filter((p) => installed.includes(p)) },
    };
  },
  async apply(want, f, ctx) {
    const missing = want.packages.filter((p) => !list(f.installed).includes(p));
    ctx.progress(`packages: dnf install ${missing.join(" ")}`);
    await ctx.host.runOk(["dnf", "install", "-y", ...missing], {
      timeoutMs: budget(ctx, 60 * 60_000),
      onLine: (line, stream) => {
        if (stream === "stdout" && /^(Installing|Installed|Complete!)/.test(line.trim())) ctx.progress(`packages: ${line.trim()}`);
      },
    });
  },
};
