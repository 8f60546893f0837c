"use strict";
const { load, out, exit } = require("../lib/state");

function main() {
  out(load().selinux);
  exit(0);
}

module.exports = { main };
