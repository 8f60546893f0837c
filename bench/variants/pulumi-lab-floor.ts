/**
 * Variant "pulumi-lab-floor": the floor of the whole lab. The same program, config, world and phases as
 * "pulumi-lab", with every provider of the library's classes replaced by one that does nothing (lib/doNothing.ts):
 * the same resources (count, names, types, inputs, dependencies, the OpenStackLab component), each a
 * `pulumi.dynamic.Resource` whose calls do nothing. pulumi-lab's no-op `pulumi up` over this one's is what the
 * library's provider side adds to the whole lab. See lib/lab.ts.
 */
import { variantMain } from "../lib/child";
import { runLabVariant } from "../lib/lab";

variantMain(() => runLabVariant({ floor: true }));
