"use strict";
/**
 * RTGetOpt-like parsing: `--opt value` and `--opt=value`; `spec(name)` returns "value", "flag" or undefined (unknown).
 * Returns { options: [[name, value]], positional: [] }.
 */
function getopt(io, args, spec) {
  const options = [];
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const kind = spec(name);
    if (!kind) io.syntax(`Unknown option: ${name}`);
    if (kind === "flag") {
      options.push([name, eq > 0 ? a.slice(eq + 1) : ""]);
    } else if (eq > 0) {
      options.push([name, a.slice(eq + 1)]);
    } else {
      if (i + 1 >= args.length) io.syntax(`Option ${name} requires a value`);
      options.push([name, args[++i]]);
    }
  }
  return { options, positional };
}

/** `on|off` (also yes/no/true/false/1/0). */
function onOff(io, option, value) {
  if (/^(on|yes|true|1)$/i.test(value)) return true;
  if (/^(off|no|false|0)$/i.test(value)) return false;
  io.syntax(`Invalid ${option} argument '${value}'`);
}

module.exports = { getopt, onOff };
