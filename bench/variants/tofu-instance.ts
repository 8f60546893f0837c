/**
 * Variant "tofu-instance": the instance workload as an OpenTofu configuration (lib/instance.ts) through OpenTofu
 * and terraform-provider-openstack (lib/tofuRunner.ts), as variant "tofu" does for the network workload:
 * `tofu init` (setup), `tofu apply` (create), `tofu apply` again (noop: it refreshes every resource first, as tofu
 * always does, and must change nothing), `tofu plan -detailed-exitcode` (read: a refresh; drift fails the run),
 * `tofu destroy` (delete).
 */
import { loadWorkload, variantMain } from "../lib/child";
import { instanceTofuConfig } from "../lib/instance";
import { runTofuVariant } from "../lib/tofuRunner";

variantMain(async () => {
  const w = loadWorkload().instance;
  if (!w) throw new Error("the workload has no instance part (run.ts makes it for the instance variants)");
  await runTofuVariant({ name: "tofu-instance", config: (version) => instanceTofuConfig(w, version), noop: true });
});
