"use strict";
const { load, out, err, exit } = require("../lib/state");

function main(args) {
  let count = 4;
  let target;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-c") count = Number(args[++i]);
    else if (["-W", "-w", "-i", "-s", "-I"].includes(args[i])) i++;
    else if (!args[i].startsWith("-")) target = args[i];
  }
  if (!target) return err("ping: usage error: Destination address required"), exit(2);
  const s = load();
  const networkUp = s.services.NetworkManager?.active || s.services.network?.active;
  if (!networkUp) return err("ping: connect: Network is unreachable"), exit(2);
  const ok = (s.reachable ?? []).includes(target);
  out(`PING ${target} (${target}) 56(84) bytes of data.`);
  if (ok) for (let i = 1; i <= count; i++) out(`64 bytes from ${target}: icmp_seq=${i} ttl=64 time=0.${300 + i} ms`);
  out("");
  out(`--- ${target} ping statistics ---`);
  out(`${count} packets transmitted, ${ok ? count : 0} received, ${ok ? 0 : 100}% packet loss, time ${count * 1000 - 1}ms`);
  if (ok) out("rtt min/avg/max/mdev = 0.301/0.350/0.404/0.040 ms");
  exit(ok ? 0 : 1);
}

module.exports = { main };
