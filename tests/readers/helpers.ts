/** Shared by the reader tests: check() through the provider as the engine calls it, secrets unwrapped. */
import { unwrapSecrets } from "../../provider/core/secrets";

type Failure = { property: string; reason: string };
type Checker = { check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures?: Failure[] }> };

export type Checked<T> = { ok: true; inputs: T } | { ok: false; failures: Failure[] };

export async function checkWith<T>(provider: unknown, news: Record<string, unknown>): Promise<Checked<T>> {
  const r = await (provider as Checker).check({}, news);
  if (r.failures?.length) return { ok: false, failures: r.failures };
  return { ok: true, inputs: unwrapSecrets(r.inputs) as T };
}

/** A refusal must name the field and say why. */
export function expectRefused(c: Checked<unknown>, property: string, reason: RegExp): void {
  if (c.ok) throw new Error(`check() accepted it; expected a failure on ${property}`);
  const f = c.failures.find((x) => x.property === property);
  if (!f) throw new Error(`no failure on ${property}: ${JSON.stringify(c.failures)}`);
  expect(f.reason).toMatch(reason);
}
