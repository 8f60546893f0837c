"use strict";
const { update, err, exit } = require("../lib/state");

function main(args) {
  const v = (args[0] ?? "").toLowerCase();
  const mode = v === "1" || v === "enforcing" ? "Enforcing" : v === "0" || v === "permissive" ? "Permissive" : null;
  if (!mode || args.length !== 1) return err("usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]"), exit(1);
  update((s) => {
    if (s.selinux === "Disabled") return err("setenforce: SELinux is disabled"), exit(1);
    s.selinux = mode;
    exit(0);
  });
}

module.exports = { main };
