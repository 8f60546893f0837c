/**
 * In-process serialization by key. Neutron's duplicate-rule check is not atomic: the same rule POSTed several
 * times at once can be created several times. Pulumi runs independent resources in parallel in one provider
 * process, so creates of the same rule in the same group take turns here (the second one then gets 409
 * SecurityGroupRuleExists and adopts the first one's rule); different rules still go in parallel.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
