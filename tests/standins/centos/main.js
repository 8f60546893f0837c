#!/usr/bin/env node
"use strict";
/**
 * Entry point of every CentOS stand-in: `main.js <command> args...` (the guest puts one wrapper per command on
 * the session PATH). Records the call, then runs commands/<command>.js.
 */
const path = require("path");
const { record } = require("./lib/state");

const ALIASES = { yum: "dnf" };
const [cmd, ...args] = process.argv.slice(2);
record(cmd, args);
require(path.join(__dirname, "commands", `${ALIASES[cmd] ?? cmd}.js`)).main(args, cmd);
