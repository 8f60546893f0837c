#!/usr/bin/env node
/**
 * The providers' shims load `pulumi-openstack-lab/provider/...` from the Pulumi program's directory, the way the
 * dynamic-provider plugin resolves modules: through node_modules only (Node's package self-reference does not
 * apply to code loaded from a string). A user's project has the package in node_modules; this repository's own
 * stacks (the root Pulumi.yaml, examples/*) need node_modules/pulumi-openstack-lab -> .. , made here on install.
 * Does nothing when this package is itself installed as a dependency.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
if (path.basename(path.dirname(root)) === "node_modules" || root.split(path.sep).includes("node_modules")) process.exit(0);
const link = path.join(root, "node_modules", "pulumi-openstack-lab");
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  const current = fs.readlinkSync(link);
  if (path.resolve(path.dirname(link), current) === root) process.exit(0);
  fs.unlinkSync(link);
} catch (e) {
  if (e.code !== "ENOENT") {
    if (e.code === "EINVAL") fs.rmSync(link, { recursive: true, force: true });
    else throw e;
  }
}
fs.symlinkSync("..", link, process.platform === "win32" ? "junction" : "dir");
console.log("linked node_modules/pulumi-openstack-lab -> .. (for this repository's own stacks)");
