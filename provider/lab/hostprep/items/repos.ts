/**
 * The repositories Packstack needs: CRB enabled (python dependencies) and the RDO release package
 * centos-release-openstack-<release>, whose repo must be enabled.
 */
import { list } from "../probe";
import { budget, Item } from "./item";

export const repos: Item = {
  key: "repos",
  args: (w) => [w.openstackRelease],
  probe: `fact enabled "$(dnf repolist --enabled 2>/dev/null | awk 'NR > 1 { print $1 }' | paste -sd, -)"
fact releases "$(rpm -qa 2>/dev/null | sed -n 's/^centos-release-openstack-\\([a-z0-9]*\\)-.*/\\1/p' | sort -u | paste -sd, -)"`,
  view(f, want) {
    const enabled = list(f.enabled);
    const releases = list(f.releases);
    const crb = enabled.includes("crb");
    const repoOn = enabled.includes(`centos-openstack-${want.openstackRelease}`);
    const installed = releases.includes(want.openstackRelease);
    const state = `crb ${crb ? "enabled" : "disabled"}; openstack ${releases.length ? releases.join(",") : "none"}${installed && !repoOn ? " (repo disabled)" : ""}`;
    const done = crb && installed && repoOn;
    const problems: string[] = [];
    if (!crb) problems.push("the CRB repository is disabled");
    if (!installed) problems.push(`centos-release-openstack-${want.openstackRelease} is not installed${releases.length ? ` (found ${releases.join(", ")})` : ""}`);
    else if (!repoOn) problems.push(`the centos-openstack-${want.openstackRelease} repository is disabled`);
    let live: string = releases.length ? releases.join(",") : "none";
    if (done) live = want.openstackRelease;
    else if (installed && (!crb || !repoOn)) live = `${want.openstackRelease} (${problems.join("; ")})`;
    return { state, done, drift: done ? undefined : problems.join("; "), live: { openstackRelease: live } };
  },
  async apply(want, f, ctx) {
    const enabled = list(f.enabled);
    if (!enabled.includes("crb")) {
      ctx.progress("repos: enabling CRB");
      await ctx.host.runOk(["dnf", "config-manager", "--set-enabled", "crb"], { timeoutMs: budget(ctx, 120_000) });
    }
    const pkg = `centos-release-openstack-${want.openstackRelease}`;
    if (!list(f.releases).includes(want.openstackRelease)) {
      ctx.progress(`repos: installing ${pkg}`);
      await ctx.host.runOk(["dnf", "install", "-y", pkg], { timeoutMs: budget(ctx, 20 * 60_000) });
    } else if (!enabled.includes(`centos-openstack-${want.openstackRelease}`)) {
      ctx.progress(`repos: enabling centos-openstack-${want.openstackRelease}`);
      await ctx.host.runOk(["dnf", "config-manager", "--set-enabled", `centos-openstack-${want.openstackRelease}`], { timeoutMs: budget(ctx, 120_000) });
    }
  },
};
