"use strict";
const { load, out, exit } = require("../lib/state");

function main() {
  out(String(load().cpus));
  exit(0);
}

module.exports = { main };
