/**
 * A group's inline, authoritative rules. The planning and the reconciling are SecurityGroupRuleSet's
 * (common/rules/plan.ts, reconcile.ts); what is the group's own is that it plans against the group body
 * it already holds (the POST or PUT answer, or read's one GET), so create is the group POST + ONE bulk POST.
 */
import type { OpContext } from "../../core/controller";
import { outcomeUnknown } from "../common";
import type { ApiGroup } from "./results";
import { bulkCreateRules, DELETE_CONCURRENCY, deleteRule, isRuleExists, LiveGroup, mapLimit, NetworkClient, plan, readOutputs, reconcile, RuleSpec } from "../common/rules";

export const liveGroup = (g: ApiGroup): LiveGroup => ({ id: g.id, name: g.name, rules: g.security_group_rules ?? [] });

/** The `rules` and `includeDefaultRules` outputs of a group whose rules are inline; {} when they are not. */
export function inlineRuleOutputs(g: ApiGroup, state: { rules?: RuleSpec[]; includeDefaultRules?: boolean }) {
  if (state.rules === undefined) return {};
  const includeDefaultRules = state.includeDefaultRules ?? false;
  const p = plan(liveGroup(g), state.rules, includeDefaultRules);
  return { rules: readOutputs({ securityGroup: g.id, includeDefaultRules }, g.id, p).rules, includeDefaultRules };
}

/**
 * Makes the group's managed rules exactly `wanted`, planning against `g` (no GET): DELETE of the unwanted rules,
 * then ONE bulk POST of the missing ones. Returns the group as it is then. When the bulk POST meets a rule made
 * meanwhile (409) or its answer is lost, the rule set's `reconcile` takes over (it reads the group and plans again).
 */
export async function applyRules(
  client: NetworkClient,
  g: ApiGroup,
  wanted: RuleSpec[],
  includeDefaultRules: boolean,
  ctx: Pick<OpContext, "progress" | "deadline">,
  reread: () => Promise<ApiGroup | null>,
): Promise<ApiGroup> {
  const p = plan(liveGroup(g), wanted, includeDefaultRules);
  if (p.remove.length) {
    ctx.progress(`deleting ${p.remove.length} rule(s) not in rules`);
    await mapLimit(p.remove, DELETE_CONCURRENCY, (r) => deleteRule(client, r.id, ctx));
  }
  if (!p.add.length) return { ...g, security_group_rules: [...p.keep.map((k) => k.rule), ...p.ignored] };
  ctx.progress(`creating ${p.add.length} rule(s) in one bulk request`);
  try {
    const made = await bulkCreateRules(client, g.id, p.add);
    return { ...g, security_group_rules: [...p.keep.map((k) => k.rule), ...p.ignored, ...made] };
  } catch (e) {
    if (!(outcomeUnknown(e) || isRuleExists(e))) throw e;
    ctx.progress(`the bulk create did not go through cleanly (${(e as Error).message}); re-reading the group`);
    await reconcile(client, g.id, wanted, includeDefaultRules, ctx);
    const again = await reread();
    if (!again) throw new Error(`security group ${g.id} no longer exists`);
    return again;
  }
}
