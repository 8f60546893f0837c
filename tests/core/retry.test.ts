/**
 * retryUntil (provider/core/retry.ts), the one retry loop: the waits double up to the cap, it stops at the try
 * limit and before a wait that would end past the deadline, throws what is not retryable at once, and tries a
 * failure `atOnce` again without a wait. Waits are recorded, not slept.
 */
import { retryUntil, waitsOf } from "../../provider/core/retry";

class Busy extends Error {}
class Fatal extends Error {}

function failing(n: number, err: () => Error = () => new Busy("busy")) {
  let tries = 0;
  return {
    get tries() {
      return tries;
    },
    fn: async () => {
      tries++;
      if (tries <= n) throw err();
      return `ok after ${tries}`;
    },
  };
}

const base = { firstMs: 1000, capMs: 5000, retryable: (e: unknown) => e instanceof Busy };

test("waits double up to the cap, then it succeeds", async () => {
  const waits: number[] = [];
  const f = failing(5);
  await expect(retryUntil(f.fn, { ...base, deadline: Date.now() + 60_000, sleep: async (ms) => void waits.push(ms) })).resolves.toBe("ok after 6");
  expect(waits).toEqual([1000, 2000, 4000, 5000, 5000]);
  expect(waitsOf(base, 6)).toEqual(waits);
});

test("the try limit: the last failure is thrown (or giveUp's error)", async () => {
  const f = failing(10);
  const err = await retryUntil(f.fn, { ...base, attempts: 3, deadline: Date.now() + 60_000, sleep: async () => undefined, giveUp: (e, n, why) => new Error(`${why} after ${n}: ${(e as Error).message}`) }).catch((e) => e);
  expect(err.message).toBe("attempts after 3: busy");
  expect(f.tries).toBe(3);
});

test("no wait that would end past the deadline", async () => {
  const waits: number[] = [];
  const f = failing(10);
  // waits are recorded, not slept: the clock stands still, so the 1 s wait fits and the 2 s one would not
  const err = await retryUntil(f.fn, { ...base, deadline: Date.now() + 1500, sleep: async (ms) => void waits.push(ms) }).catch((e) => e);
  expect(err).toBeInstanceOf(Busy);
  expect(waits).toEqual([1000]);
  expect(f.tries).toBe(2);
});

test("a failure that is not retryable is thrown at once", async () => {
  const f = failing(1, () => new Fatal("no"));
  await expect(retryUntil(f.fn, { ...base, deadline: Date.now() + 60_000, sleep: async () => undefined })).rejects.toBeInstanceOf(Fatal);
  expect(f.tries).toBe(1);
});

test("atOnce: tried again without a wait, and the next wait is not doubled", async () => {
  const waits: number[] = [];
  let tries = 0;
  const fn = async () => {
    tries++;
    if (tries === 1) throw new Busy("conflict");
    if (tries === 2) throw new Busy("lost");
    return "done";
  };
  await retryUntil(fn, { ...base, deadline: Date.now() + 60_000, atOnce: (e) => (e as Error).message === "conflict", sleep: async (ms) => void waits.push(ms) });
  expect(waits).toEqual([1000]);
});
