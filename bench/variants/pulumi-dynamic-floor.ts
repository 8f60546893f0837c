/**
 * Variant "pulumi-dynamic-floor": the floor every dynamic provider pays. The same resources as "pulumi-cli" (lib/ours.ts:
 * the same names, inputs, dependencies and count), each a `pulumi.dynamic.Resource` whose provider does nothing
 * (lib/doNothing.ts: create returns the inputs, diff finds no change, read returns the state), through the same CLI setup
 * (lib/pulumiStack.ts). The dynamic-provider plugin still starts, loads @pulumi/pulumi, deserializes each provider
 * and answers every call: what is left of "pulumi-cli"'s no-op `pulumi up` over this one is ours (loading our
 * implementation, zod and the clients, and the reads' requests).
 */
import { loadWorkload, variantMain } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { doNothingProvider } from "../lib/doNothing";
import { stack } from "../lib/ours";
import { runCliVariant } from "../lib/pulumiStack";

const w = loadWorkload();
const cloud = benchCloud();

variantMain(() =>
  runCliVariant({
    projectName: "oslab-bench-floor",
    program: async (repo) => {
      // the @pulumi/pulumi that the library uses, as pulumi-cli's program does through bin/
      const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [repo] }));
      const ids: Record<string, unknown> = {};
      for (const r of stack(w)) {
        const type = r.key.replace(".", "-");
        ids[r.name] = new pulumi.dynamic.Resource(doNothingProvider, r.name, { ...r.inputs(ids), cloud: pulumi.secret(cloud) }, {}, type).id;
      }
    },
    phases: ["create", "noop", "read", "delete"],
  }),
);
