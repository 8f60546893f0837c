/**
 * createOrRecover (provider/openstack/common/recover.ts) on its own: which failures it recovers from, that it
 * adopts exactly one match, sends the create again only when nothing was made, never guesses (several matches,
 * no way to tell objects apart), and stays within its attempts and the deadline. Waits are recorded, not slept.
 */
import { OpenStackHttpError } from "../../../provider/openstack/client";
import { createdSince, createOrRecover, outcomeUnknown, RecoverOptions } from "../../../provider/openstack/common";

const http = (status: number, code?: string) => new OpenStackHttpError("network", "POST", "/v2.0/networks", status, { code });
const lost503 = () => http(503);
const reset = () => http(0, "ECONNRESET");

interface Obj {
  id: string;
}

/** A create that fails with `failures` first, then succeeds with ids new-1, new-2 ...; lookups answer in turn. */
function scenario(failures: Error[], lookups: Obj[][] = [], extra: Partial<RecoverOptions<Obj>> = {}) {
  const calls = { create: 0, lookup: [] as Date[], waits: [] as number[], progress: [] as string[] };
  const opts: RecoverOptions<Obj> = {
    what: 'network "n"',
    create: async () => {
      calls.create++;
      const f = failures.shift();
      if (f) throw f;
      return { id: `new-${calls.create}` };
    },
    lookup: async (since) => {
      calls.lookup.push(since);
      return lookups.shift() ?? [];
    },
    ctx: { deadline: Date.now() + 60_000, progress: (m) => calls.progress.push(m) },
    sleep: async (ms) => void calls.waits.push(ms),
    ...extra,
  };
  return { run: () => createOrRecover(opts), calls };
}

describe("outcomeUnknown: failures after which the create may or may not have been done", () => {
  test.each([
    [503, undefined, true],
    [502, undefined, true],
    [504, undefined, true],
    [429, undefined, true],
    [0, "ECONNRESET", true],
    [0, "ETIMEDOUT", true],
    [0, "ECONNREFUSED", false],
    [400, undefined, false],
    [409, undefined, false],
    [500, undefined, false],
  ])("HTTP %s %s -> %s", (status, code, expected) => {
    expect(outcomeUnknown(http(status, code))).toBe(expected);
  });

  test("errors that are not HTTP errors are not recovered", () => {
    expect(outcomeUnknown(new Error("boom"))).toBe(false);
    expect(outcomeUnknown(undefined)).toBe(false);
  });
});

describe("createOrRecover", () => {
  test("an answer that came: one create, no lookup", async () => {
    const s = scenario([]);
    await expect(s.run()).resolves.toEqual({ id: "new-1" });
    expect(s.calls).toMatchObject({ create: 1, lookup: [] });
  });

  test("503 but the create was done: the one match is adopted, the create is not sent again", async () => {
    const s = scenario([lost503()], [[{ id: "made-by-lost-post" }]]);
    await expect(s.run()).resolves.toEqual({ id: "made-by-lost-post" });
    expect(s.calls.create).toBe(1);
    expect(s.calls.lookup).toHaveLength(1);
    expect(s.calls.waits).toHaveLength(1);
    expect(s.calls.progress.join("\n")).toMatch(/create was done \(made-by-lost-post\)/);
  });

  test("the lookup asks for what was made since the attempt started", async () => {
    const before = Date.now();
    const s = scenario([reset()], [[{ id: "x" }]]);
    await s.run();
    expect(s.calls.lookup[0].getTime()).toBeGreaterThanOrEqual(before);
    expect(s.calls.lookup[0].getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("connection reset and nothing was made: the create is sent again, with growing pauses", async () => {
    const s = scenario([reset(), lost503()], [[], []]);
    await expect(s.run()).resolves.toEqual({ id: "new-3" });
    expect(s.calls.create).toBe(3);
    expect(s.calls.lookup).toHaveLength(2);
    expect(s.calls.waits[1]).toBeGreaterThan(s.calls.waits[0]);
  });

  test("several matches: an error naming them, no guess and no further create", async () => {
    const s = scenario([lost503()], [[{ id: "a" }, { id: "b" }]]);
    await expect(s.run()).rejects.toThrow(/2 matching objects were created \(a, b\)/);
    expect(s.calls.create).toBe(1);
  });

  test("an object that cannot be told apart (no lookup): a clear error after the first try, nothing sent again", async () => {
    const s = scenario([lost503()], [], { lookup: undefined, unrecoverable: "Networks without a name cannot be told apart." });
    await expect(s.run()).rejects.toThrow(/may or may not have been done .*503.*Networks without a name cannot be told apart/);
    expect(s.calls.create).toBe(1);
  });

  test("a failure that says the create was refused (400) is thrown as it is, without a lookup", async () => {
    const bad = http(400);
    const s = scenario([bad]);
    await expect(s.run()).rejects.toBe(bad);
    expect(s.calls.lookup).toEqual([]);
  });

  test("bounded: after `attempts` creates with nothing made, it gives up and says nothing was created", async () => {
    const s = scenario([lost503(), lost503(), lost503(), lost503()], [], { attempts: 3 });
    await expect(s.run()).rejects.toThrow(/3 create attempt\(s\) failed.*nothing was created/);
    expect(s.calls.create).toBe(3);
  });

  test("no time left before the deadline: it does not wait, and says to raise customTimeouts.create", async () => {
    const s = scenario([lost503()], [], { ctx: { deadline: Date.now() + 10, progress: () => undefined } });
    await expect(s.run()).rejects.toThrow(/customTimeouts\.create/);
    expect(s.calls.waits).toEqual([]);
    expect(s.calls.create).toBe(1);
  });
});

describe("createdSince: Neutron's created_at has whole seconds", () => {
  const since = new Date("2024-05-01T10:00:00.700Z");
  test.each([
    ["2024-05-01T10:00:00Z", true],
    ["2024-05-01T10:00:00", true],
    ["2024-05-01T10:00:05Z", true],
    ["2024-05-01T09:59:59Z", false],
    [undefined, false],
  ])("%s -> %s", (createdAt, expected) => {
    expect(createdSince({ created_at: createdAt }, since)).toBe(expected);
  });
});
