/** firewalld off (Packstack manages iptables rules itself; firewalld in the way breaks Neutron and the APIs). */
import { budget, Item, unitProbe, unitState } from "./item";

export const firewalld: Item = {
  key: "firewalld",
  probe: unitProbe("firewalld", "fw"),
  view(f, want) {
    const active = f.fwActive === "active";
    const enabled = f.fwEnabled === "enabled";
    const state = unitState(f.fwActive, f.fwEnabled);
    if (!want.disableFirewalld) return { state, done: true, live: { disableFirewalld: false } };
    const done = !active && !enabled;
    const drift = done ? undefined : active ? "firewalld is active again" : "firewalld is enabled again (it starts at boot)";
    return { state, done, drift, live: { disableFirewalld: done } };
  },
  async apply(_want, _f, ctx) {
    ctx.progress("firewalld: disabling and stopping");
    await ctx.host.runOk(["systemctl", "disable", "--now", "firewalld"], { timeoutMs: budget(ctx, 120_000) });
  },
};
