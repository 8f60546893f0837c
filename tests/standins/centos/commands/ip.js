"use strict";
const { load, out, err, exit } = require("../lib/state");

function broadcast(cidr) {
  const [addr, len] = cidr.split("/");
  const n = addr.split(".").reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
  const b = (n | (2 ** (32 - Number(len)) - 1)) >>> 0;
  return [b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255].join(".");
}

function network(cidr) {
  const [addr, len] = cidr.split("/");
  const n = addr.split(".").reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
  const m = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
  const x = (n & m) >>> 0;
  return `${[x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255].join(".")}/${len}`;
}

function addr(s, only, oneLine, brief) {
  const entries = Object.entries(s.interfaces).filter(([n]) => !only || n === only);
  if (only && entries.length === 0) return err(`Device "${only}" does not exist.`), exit(1);
  entries.forEach(([name, i], idx) => {
    const up = i.state === "UP";
    if (brief) return out(`${name.padEnd(16)}${(name === "lo" ? "UNKNOWN" : up ? "UP" : "DOWN").padEnd(14)}${(i.ipv4 ?? []).join(" ")} `);
    const no = Object.keys(s.interfaces).indexOf(name) + 1;
    if (oneLine) {
      for (const a of i.ipv4 ?? []) out(`${no}: ${name}    inet ${a} brd ${broadcast(a)} scope global noprefixroute ${name}\\       valid_lft forever preferred_lft forever`);
      return;
    }
    const flags = name === "lo" ? "LOOPBACK,UP,LOWER_UP" : up ? "BROADCAST,MULTICAST,UP,LOWER_UP" : "BROADCAST,MULTICAST";
    out(`${no}: ${name}: <${flags}> mtu ${name === "lo" ? 65536 : 1500} qdisc ${name === "lo" ? "noqueue" : "fq_codel"} state ${name === "lo" ? "UNKNOWN" : up ? "UP" : "DOWN"} group default qlen 1000`);
    out(`    link/${name === "lo" ? "loopback" : "ether"} ${i.mac} brd ${name === "lo" ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff"}`);
    for (const a of i.ipv4 ?? []) {
      out(`    inet ${a} ${name === "lo" ? "scope host lo" : `brd ${broadcast(a)} scope global dynamic noprefixroute ${name}`}`);
      out("       valid_lft forever preferred_lft forever");
    }
  });
  exit(0);
}

function route(s, defaultOnly) {
  const [dev, i] = Object.entries(s.interfaces).find(([n, x]) => n !== "lo" && x.state === "UP" && x.ipv4?.length) ?? [];
  if (!dev) return exit(0);
  const src = i.ipv4[0].split("/")[0];
  if (s.gateway) out(`default via ${s.gateway} dev ${dev} proto dhcp src ${src} metric 100 `);
  if (!defaultOnly) out(`${network(i.ipv4[0])} dev ${dev} proto kernel scope link src ${src} metric 100 `);
  exit(0);
}

function main(args) {
  const s = load();
  const oneLine = args.includes("-o") || args.includes("-oneline");
  const brief = args.includes("-br") || args.includes("-brief");
  const words = args.filter((a) => !a.startsWith("-"));
  const [object, ...rest] = words;
  if (/^a(ddr(ess)?)?$/.test(object ?? "") || /^l(ink)?$/.test(object ?? "")) {
    const r = rest.filter((w) => w !== "show" && w !== "list" && w !== "dev");
    return addr(s, r[0], oneLine, brief);
  }
  if (/^r(o(ute)?)?$/.test(object ?? "")) return route(s, rest.includes("default"));
  err(`stand-in ip: "ip ${args.join(" ")}" is not simulated (addr/link/route show only)`);
  exit(255);
}

module.exports = { main };
