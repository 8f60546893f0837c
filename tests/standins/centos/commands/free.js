"use strict";
const { load, out, exit } = require("../lib/state");

/** `free` with -b/-k/-m/-g (default KiB), from state.memoryMb. */
function main(args) {
  const totalKib = load().memoryMb * 1024;
  const unit = args.includes("-b") ? 1 / 1024 : args.includes("-m") || args.includes("--mebi") ? 1024 : args.includes("-g") || args.includes("--gibi") ? 1024 * 1024 : 1;
  const v = (kib) => String(unit < 1 ? kib * 1024 : Math.floor(kib / unit));
  const used = Math.floor(totalKib * 0.08);
  const cache = Math.floor(totalKib * 0.05);
  const row = (cols) => cols.map((c, i) => (i === 0 ? c.padEnd(7) : c.padStart(i === 1 ? 8 : 11))).join(" ");
  out("               total        used        free      shared  buff/cache   available");
  out(row(["Mem:", v(totalKib), v(used), v(totalKib - used - cache), v(8 * 1024), v(cache), v(totalKib - used)]));
  out(row(["Swap:", v(0), v(0), v(0)]));
  exit(0);
}

module.exports = { main };
