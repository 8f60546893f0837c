/**
 * Variant "pulumi-instance": the instance workload (lib/instance.ts: networks, router, key pair, image upload,
 * flavor, server, floating IP) declared with the library's classes from bin/ in an inline program, through the
 * real Pulumi CLI (lib/pulumiStack.ts runCliVariant), as pulumi-cli does for the network workload: `pulumi up`
 * (create), `pulumi up` again (noop: must change nothing), `pulumi preview --refresh` (read: must find no drift),
 * `pulumi destroy` (delete). Each phase's time is that one CLI process.
 */
import * as path from "path";
import { loadWorkload, variantMain } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { declareInstance } from "../lib/instance";
import { runCliVariant } from "../lib/pulumiStack";

const w = loadWorkload().instance;
const cloud = benchCloud();

variantMain(async () => {
  if (!w) throw new Error("the workload has no instance part (run.ts makes it for the instance variants)");
  await runCliVariant({
    projectName: "oslab-bench-instance",
    programModules: null,
    program: async (repo) => declareInstance(require(path.join(repo, "bin")), w, cloud),
    phases: ["create", "noop", "read", "delete"],
  });
});
