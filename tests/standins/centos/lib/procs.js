"use strict";
/** Process helpers for stand-ins that drop the caller's SSH connection (reboot, packstack's kill mode). */
const fs = require("fs");

function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = s.lastIndexOf(")");
    const comm = s.slice(s.indexOf("(") + 1, close);
    const ppid = Number(s.slice(close + 2).split(" ")[1]);
    return { pid, comm, ppid };
  } catch {
    return null;
  }
}

function mountNs(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/mnt`);
  } catch {
    return null;
  }
}

/** The sshd processes serving the caller's connection (every sshd ancestor except the guest's listener). */
function sessionSshds(listenerPid) {
  const found = [];
  let p = stat(process.ppid);
  while (p && p.pid > 1) {
    if (p.comm === "sshd" && p.pid !== listenerPid) found.push(p.pid);
    if (p.pid === listenerPid) break;
    p = stat(p.ppid);
  }
  return found;
}

function killCallerConnection(listenerPid) {
  for (const pid of sessionSshds(listenerPid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

/** Every process of this guest (same mount namespace) except the sshd listener and this process. */
function guestProcesses(listenerPid) {
  const mine = mountNs(process.pid);
  const host = mountNs(1);
  if (!mine || mine === host) return []; // never outside a private namespace
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => pid !== process.pid && pid !== listenerPid && mountNs(pid) === mine);
}

module.exports = { killCallerConnection, guestProcesses };
