/**
 * Per-VM serialisation: VBoxManage calls on the same VM run one after another within this process (concurrent
 * calls on one VM fail with "object is not ready (E_ACCESSDENIED)" or "already locked"). Calls on different
 * VMs still run in parallel.
 */
const tails = new Map<string, Promise<unknown>>();

export function serialised<T>(key: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!key) return fn();
  const previous = tails.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  const tail = next.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return next;
}
