/**
 * Runs one resource's corpus through its provider's check(): every bad input fails with a failure naming the
 * field (its `property`, and the reason starting with it) and saying what is allowed; the base and every good
 * input pass; no failure echoes a planted secret; and `sideEffects()` (HTTP requests, VBoxManage calls, SSH
 * connections) stays empty throughout.
 */
import { collectSecrets } from "../../provider/core/controller";
import { isSecretWire } from "../../provider/core/secrets";
import { Inputs, ResourceCorpus, SECRETS } from "./cases/corpus";
import { MODULES } from "./controllers";

type Failure = { property: string; reason: string };
type Checker = { check(olds: Inputs, news: Inputs): Promise<{ inputs: Inputs; failures?: Failure[] }> };

/** The provider of a registry key (what the exported shim of that key loads). */
export function providerOf(key: string): Checker {
  return MODULES[key].provider as unknown as Checker;
}

export function runCorpus(corpus: ResourceCorpus, extra: () => Inputs, sideEffects: () => unknown[]): void {
  const p = providerOf(corpus.key);
  const apply = (change: ResourceCorpus["bad"][number][1]): Inputs => {
    const base = { ...corpus.base(), ...extra() };
    return typeof change === "function" ? change(base) : { ...base, ...change };
  };

  describe(`${corpus.key} check()`, () => {
    test("the corpus holds at least 30 bad and 5 good inputs", () => {
      expect(corpus.bad.length).toBeGreaterThanOrEqual(30);
      expect(corpus.good.length).toBeGreaterThanOrEqual(5);
    });

    test("the base input passes", async () => {
      const r = await p.check({}, { ...corpus.base(), ...extra() });
      expect(r.failures ?? []).toEqual([]);
    });

    test.each(corpus.bad)("refuses %s", async (_what, change, property, reason) => {
      const r = await p.check({}, apply(change));
      const failures = r.failures ?? [];
      const f = failures.find((x) => x.property === property);
      if (!f) throw new Error(`no failure on ${property}; got ${JSON.stringify(failures)}`);
      expect(f.reason).toMatch(reason);
      expect(f.reason.startsWith(`${property}: `)).toBe(true);
      for (const s of Object.values(SECRETS)) expect(JSON.stringify(failures)).not.toContain(s);
      expect(sideEffects()).toEqual([]);
    });

    test.each([["the base", corpus.base()] as const, ...corpus.good.map((g, i) => [`good input #${i}`, g] as const)])(
      "%s: check() returns no secret in clear (what the engine stores as the inputs in state), whoever calls it",
      async (_what, good) => {
        const raw = { ...extra(), ...good };
        const r = await p.check({}, raw);
        const shown = JSON.stringify(visible(r.inputs));
        // each secret as JSON writes it (a private key's line breaks become \n)
        for (const s of collectSecrets(raw).filter((x) => x.length >= 6)) expect(shown).not.toContain(JSON.stringify(s).slice(1, -1));
      },
    );

    test.each(corpus.good.map((g, i) => [i, g] as const))("accepts good input #%d", async (_i, good) => {
      const r = await p.check({}, { ...extra(), ...good });
      expect(r.failures ?? []).toEqual([]);
      expect(sideEffects()).toEqual([]);
    });
  });
}

/** A value as the state shows it: every Pulumi secret replaced by a marker. */
function visible(v: unknown): unknown {
  if (isSecretWire(v)) return "***";
  if (Array.isArray(v)) return v.map(visible);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visible(x)]));
  return v;
}
