/**
 * retryUntil (provider/core/retry.ts), the one retry loop: the waits double up to the cap, it stops at the try
 * limit and before a wait that would end past the deadline, throws what is not retryable at once, and tries a
 * failure `atOnce` again without a wait. Waits are recorded, not slept.
 */
import { pollUntil, retryUntil, waitsOf } from "../../provider/core/retry";

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

test("waitMs: a try's own wait (a Retry-After) replaces the backoff's", async () => {
  const waits: number[] = [];
  const f = failing(2);
  await retryUntil(f.fn, { ...base, deadline: Date.now() + 60_000, waitMs: (_e, n) => n * 7, sleep: async (ms) => void waits.push(ms) });
  expect(waits).toEqual([7, 14]);
});

test("lastTryAtDeadline: the wait is cut to end at the deadline, where one last try is made", async () => {
  const waits: number[] = [];
  const f = failing(10);
  let clock = Date.now();
  const deadline = clock + 1500;
  const spy = jest.spyOn(Date, "now").mockImplementation(() => clock);
  try {
    const err = await retryUntil(f.fn, { ...base, deadline, lastTryAtDeadline: true, sleep: async (ms) => void (waits.push(ms), (clock += ms)) }).catch((e) => e);
    expect(err).toBeInstanceOf(Busy);
    expect(waits).toEqual([1000, 500]);
    expect(f.tries).toBe(3);
  } finally {
    spy.mockRestore();
  }
});

describe("pollUntil", () => {
  test("looks until done, with the backoff's waits, and gives the look that was done", async () => {
    const waits: number[] = [];
    const states = ["starting", "starting", "running"];
    const got = await pollUntil(async (n) => states[n - 1], (s) => s === "running", { firstMs: 100, capMs: 150, deadline: Date.now() + 60_000, timedOut: () => "timeout", sleep: async (ms) => void waits.push(ms) });
    expect(got).toBe("running");
    expect(waits).toEqual([100, 150]);
  });

  test("the deadline: timedOut gets the last look (it may return it or throw)", async () => {
    let clock = Date.now();
    const deadline = clock + 2500;
    const spy = jest.spyOn(Date, "now").mockImplementation(() => clock);
    try {
      const got = await pollUntil(async (n) => `still ${n}`, () => false, { firstMs: 1000, capMs: 1000, deadline, timedOut: (last) => `gave up: ${last}`, sleep: async (ms) => void (clock += ms) });
      // waits of 1 s at 0 and 1 s; the third would end at 3 s, past the deadline
      expect(got).toBe("gave up: still 3");
      clock = deadline - 2500;
      const last = await pollUntil(async (n) => `still ${n}`, () => false, { firstMs: 1000, capMs: 1000, deadline, lastLookAtDeadline: true, timedOut: (l) => l, sleep: async (ms) => void (clock += ms) });
      expect(last).toBe("still 4"); // looks at 0, 1, 2 and 2.5 s
    } finally {
      spy.mockRestore();
    }
  });

  test("a look that throws ends the poll with its error", async () => {
    let looks = 0;
    const err = await pollUntil(async () => {
      looks++;
      if (looks === 2) throw new Fatal("ERROR state");
      return "building";
    }, () => false, { firstMs: 1, capMs: 1, deadline: Date.now() + 60_000, timedOut: (s) => s, sleep: async () => undefined }).catch((e) => e);
    expect(err).toBeInstanceOf(Fatal);
    expect(looks).toBe(2);
  });
});
