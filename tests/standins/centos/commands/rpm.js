"use strict";
const { load, out, exit, err } = require("../lib/state");

function main(args) {
  const s = load();
  if (args.includes("-qa")) {
    Object.entries(s.packages).forEach(([n, v]) => out(`${n}-${v}`));
    return exit(0);
  }
  if (!args.includes("-q")) return err("stand-in rpm: only rpm -q / -qa are simulated"), exit(1);
  let missing = 0;
  for (const n of args.filter((a) => !a.startsWith("-"))) {
    if (s.packages[n]) out(`${n}-${s.packages[n]}`);
    else {
      out(`package ${n} is not installed`);
      missing++;
    }
  }
  exit(missing);
}

module.exports = { main };
