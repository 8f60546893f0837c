"use strict";
const { load, update, out, err, exit } = require("../lib/state");

function main(args) {
  const words = args.filter((a, i) => !a.startsWith("-") && !["-f", "--fields"].includes(args[i - 1]));
  const terse = args.includes("-t") || args.includes("--terse");
  const s = load();
  if (!s.services.NetworkManager?.active) return err("Error: NetworkManager is not running."), exit(8);
  const [object, verb, ...rest] = words;
  const ifaces = Object.entries(s.interfaces).filter(([n]) => n !== "lo");
  if (/^g(en(eral)?)?$/.test(object ?? "")) {
    out(terse ? "connected:full" : "STATE      CONNECTIVITY  WIFI-HW  WIFI     WWAN-HW  WWAN    \nconnected  full          missing  enabled  missing  enabled ");
    return exit(0);
  }
  if (/^d(ev(ice)?)?$/.test(object ?? "")) {
    if (!verb || verb === "status") {
      const rows = ifaces.map(([n, i]) => [n, "ethernet", i.nmManaged === false ? "unmanaged" : "connected", i.nmManaged === false ? "--" : n]);
      rows.push(["lo", "loopback", "connected (externally)", "lo"]);
      if (terse) rows.forEach((r) => out(r.join(":")));
      else {
        out("DEVICE  TYPE      STATE                   CONNECTION ");
        rows.forEach((r) => out(`${r[0].padEnd(8)}${r[1].padEnd(10)}${r[2].padEnd(24)}${r[3]} `));
      }
      return exit(0);
    }
    if (verb === "set" && rest[1] === "managed") {
      const name = rest[0];
      return update((st) => {
        if (!st.interfaces[name]) return err(`Error: Device '${name}' not found.`), exit(10);
        st.interfaces[name].nmManaged = /^(yes|on|true)$/.test(rest[2] ?? "");
        exit(0);
      });
    }
  }
  if (/^c(on(nection)?)?$/.test(object ?? "") && (!verb || verb === "show")) {
    out("NAME    UUID                                  TYPE      DEVICE ");
    ifaces.forEach(([n], i) => out(`${n.padEnd(8)}${`0b4d3a52-6c1f-3f0e-9a7b-${String(i).padStart(12, "0")}`.padEnd(38)}ethernet  ${n} `));
    return exit(0);
  }
  err(`Error: argument '${words.join(" ")}' not understood by the nmcli stand-in. Try passing --help instead.`);
  exit(2);
}

module.exports = { main };
