/**
 * Variant "tofu": the workload as an OpenTofu configuration (lib/tofuConfig.ts) through OpenTofu and
 * terraform-provider-openstack (lib/tofuRunner.ts): `tofu init` (setup), `tofu apply` (create), `tofu plan` with
 * nothing to change (read: it refreshes every resource; changes found fail the run), `tofu destroy` (delete).
 */
import { loadWorkload, variantMain } from "../lib/child";
import { runTofuVariant } from "../lib/tofuRunner";
import { tofuConfig } from "../lib/tofuConfig";

variantMain(() => runTofuVariant({ name: "tofu", config: (version) => tofuConfig(loadWorkload(), version), noop: false }));
