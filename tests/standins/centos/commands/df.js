"use strict";
const { load, out, exit } = require("../lib/state");

/** `df [-P|-h|-BG|-k] [path...]`, from state.disks (mount -> {sizeGb, usedGb}); a path maps to its mount. */
function main(args) {
  const disks = load().disks;
  const paths = args.filter((a) => !a.startsWith("-"));
  const mounts = Object.keys(disks).sort((a, b) => b.length - a.length);
  const mountOf = (p) => mounts.find((m) => p === m || p.startsWith(m === "/" ? "/" : m + "/")) ?? "/";
  const shown = paths.length ? [...new Set(paths.map(mountOf))] : Object.keys(disks);
  const human = args.includes("-h");
  const gig = args.includes("-BG") || args.some((a) => a === "--block-size=G" || a === "-B" );
  const fmt = (gb) => (human ? `${gb}G` : gig ? `${gb}G` : String(gb * 1024 * 1024));
  out(`${"Filesystem".padEnd(26)}${(human ? "Size" : gig ? "1G-blocks" : "1K-blocks").padStart(10)} ${"Used".padStart(10)} ${"Available".padStart(10)} Use% Mounted on`);
  shown.forEach((m, i) => {
    const d = disks[m];
    const pct = Math.ceil((d.usedGb / d.sizeGb) * 100);
    const dev = m === "/" ? "/dev/mapper/cs-root" : m === "/boot" ? "/dev/sda1" : `/dev/mapper/cs-${m.replace(/\//g, "") || "root"}`;
    out(`${dev.padEnd(26)}${fmt(d.sizeGb).padStart(10)} ${fmt(d.usedGb).padStart(10)} ${fmt(d.sizeGb - d.usedGb).padStart(10)} ${`${pct}%`.padStart(4)} ${m}`);
  });
  exit(0);
}

module.exports = { main };
