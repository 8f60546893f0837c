"use strict";
/** natnetwork add|modify|remove|start|stop|list and `list natnets` (VBoxManageNATNetwork.cpp / VBoxManageList.cpp formats). */
const { getopt, onOff } = require("./getopt");
const { invalidArg } = require("./io");

const IPV6_PREFIX = "fd17:625c:f037:2::/64";
const RULE = /^([^:]+):(tcp|udp):\[([^\]]*)\]:(\d+):\[([^\]]*)\]:(\d+)$/i;

function gatewayOf(network) {
  const [ip] = network.split("/");
  const o = ip.split(".").map(Number);
  o[3] += 1;
  return o.join(".");
}

function validNetwork(network) {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(network);
  return !!m && m.slice(1, 5).every((x) => Number(x) <= 255) && Number(m[5]) >= 8 && Number(m[5]) <= 30;
}

const OPTS = new Set(["--netname", "-t", "--network", "-n", "--ipv4-prefix", "--dhcp", "-h", "--ipv6", "-6", "--ipv6-enable",
  "--ipv6-prefix", "--ipv6-default", "--port-forward-4", "-p", "--port-forward-6", "-P", "--loopback-4", "-l", "--loopback-6", "-L"]);

function netOptions(io, args) {
  const { options, positional } = getopt(io, args, (o) => (OPTS.has(o) ? "value" : o === "--enable" || o === "-e" || o === "--disable" || o === "-d" ? "flag" : undefined));
  return { options, positional };
}

function addRule(io, net, rule) {
  const m = RULE.exec(rule);
  if (!m) io.syntax(`Invalid port-forward rule '${rule}'`);
  const f = { name: m[1], protocol: m[2].toLowerCase(), hostIp: m[3], hostPort: Number(m[4]), guestIp: m[5], guestPort: Number(m[6]) };
  const context = `"AddPortForwardRule(RT_BOOL(ipv6), Bstr(strName).raw(), proto, Bstr(strHostIp).raw(), RTStrToUInt16(strHostPort), Bstr(strGuestIp).raw(), RTStrToUInt16(strGuestPort))" at line 505 of file VBoxManageNATNetwork.cpp`;
  const details = [invalidArg(io), "NATNetworkWrap", "INATNetwork"];
  if (net.portForwards.some((r) => r.name === f.name)) io.fail("A NAT rule of this name already exists", { details, context });
  if (net.portForwards.some((r) => r.hostPort === f.hostPort && r.hostIp === f.hostIp && r.protocol === f.protocol)) {
    io.fail("A NAT rule for this host port and this host IP already exists", { details, context });
  }
  net.portForwards.push(f);
}

function apply(io, net, options, positional) {
  for (let i = 0; i < options.length; i++) {
    const [o, v] = options[i];
    if (o === "--network" || o === "-n" || o === "--ipv4-prefix") {
      if (!validNetwork(v)) io.fail(`Invalid IPv4 prefix '${v}'`, { details: [invalidArg(io), "NATNetworkWrap", "INATNetwork"] });
      net.network = v;
    } else if (o === "--dhcp" || o === "-h") net.dhcp = onOff(io, o, v);
    else if (o === "--ipv6" || o === "-6" || o === "--ipv6-enable") net.ipv6 = onOff(io, o, v);
    else if (o === "--enable" || o === "-e") net.enabled = true;
    else if (o === "--disable" || o === "-d") net.enabled = false;
    else if (o === "--port-forward-4" || o === "-p") {
      if (v === "delete") {
        const name = positional.shift();
        if (!name) io.syntax("Not enough parameters");
        if (!net.portForwards.some((r) => r.name === name)) {
          io.fail("A NAT rule of this name does not exist", { details: [invalidArg(io), "NATNetworkWrap", "INATNetwork"] });
        }
        net.portForwards = net.portForwards.filter((r) => r.name !== name);
      } else addRule(io, net, v);
    } else if (o === "--loopback-4" || o === "-l") {
      if (v === "delete") {
        const name = positional.shift();
        net.loopbacks = net.loopbacks.filter((l) => !l.startsWith(`${name}=`));
      } else net.loopbacks.push(v);
    }
  }
}

function natnetwork(io, state, args) {
  const [verb, ...rest] = args;
  const { options, positional } = netOptions(io, rest);
  const opt = Object.fromEntries(options);
  const name = opt["--netname"] ?? opt["-t"];
  if (verb === "list") return listLong(io, state, positional[0]);
  if (!["add", "modify", "remove", "start", "stop"].includes(verb)) io.syntax(`Invalid parameter '${verb ?? ""}'`);
  if (!name) io.syntax("You need to specify the --netname option");
  const net = state.natNetworks.find((n) => n.name === name);
  if (verb === "add") {
    if (!(opt["--network"] ?? opt["-n"] ?? opt["--ipv4-prefix"])) io.syntax("You need to specify the --network option");
    if (net) io.fail("NATNetwork server already exists", { exit: 2 });
    const created = { name, network: "", dhcp: false, ipv6: false, enabled: true, started: false, portForwards: [], loopbacks: ["127.0.0.1=2"] };
    apply(io, created, options, positional);
    state.natNetworks.push(created);
    return;
  }
  if (!net) io.fail("NATNetwork server does not exist", { exit: 2 });
  if (verb === "modify") apply(io, net, options, positional);
  else if (verb === "remove") state.natNetworks = state.natNetworks.filter((n) => n !== net);
  else net.started = verb === "start";
}

function block(net, long) {
  const lines = [`Name:         ${net.name}`];
  if (long) lines.push(`Enabled:      ${net.enabled ? "Yes" : "No"}`);
  lines.push(`Network:      ${net.network}`, `Gateway:      ${gatewayOf(net.network)}`, `DHCP Server:  ${net.dhcp ? "Yes" : "No"}`,
    `IPv6:         ${net.ipv6 ? "Yes" : "No"}`, `IPv6 Prefix:  ${IPV6_PREFIX}`, "IPv6 Default: No");
  if (long) {
    const rules = [...net.portForwards].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (rules.length) lines.push("Port-forwarding (ipv4)", ...rules.map((r) => `        ${r.name}:${r.protocol}:[${r.hostIp}]:${r.hostPort}:[${r.guestIp}]:${r.guestPort}`));
    if (net.loopbacks.length) lines.push("loopback mappings (ipv4)", ...net.loopbacks.map((l) => `        ${l}`));
  }
  return lines;
}

/** `natnetwork list [filter]` (7.x): header, blocks, `N network(s) found`. The filter is a glob on the name. */
function listLong(io, state, filter) {
  const re = filter ? new RegExp("^" + filter.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$") : null;
  const nets = state.natNetworks.filter((n) => !re || re.test(n.name));
  io.print("NAT Networks:", "");
  for (const n of nets) io.print(...block(n, true), "");
  io.print(`${nets.length} ${nets.length === 1 ? "network" : "networks"} found`);
}

/** `list natnets` (7.x short form) and `list --long natnets`. */
function listNatnets(io, state, long) {
  for (const n of state.natNetworks) io.print(...block(n, long), "");
}

module.exports = { natnetwork, listNatnets };
