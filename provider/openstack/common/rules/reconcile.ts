/**
 * Reconciling a group's rules: one GET of the group (it embeds its rules), deletes of the unwanted rules (bounded
 * concurrency), then ONE bulk POST of the missing rules.
 */
import type { OpContext } from "../../../core/controller";
import { Backoff, retryUntil } from "../../../core/retry";
import { outcomeUnknown } from "../recover";
import { bulkCreateRules, deleteRule, getGroupWithRules, isRuleExists, NetworkClient } from "./requests";
import { ApiRule, ruleFromApi } from "./api";
import { fullRuleKey, resolveSelf, RuleSpec } from "./rule";
import { mapLimit } from "./limit";
import { liveSpec, LiveGroup, plan } from "./plan";

export const DELETE_CONCURRENCY = 8;
/** Bulk creates sent at most (after a concurrent change, or a lost answer). */
const MAX_ATTEMPTS = 3;
const BULK_BACKOFF: Backoff = { firstMs: 1000, capMs: 8000 };

export async function getLiveGroup(client: NetworkClient, groupId: string): Promise<LiveGroup | null> {
  const g = await getGroupWithRules(client, groupId);
  return g ? { id: groupId, ...g } : null;
}

export interface Reconciled {
  kept: Array<{ rule: ApiRule; as: RuleSpec }>;
}

/** Makes the group's managed rules exactly `wanted`. */
export async function reconcile(
  client: NetworkClient,
  groupId: string,
  wanted: RuleSpec[],
  includeDefaultRules: boolean,
  ctx: Pick<OpContext, "progress" | "deadline">,
  sleep?: (ms: number) => Promise<void>,
): Promise<Reconciled> {
  let bulkFailure: unknown;
  return retryUntil(
    async () => {
      const group = await getLiveGroup(client, groupId);
      if (!group) throw new Error(`security group ${groupId} does not exist`);
      const p = plan(group, wanted, includeDefaultRules);
      if (p.remove.length) {
        ctx.progress(`deleting ${p.remove.length} rule(s) not in the set`);
        await mapLimit(p.remove, DELETE_CONCURRENCY, (r) => deleteRule(client, r.id, ctx));
      }
      if (!p.add.length) return { kept: p.keep };
      ctx.progress(`creating ${p.add.length} rule(s) in one bulk request`);
      const created = await bulkCreateRules(client, groupId, p.add).catch((e) => Promise.reject((bulkFailure = e)));
      const byKey = new Map(p.add.map((r) => [fullRuleKey(resolveSelf(r, groupId)), r]));
      const made = created.map((rule) => ({ rule, as: byKey.get(fullRuleKey(ruleFromApi(rule))) ?? liveSpec(rule) }));
      return { kept: [...p.keep, ...made] };
    },
    {
      attempts: MAX_ATTEMPTS,
      ...BULK_BACKOFF,
      deadline: ctx.deadline,
      // Someone created one of these rules between our GET and POST (re-read at once), or the answer was lost
      // (the rules may all exist now): read the group again and plan again (bulk create is all or nothing).
      retryable: (e) => e === bulkFailure && (outcomeUnknown(e) || isRuleExists(e)),
      atOnce: isRuleExists,
      onRetry: (e, _n, ms) =>
        ctx.progress(ms ? `no answer to the bulk create (${(e as Error).message}); re-reading the group in ${ms / 1000}s` : "a rule appeared concurrently; re-reading the group"),
      sleep,
    },
  );
}

/** Deletes every managed rule of the group (Neutron's default rules stay unless the set included them). */
export async function deleteManaged(client: NetworkClient, groupId: string, claimed: RuleSpec[], includeDefaultRules: boolean, ctx: Pick<OpContext, "deadline" | "progress">): Promise<void> {
  const group = await getLiveGroup(client, groupId);
  if (!group) return;
  // Planning against the rules the set last held: what it claimed is "kept", everything else unignored is drift.
  const p = plan(group, claimed, includeDefaultRules);
  const doomed = [...p.keep.map((k) => k.rule), ...p.remove];
  await mapLimit(doomed, DELETE_CONCURRENCY, (r) => deleteRule(client, r.id, ctx));
}
