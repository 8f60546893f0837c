"use strict";
/**
 * `reboot` (also `shutdown -r`, `systemctl reboot`): the "machine" comes back at once. Units come up only if
 * enabled, SELinux mode and hostname are re-read from the guest's /etc, then every process of the guest except
 * the sshd listener is killed: every SSH connection drops, as on a real reboot.
 */
const fs = require("fs");
const { update, exit } = require("../lib/state");
const { guestProcesses } = require("../lib/procs");

function selinuxFromConfig() {
  try {
    const m = /^\s*SELINUX\s*=\s*(\w+)/m.exec(fs.readFileSync("/etc/selinux/config", "utf8"));
    const v = (m?.[1] ?? "enforcing").toLowerCase();
    return v === "disabled" ? "Disabled" : v === "permissive" ? "Permissive" : "Enforcing";
  } catch {
    return "Enforcing";
  }
}

function main(args) {
  if (args.includes("--help")) return exit(0);
  const listener = update((s) => {
    s.bootCount = (s.bootCount ?? 0) + 1;
    s.bootedAt = new Date().toISOString();
    for (const svc of Object.values(s.services)) svc.active = svc.enabled === "enabled";
    s.selinux = selinuxFromConfig();
    try {
      s.hostname = fs.readFileSync("/etc/hostname", "utf8").trim() || s.hostname;
    } catch {
      /* keep */
    }
    return s.listenerPid;
  });
  for (const pid of guestProcesses(listener)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  process.exit(0);
}

module.exports = { main };
