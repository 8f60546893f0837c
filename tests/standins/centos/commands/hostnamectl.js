"use strict";
const fs = require("fs");
const { spawnSync } = require("child_process");
const { load, update, out, err, exit } = require("../lib/state");

function main(args) {
  const words = args.filter((a) => !a.startsWith("-"));
  const verb = words[0] ?? "status";
  if (verb === "set-hostname" || (verb === "hostname" && words[1])) {
    const name = words[1];
    if (!name || !/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(name)) return err(`Could not set static hostname: Invalid static hostname '${name ?? ""}'`), exit(1);
    fs.writeFileSync("/etc/hostname", name + "\n"); // the guest's private /etc
    spawnSync("/usr/bin/hostname", [name]); // the guest's own UTS namespace
    return update((s) => {
      s.hostname = name;
      exit(0);
    });
  }
  const s = load();
  if (verb === "hostname" || args.includes("--static")) return out(s.hostname), exit(0);
  if (verb !== "status") return err(`Unknown command verb ${verb}.`), exit(1);
  out(` Static hostname: ${s.hostname}`);
  out("       Icon name: computer-vm");
  out("         Chassis: vm \ud83d\uddb4");
  out("  Virtualization: oracle");
  out("Operating System: CentOS Stream 9");
  out("     CPE OS Name: cpe:/o:centos:centos:9");
  out("          Kernel: Linux 5.14.0-391.el9.x86_64");
  out("    Architecture: x86-64");
  out(" Hardware Vendor: innotek GmbH");
  out("  Hardware Model: VirtualBox");
  exit(0);
}

module.exports = { main };
