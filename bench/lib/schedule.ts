/**
 * How a stack's resources are walked: one at a time in dependency order ("sequential"), or the way Pulumi's engine
 * schedules a deployment ("parallel"): a resource starts as soon as everything it depends on is done (creates),
 * all at once (reads: a refresh), and a resource is deleted once everything that depends on it is deleted.
 */
export type Mode = "sequential" | "parallel";

export interface Node {
  name: string;
  /** Names of the nodes this one depends on (they come earlier in the list). */
  deps: string[];
}

/** Runs `fn` over `nodes` (listed in dependency order) as creates are scheduled. */
export async function forward<N extends Node>(nodes: N[], mode: Mode, fn: (n: N) => Promise<void>): Promise<void> {
  if (mode === "sequential") {
    for (const n of nodes) await fn(n);
    return;
  }
  const done = new Map<string, Promise<void>>();
  for (const n of nodes) {
    const after = n.deps.map((d) => {
      const p = done.get(d);
      if (!p) throw new Error(`${n.name} depends on ${d}, which is not listed before it`);
      return p;
    });
    done.set(n.name, Promise.all(after).then(() => fn(n)));
  }
  await settleAll([...done.values()]);
}

/** Runs `fn` over every node: one at a time, or all at once. */
export async function each<N extends Node>(nodes: N[], mode: Mode, fn: (n: N) => Promise<void>): Promise<void> {
  if (mode === "sequential") {
    for (const n of nodes) await fn(n);
    return;
  }
  await settleAll(nodes.map(fn));
}

/** Runs `fn` over `nodes` as deletes are scheduled: dependents first (reverse order), independent ones at once. */
export async function backward<N extends Node>(nodes: N[], mode: Mode, fn: (n: N) => Promise<void>): Promise<void> {
  if (mode === "sequential") {
    for (const n of [...nodes].reverse()) await fn(n);
    return;
  }
  const done = new Map<string, Promise<void>>();
  for (const n of [...nodes].reverse()) {
    const dependents = nodes.filter((d) => d.deps.includes(n.name)).map((d) => done.get(d.name)!);
    done.set(n.name, Promise.all(dependents).then(() => fn(n)));
  }
  await settleAll([...done.values()]);
}

/** Waits for every promise (nothing keeps running unobserved), then throws the first failure. */
async function settleAll(ps: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(ps);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
