"use strict";
const { err, exit } = require("../lib/state");

function main(args) {
  if (args.includes("-r") || args.includes("--reboot")) return require("./reboot").main([]);
  err("stand-in shutdown: only `shutdown -r` is simulated (a powered-off guest is not)");
  exit(1);
}

module.exports = { main };
