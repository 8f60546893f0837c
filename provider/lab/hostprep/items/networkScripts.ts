/**
 * NetworkManager off, the legacy network-scripts on (Packstack's OVS bridges are written as ifcfg files that
 * network.service brings up): network-scripts installed, network.service enabled and running, NetworkManager
 * stopped and disabled.
 */
import { budget, Item, unitProbe, unitState } from "./item";

export const networkScripts: Item = {
  key: "networkManager",
  probe: `${unitProbe("NetworkManager", "nm")}\n${unitProbe("network", "net")}
if rpm -q network-scripts >/dev/null 2>&1; then fact pkg yes; else fact pkg no; fi`,
  view(f, want) {
    const state = `NetworkManager ${unitState(f.nmActive, f.nmEnabled)}; network.service ${unitState(f.netActive, f.netEnabled)}; network-scripts ${f.pkg === "yes" ? "installed" : "not installed"}`;
    if (!want.networkScripts) return { state, done: true, live: { networkScripts: false } };
    const problems: string[] = [];
    if (f.nmActive === "active") problems.push("NetworkManager is running again");
    else if (f.nmEnabled === "enabled") problems.push("NetworkManager is enabled again (it starts at boot)");
    if (f.pkg !== "yes") problems.push("network-scripts is not installed");
    if (f.netEnabled !== "enabled") problems.push("network.service is not enabled");
    else if (f.netActive !== "active") problems.push("network.service is not running");
    const done = problems.length === 0;
    return { state, done, drift: done ? undefined : problems.join("; "), live: { networkScripts: done } };
  },
  async apply(_want, f, ctx) {
    const t = () => ({ timeoutMs: budget(ctx, 120_000) });
    if (f.pkg !== "yes") {
      ctx.progress("networkManager: installing network-scripts");
      await ctx.host.runOk(["dnf", "install", "-y", "network-scripts"], { timeoutMs: budget(ctx, 20 * 60_000) });
    }
    if (f.netEnabled !== "enabled") {
      ctx.progress("networkManager: enabling network.service");
      await ctx.host.runOk(["systemctl", "enable", "network"], t());
    }
    if (f.nmActive === "active" || f.nmEnabled === "enabled") {
      ctx.progress("networkManager: stopping and disabling NetworkManager");
      await ctx.host.runOk(["systemctl", "disable", "--now", "NetworkManager"], t());
    }
    if (f.netActive !== "active") {
      ctx.progress("networkManager: starting network.service");
      await ctx.host.runOk(["systemctl", "start", "network"], t());
    }
  },
};
