"use strict";
/**
 * `openstack` (python3-openstackclient, which Packstack installs) for the two questions PackstackInstall's health
 * check asks with keystonerc_admin sourced: `compute service list --service nova-compute -f value -c Host -c State`
 * and `hypervisor list -f value -c "Hypervisor Hostname" -c State`. Answers from the guest state: nova-compute is
 * "up" while its unit runs, "down" otherwise; the hypervisors are `state.packstack.hypervisors` (default: the
 * guest's hostname once Packstack ran; [] = none registered).
 */
const fs = require("fs");
const { load, out, exit, fail } = require("../lib/state");

function main(args) {
  const s = load();
  if (!s.services["openstack-nova-api"]) return fail("bash: openstack: command not found", 127);
  if (!process.env.OS_AUTH_URL) return fail("Missing value auth-url required for auth plugin password", 1);
  if (!s.services["openstack-nova-api"].active) return fail(`Failed to discover available identity versions when contacting ${process.env.OS_AUTH_URL}. Attempting to parse version from URL.\nService Unavailable (HTTP 503)`, 1);
  const host = (() => {
    try {
      return fs.readFileSync("/etc/hostname", "utf8").trim() || "openstack.lab";
    } catch {
      return "openstack.lab";
    }
  })();
  const words = args.filter((a) => !a.startsWith("-"));
  if (words[0] === "compute" && words[1] === "service" && words[2] === "list") {
    out(`${host} ${s.services["openstack-nova-compute"]?.active ? "up" : "down"}`);
    return exit(0);
  }
  if (words[0] === "hypervisor" && words[1] === "list") {
    const hyps = s.packstack.hypervisors ?? [host];
    if (hyps.length) out(hyps.map((h) => `${h} ${s.services["openstack-nova-compute"]?.active ? "up" : "down"}`).join("\n"));
    return exit(0);
  }
  fail(`openstack: '${args.join(" ")}' is not an openstack command (stand-in: compute service list, hypervisor list)`, 2);
}

module.exports = { main };
