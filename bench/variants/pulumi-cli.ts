/**
 * Variant "pulumi-cli": the "ours" stack (lib/ours.ts: Network -> Subnet; SecurityGroup seed + 2
 * SecurityGroupRule; SecurityGroup with the rules inline), declared with the library's classes from bin/ in an
 * inline program, through the real Pulumi CLI (lib/pulumiStack.ts runCliVariant): `pulumi up` (create), `pulumi up`
 * again with nothing to change (noop), `pulumi preview --refresh` (read), `pulumi destroy` (delete). Each phase's
 * time is the CLI process of that command; `details.engine` holds, per phase, the providers' time from the CLI's
 * trace. A run whose second `up` or refreshed preview changes anything fails.
 */
import * as path from "path";
import { loadWorkload, variantMain } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { stack } from "../lib/ours";
import { runCliVariant } from "../lib/pulumiStack";

const w = loadWorkload();
const cloud = benchCloud();

variantMain(() =>
  runCliVariant({
    projectName: "oslab-bench",
    programModules: (repo) => [path.join(repo, "bin")],
    program: async (repo) => {
      const lib = require(path.join(repo, "bin"));
      const ids: Record<string, unknown> = {};
      for (const r of stack(w)) {
        const Resource = lib.openstack[r.key.slice("openstack.".length)];
        ids[r.name] = new Resource(r.name, { ...r.inputs(ids), cloud }).id;
      }
    },
    phases: ["create", "noop", "read", "delete"],
  }),
);
