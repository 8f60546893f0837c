/** `doctor`: gather the PC's facts, run the checks, and once the lab is up refresh it and map its health. */
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { labSettings } from "../stack";
import { findByType, StateView, stackResources, stackView, typeOf } from "../stackState";
import { CheckResult, runChecks } from "./checks";
import { gatherFacts } from "./facts";
import { healthResults } from "./health";
import { applySkips } from "./print";

/** The names of the VirtualBox objects this stack's state holds (pending creates included): they are the lab's. */
export function ownedNames(view: StateView): { natNetworks: string[]; vms: string[] } {
  const names = (t: string) =>
    [...view.resources, ...view.pending]
      .filter((r) => typeOf(r.type) === t)
      .map((r) => (r.outputs?.name ?? r.inputs?.name) as unknown)
      .filter((n): n is string => typeof n === "string");
  return { natNetworks: names("NatNetwork"), vms: names("VirtualMachine") };
}

/**
 * `stack` is null when there is no Pulumi CLI yet: `view` (read from the state file) says what the lab owns, and
 * the health part (a refresh) is left out. `extra` are checks the caller adds (the Pulumi CLI).
 */
export async function runDoctor(
  stack: Stack | null,
  config: ConfigMap,
  opts: { health: boolean; env?: NodeJS.ProcessEnv; onOutput?: (s: string) => void; view?: StateView; extra?: CheckResult[]; journal?: { urn: string; type: string; name: string }[]; onWait?: (what: string) => void },
): Promise<CheckResult[]> {
  const env = opts.env ?? process.env;
  const settings = labSettings(config, env);
  const view = opts.view ?? (stack ? await stackView(stack) : { resources: [], pending: [] });
  const labBuilt = !!findByType(view.resources, "VirtualMachine");
  const facts = await gatherFacts(settings, { vboxManagePath: settings.vboxManagePath, labBuilt, env, onWait: opts.onWait });
  // the lab's own cut-off VirtualBox creates (recover.ts) are the lab's too: the next up resolves them
  const journaled = (opts.journal ?? []).map((j) => ({ urn: j.urn, type: j.type, inputs: { name: j.name } }));
  facts.owned = ownedNames({ resources: view.resources, pending: [...view.pending, ...journaled] });
  const results = applySkips([...runChecks(facts, settings), ...(opts.extra ?? [])], env.LAB_DOCTOR_SKIP);
  if (stack && opts.health && findByType(view.resources, "PackstackInstall")) {
    await stack.refresh({ color: "never", onOutput: opts.onOutput });
    const resources = await stackResources(stack);
    const outs = findByType(resources, "PackstackInstall")?.outputs as { healthy?: boolean; problems?: string[] } | undefined;
    results.push(...healthResults(outs ?? null));
  }
  return results;
}
