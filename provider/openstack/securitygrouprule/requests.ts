/**
 * Creating one security group rule (openstack.SecurityGroupRule): one create at a time per rule (lock.ts), and
 * a lost answer sent again within RULE_RESENDS and RULE_BACKOFF. The Neutron calls are common/rules'.
 */
import type { OpContext } from "../../core/controller";
import { Backoff, retryUntil, waitsOf } from "../../core/retry";
import { outcomeUnknown } from "../common";
import { ApiRule, createOrAdopt, NetworkClient, resolveSelf, RuleSpec, ruleKey } from "../common/rules";
import { withLock } from "./lock";

/** A rule create whose answer was lost is sent again at most RULE_RESENDS more times, waiting RULE_BACKOFF between. */
export const RULE_RESENDS = 2;
export const RULE_BACKOFF: Backoff = { firstMs: 1000, capMs: 8000 };

/** What the README says about resending (tests/openstack/securitygrouprule/resend.test.ts keeps them equal). */
export function resendSentence(): string {
  const waits = waitsOf(RULE_BACKOFF, RULE_RESENDS + 1).map((ms) => `${ms / 1000} s`);
  return (
    `A create whose answer was lost (503, connection broken after sending) is sent again, at most ${RULE_RESENDS} ` +
    `more times (after ${waits.join(", then ")}; waits double up to ${RULE_BACKOFF.capMs / 1000} s, and only while the operation's deadline allows)`
  );
}

/**
 * Creates one rule. When Neutron answers 409 SecurityGroupRuleExists (the same rule is already there: made out of
 * band, or by a parallel create of the same rule) the existing rule is returned with `adopted: true`.
 * A create whose answer was lost is sent again (RULE_RESENDS, RULE_BACKOFF, within the deadline): if the
 * first one was done, Neutron answers 409 SecurityGroupRuleExists and that rule is adopted, so nothing doubles.
 */
export async function createRule(
  client: NetworkClient,
  groupId: string,
  r: RuleSpec,
  ctx?: Pick<OpContext, "deadline" | "progress">,
  sleep?: (ms: number) => Promise<void>,
): Promise<{ rule: ApiRule; adopted: boolean }> {
  return withLock(`${groupId} ${ruleKey(resolveSelf(r, groupId))}`, () =>
    retryUntil(() => createOrAdopt(client, groupId, r), {
      ...RULE_BACKOFF,
      attempts: RULE_RESENDS + 1,
      deadline: ctx?.deadline ?? Date.now() + 60_000,
      retryable: outcomeUnknown,
      onRetry: (e, _n, ms) => ctx?.progress(`no answer to the rule create (${(e as Error).message}); sending it again in ${ms / 1000}s`),
      sleep,
    }),
  );
}
