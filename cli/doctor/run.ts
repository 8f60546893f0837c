/** `doctor`: gather the PC's facts, run the checks, and once the lab is up refresh it and map its health. */
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { labSettings } from "../stack";
import { findByType, stackResources } from "../stackState";
import { CheckResult, runChecks } from "./checks";
import { gatherFacts } from "./facts";
import { healthResults } from "./health";
import { applySkips } from "./print";

export async function runDoctor(stack: Stack, config: ConfigMap, opts: { health: boolean; env?: NodeJS.ProcessEnv; onOutput?: (s: string) => void }): Promise<CheckResult[]> {
  const env = opts.env ?? process.env;
  const settings = labSettings(config, env);
  let resources = await stackResources(stack);
  const labBuilt = !!findByType(resources, "VirtualMachine");
  const facts = await gatherFacts(settings, { vboxManagePath: settings.vboxManagePath, labBuilt, env });
  const results = applySkips(runChecks(facts, settings), env.LAB_DOCTOR_SKIP);
  if (opts.health && findByType(resources, "PackstackInstall")) {
    await stack.refresh({ color: "never", onOutput: opts.onOutput });
    resources = await stackResources(stack);
    const outs = findByType(resources, "PackstackInstall")?.outputs as { healthy?: boolean; problems?: string[] } | undefined;
    results.push(...healthResults(outs ?? null));
  }
  return results;
}
