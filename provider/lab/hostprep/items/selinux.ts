/**
 * SELinux mode: SELINUX= in /etc/selinux/config, then setenforce for the running kernel. "disabled" only takes
 * effect at boot: setenforce 0 makes the kernel permissive at once, and when the kernel still enforces after that
 * (setenforce refused) the item asks for a reboot, which the controller does and then verifies with getenforce.
 */
import { SelinuxMode } from "../types";
import { budget, Item } from "./item";

/** Whether the running kernel's mode is acceptable for the wanted mode (disabled: anything but enforcing). */
export function kernelSatisfies(want: SelinuxMode, runtime: string): boolean {
  const r = runtime.toLowerCase();
  if (want === "disabled") return r !== "enforcing";
  return r === want;
}

const lower = (v: string | undefined) => (v ?? "").trim().toLowerCase();

export const selinux: Item = {
  key: "selinux",
  probe: `fact runtime "$(getenforce 2>/dev/null || echo Disabled)"
fact config "$(sed -n 's/^[[:space:]]*SELINUX[[:space:]]*=[[:space:]]*//p' /etc/selinux/config 2>/dev/null | tail -n 1)"`,
  view(f, want) {
    const runtime = lower(f.runtime) || "disabled";
    const config = lower(f.config) || "(unset)";
    const state = `${runtime} (config: ${config})`;
    const done = config === want.selinux && kernelSatisfies(want.selinux, runtime);
    const live = done ? want.selinux : config === runtime ? config : `${config} (kernel: ${runtime})`;
    let drift: string | undefined;
    if (config !== want.selinux) drift = `SELinux is ${config} in /etc/selinux/config, not ${want.selinux}`;
    else if (!done) drift = `the kernel runs SELinux ${runtime}, not ${want.selinux} (needs setenforce or a reboot)`;
    return { state, done, drift, live: { selinux: live as SelinuxMode } };
  },
  async apply(want, f, ctx) {
    const t = { timeoutMs: budget(ctx, 60_000) };
    if (lower(f.config) !== want.selinux) {
      ctx.progress(`selinux: SELINUX=${want.selinux} in /etc/selinux/config`);
      await ctx.host.script(
        `set -e
f=/etc/selinux/config
if grep -q -E '^[[:space:]]*SELINUX[[:space:]]*=' "$f" 2>/dev/null; then sed -i -E "s/^[[:space:]]*SELINUX[[:space:]]*=.*/SELINUX=$1/" "$f"; else printf 'SELINUX=%s\\n' "$1" >> "$f"; fi`,
        [want.selinux],
        t,
      );
    }
    let runtime = lower(f.runtime) || "disabled";
    if (kernelSatisfies(want.selinux, runtime)) return;
    if (runtime !== "disabled") {
      const to = want.selinux === "enforcing" ? "1" : "0";
      ctx.progress(`selinux: setenforce ${to}`);
      await ctx.host.run(["setenforce", to], t);
      runtime = lower((await ctx.host.run(["getenforce"], t)).stdout) || "disabled";
    }
    if (kernelSatisfies(want.selinux, runtime)) return;
    ctx.progress(`selinux: the kernel still runs ${runtime}; a reboot is needed`);
    return { reboot: true };
  },
};
