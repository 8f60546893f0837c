/**
 * check()'s no-op fast path (provider/core/check.ts `unchangedInputs`): with olds = a full check's result of x and
 * news = x, check returns what the full check returns, for every good input of every resource in the corpora;
 * a changed field, a defaulted field removed while it held another value, an unknown value, a key not in the
 * spec or olds that are no object go the full way (and still get the full check's answer); the resources whose
 * check always parses (checkAlwaysParses: Image reads the file, the rule resources' output is no input they
 * take) never take it. And the two facts it rests on, for every other resource: every top-level default is
 * data in the spec, and the schema is idempotent on its own output.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as z from "zod";
import { unchangedInputs } from "../../provider/core/check";
import { deepEqual } from "../../provider/core/deepEqual";
import { unwrapSecrets } from "../../provider/core/secrets";
import { defaultOf, FieldSpec, hasDefault, NestedDefaults } from "../../provider/core/spec";
import { UNKNOWN } from "../../provider/core/unknowns";
import { COMPUTE, RAW_FILE } from "./cases/compute";
import { Inputs, ResourceCorpus, SECRETS } from "./cases/corpus";
import { hostPrep, packstack } from "./cases/lab";
import { OPENSTACK } from "./cases/openstack";
import { VIRTUALBOX } from "./cases/virtualbox";
import { MODULES } from "./controllers";

/** check() never connects: the lab corpora's port only has to be a number. */
const PORT = 2222;
const CLOUD = { authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: SECRETS.password, projectName: "admin" };
const CORPORA: Array<[ResourceCorpus, Inputs]> = [
  ...[...OPENSTACK, ...COMPUTE].map((c): [ResourceCorpus, Inputs] => [c, { cloud: CLOUD }]),
  ...VIRTUALBOX.map((c): [ResourceCorpus, Inputs] => [c, {}]),
  ...[hostPrep(PORT), packstack(PORT)].map((c): [ResourceCorpus, Inputs] => [c, {}]),
];
/** What the engine sends beside the inputs (the serialized shim); check never looks at it. */
const SHIM = "serialized provider";
/** The resources whose check always parses: Image reads its file; the rule resources' canonical rules hold nulls. */
const ALWAYS_PARSES = ["openstack.Image", "openstack.SecurityGroup", "openstack.SecurityGroupRule", "openstack.SecurityGroupRuleSet"];

type Result = { inputs: Inputs; failures?: unknown[] };
const check = (key: string, olds: unknown, news: unknown): Promise<Result> => MODULES[key].provider.check(olds as Inputs, news as Inputs) as Promise<Result>;
const fast = (key: string, olds: unknown, news: unknown) => unchangedInputs(MODULES[key].controller, olds, news);

/** Another value of the same kind (never deep-equal to `v`). */
function changed(v: unknown): unknown {
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") return v + 1;
  if (typeof v === "string") return `${v}x`;
  if (Array.isArray(v)) return v.length ? v.slice(1) : ["x"];
  if (v && typeof v === "object") return { ...v, fastCheckExtra: 1 };
  return "x";
}

/** Every good input (with its corpus's extra inputs), its full check, and the olds the engine would send back. */
const CASES = CORPORA.flatMap(([corpus, extra]) =>
  corpus.good.map((good, i) => {
    const key = corpus.key;
    const news = { ...extra, ...good, __provider: SHIM };
    return [`${key} good #${i}`, key, news] as const;
  }),
);

/** The olds as the engine sends them back: the full check's inputs, secrets unwrapped (the plugin takes none), and the shim. */
async function oldsOf(key: string, news: Inputs): Promise<{ full: Result; olds: Inputs }> {
  const full = await check(key, {}, news);
  expect(full.failures ?? []).toEqual([]);
  return { full, olds: { ...(unwrapSecrets(full.inputs) as Inputs), __provider: SHIM } };
}

describe.each(CASES.filter(([, key]) => !ALWAYS_PARSES.includes(key)))("%s", (_what, key, news) => {
  test("the schema is idempotent on its own output (the full check of the checked inputs gives them again)", async () => {
    const { full, olds } = await oldsOf(key, news);
    const again = await check(key, {}, olds);
    expect(again.failures ?? []).toEqual([]);
    expect(again.inputs).toEqual(full.inputs);
  });

  test("olds = its full check, news = itself: check returns the full check's result, and the olds as news take the fast path", async () => {
    const { full, olds } = await oldsOf(key, news);
    const taken = fast(key, olds, news);
    if (taken) expect(taken).toEqual(full.inputs);
    expect(await check(key, olds, news)).toEqual(full);
    // the checked inputs sent again (and with the secrets still wrapped, as check returned them)
    expect(fast(key, olds, olds)).toEqual(full.inputs);
    expect(fast(key, { ...full.inputs, __provider: SHIM }, olds)).toEqual(full.inputs);
  });

  test("a changed field, an unknown value or a key not in the spec goes the full way", async () => {
    const { olds } = await oldsOf(key, news);
    const fields = Object.keys(olds).filter((k) => k !== "__provider");
    expect(fields.length).toBeGreaterThan(0);
    for (const k of fields) {
      for (const n of [{ ...olds, [k]: changed(olds[k]) }, { ...olds, [k]: UNKNOWN }]) {
        expect([k, fast(key, olds, n)]).toEqual([k, undefined]);
        expect(await check(key, olds, n)).toEqual(await check(key, {}, n));
      }
    }
    const extra = { ...olds, notAField: 1 };
    expect(fast(key, olds, extra)).toBeUndefined();
    expect((await check(key, olds, extra)).failures).toEqual([expect.objectContaining({ property: "notAField" })]);
  });

  test("a defaulted field removed goes the full way when it held another value, and not when it held the default", async () => {
    const { full, olds } = await oldsOf(key, news);
    const fields = MODULES[key].controller.inputFields!;
    for (const k of Object.keys(fields).filter((f) => hasDefault(fields[f]))) {
      const { [k]: _gone, ...without } = olds;
      const withOther = { ...olds, [k]: changed(defaultOf(fields[k])) };
      expect([k, fast(key, withOther, without)]).toEqual([k, undefined]);
      expect(await check(key, withOther, without)).toEqual(await check(key, {}, without));
      if (deepEqual(olds[k], defaultOf(fields[k]))) expect([k, fast(key, olds, without)]).toEqual([k, full.inputs]);
    }
  });

  test("olds that are empty, hold only the shim or are no object go the full way", async () => {
    const { olds } = await oldsOf(key, news);
    for (const o of [{}, { __provider: SHIM }, null, undefined, "x", [olds]]) expect(fast(key, o, olds)).toBeUndefined();
    expect(fast(key, olds, null)).toBeUndefined();
  });
});

describe("the resources whose check always parses", () => {
  test("are exactly the ones that say so (checkAlwaysParses)", () => {
    const flagged = Object.entries(MODULES).filter(([, m]) => m.controller.checkAlwaysParses).map(([k]) => k);
    expect(flagged.sort()).toEqual([...ALWAYS_PARSES].sort());
  });

  test.each(CASES.filter(([, key]) => ALWAYS_PARSES.includes(key)))("%s never takes the fast path, even with its own checked inputs as news", async (_what, key, news) => {
    const full = await check(key, {}, news);
    const olds = { ...(unwrapSecrets(full.inputs) as Inputs), __provider: SHIM };
    expect(fast(key, olds, news)).toBeUndefined();
    expect(fast(key, olds, olds)).toBeUndefined();
    expect(await check(key, olds, news)).toEqual(full);
  });

  test.each(ALWAYS_PARSES.filter((k) => k !== "openstack.Image"))("%s: the checked inputs of some good input do not check again (why it always parses)", async (key) => {
    const refused: unknown[] = [];
    for (const [, k, news] of CASES.filter(([, k]) => k === key)) {
      const full = await check(k, {}, news);
      refused.push(...((await check(k, {}, { ...(unwrapSecrets(full.inputs) as Inputs), __provider: SHIM })).failures ?? []));
    }
    expect(refused.length).toBeGreaterThan(0);
  });

  test("openstack.Image: the same inputs after the file changed check to a new fileHash", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-fastcheck-"));
    try {
      const file = path.join(dir, "disk.raw");
      fs.copyFileSync(RAW_FILE, file);
      const news = { name: "img", file, diskFormat: "raw", cloud: CLOUD, __provider: SHIM };
      const first = await check("openstack.Image", {}, news);
      fs.appendFileSync(file, Buffer.alloc(512, 1));
      const second = await check("openstack.Image", { ...(unwrapSecrets(first.inputs) as Inputs), __provider: SHIM }, news);
      expect(second.failures ?? []).toEqual([]);
      expect(second.inputs.fileHash).not.toEqual(first.inputs.fileHash);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(Object.keys(MODULES))("%s's spec", (key) => {
  const fields = MODULES[key].controller.inputFields ?? {};
  test("is the controller's (fromSpec): its input fields are there", () => {
    expect(Object.keys(fields).length).toBeGreaterThan(0);
  });

  test("every top-level default is data in the spec, a valid value of its field", () => {
    for (const [k, f] of Object.entries(fields)) {
      const t = f.type(z) as unknown as { _zod: { def: { type: string; innerType: z.ZodType } } };
      expect([k, t._zod.def.type === "default"]).toEqual([k, hasDefault(f)]);
      if (!hasDefault(f)) continue;
      const inner = t._zod.def.innerType.safeParse(defaultOf(f));
      expect([k, inner.success && inner.data]).toEqual([k, defaultOf(f)]);
      expect([k, t._zod.def.innerType.safeParse(undefined).success]).toEqual([k, false]);
    }
  });
});

/**
 * Defaults nested in a field's value (the spec's `nested`, core/spec.ts NestedDefaults): the fast path fills them in
 * where the news leave them out, so news without them take it when nothing changed; a nested key changed, or
 * removed while it held another value than its default, goes the full way. And the facts that rests on, for every
 * resource that takes the fast path (the ones that always parse never read the data): the data is every `.default`
 * in the field's zod type (none deeper or elsewhere), each a valid value of its key that checks to itself.
 */
type Place = { path: Array<string | number>; key: string; dflt: unknown };
type Zt = { _zod: { def: Record<string, any> } };
const isZod = (v: unknown): v is Zt => !!v && typeof v === "object" && "_zod" in v;
const valueOf = (d: unknown) => (typeof d === "function" ? (d as () => unknown)() : d);
/** The declared nested defaults with every function's value (what the zod type gives). */
const evaluated = (n: NestedDefaults | undefined): unknown =>
  n === undefined ? undefined : "each" in n ? { each: evaluated(n.each) } : { keys: Object.fromEntries(Object.entries(n.keys).map(([k, d]) => [k, valueOf(d)])) };
/** The defaults a zod type applies inside its value, read from zod: an object's keys' `.default`s, or an array's elements'. */
function nestedIn(t: Zt): unknown {
  const d = t._zod.def;
  if (["optional", "nullable", "default", "readonly", "nonoptional"].includes(d.type)) return nestedIn(d.innerType);
  if (d.type === "pipe") return nestedIn(d.in);
  if (d.type === "array") {
    const each = nestedIn(d.element);
    return each === undefined ? undefined : { each };
  }
  if (d.type !== "object") return undefined;
  const keys = Object.entries(d.shape as Record<string, Zt>).filter(([, v]) => v._zod.def.type === "default");
  return keys.length ? { keys: Object.fromEntries(keys.map(([k, v]) => [k, v._zod.def.defaultValue])) } : undefined;
}
/** How many `.default`s (or prefaults) a zod type holds anywhere. */
function defaultsIn(t: Zt): number {
  const kids = (v: unknown): Zt[] => (isZod(v) ? [v] : Array.isArray(v) ? v.flatMap(kids) : v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype ? Object.values(v).flatMap(kids) : []);
  const d = t._zod.def;
  let n = d.type === "default" || d.type === "prefault" ? 1 : 0;
  for (const k of Object.keys(d)) if (k !== "checks" && k !== "defaultValue") n += kids(d[k]).reduce((a, c) => a + defaultsIn(c), 0);
  return n;
}
/** Every place in `inputs` where a nested default applies and a value is given: the path to its object, the key, the default. */
function places(fields: Record<string, FieldSpec<any, any>>, inputs: Inputs): Place[] {
  const walk = (v: unknown, n: NestedDefaults | undefined, path: Array<string | number>): Place[] => {
    if (!n || v === null || typeof v !== "object") return [];
    if ("each" in n) return Array.isArray(v) ? v.flatMap((e, i) => walk(e, n.each, [...path, i])) : [];
    return Object.entries(n.keys)
      .filter(([k]) => (v as Inputs)[k] !== undefined)
      .map(([key, d]) => ({ path, key, dflt: valueOf(d) }));
  };
  return Object.entries(fields).flatMap(([k, f]) => walk(inputs[k], f.nested, [k]));
}
/** `inputs` with the object at `p` edited (a copy). */
function edited(inputs: Inputs, ps: Place[], edit: (obj: Inputs, p: Place) => void): Inputs {
  const copy = structuredClone(inputs);
  for (const p of ps) edit(p.path.reduce<any>((o, k) => o[k], copy), p);
  return copy;
}
const NESTED = Object.keys(MODULES).filter((key) => Object.values(MODULES[key].controller.inputFields ?? {}).some((f) => f.nested));

describe.each(Object.keys(MODULES).filter((key) => !ALWAYS_PARSES.includes(key)))("%s's spec: nested defaults", (key) => {
  const fields = MODULES[key].controller.inputFields ?? {};
  test("every default nested in a field is data in the spec (`nested`), and a valid value of its key that checks to itself", () => {
    for (const [k, f] of Object.entries(fields)) {
      const t = f.type(z) as unknown as Zt;
      expect([k, nestedIn(t)]).toEqual([k, evaluated(f.nested)]);
      const declared = (n: NestedDefaults | undefined): number => (n === undefined ? 0 : "each" in n ? declared(n.each) : Object.keys(n.keys).length);
      expect([k, defaultsIn(t)]).toEqual([k, (hasDefault(f) ? 1 : 0) + declared(f.nested)]);
      const check = (n: NestedDefaults | undefined, at: Zt): void => {
        if (n === undefined) return;
        let obj = at;
        while (obj._zod.def.type !== "object" && obj._zod.def.type !== "array") obj = obj._zod.def.type === "pipe" ? obj._zod.def.in : obj._zod.def.innerType;
        if ("each" in n) return check(n.each, obj._zod.def.element);
        for (const [key, d] of Object.entries(n.keys)) {
          const inner = (obj._zod.def.shape[key] as Zt)._zod.def.innerType as unknown as z.ZodType;
          const parsed = inner.safeParse(valueOf(d));
          expect([k, key, parsed.success && parsed.data]).toEqual([k, key, valueOf(d)]);
          expect([k, key, inner.safeParse(undefined).success]).toEqual([k, key, false]);
        }
      };
      check(f.nested, t);
    }
  });
});

test("the resources with nested defaults: VirtualMachine and the lab resources at least", () => {
  expect(NESTED).toEqual(expect.arrayContaining(["virtualbox.VirtualMachine", "lab.HostPrep", "lab.PackstackInstall"]));
});

describe.each(CASES.filter(([, key]) => NESTED.includes(key) && !ALWAYS_PARSES.includes(key)))("%s: nested defaults", (_what, key, news) => {
  const fields = MODULES[key].controller.inputFields!;

  test("news that leave out the nested defaults the checked inputs hold take the fast path, with the full check's result", async () => {
    const { full, olds } = await oldsOf(key, news);
    const defaulted = places(fields, olds).filter((p) => deepEqual(p.path.reduce<any>((o, k) => o[k], olds)[p.key], p.dflt));
    expect(defaulted.length).toBeGreaterThan(0);
    const without = edited(olds, defaulted, (o, p) => delete o[p.key]);
    expect(places(fields, without).filter((p) => defaulted.some((d) => deepEqual([d.path, d.key], [p.path, p.key])))).toEqual([]);
    expect(fast(key, olds, without)).toEqual(full.inputs);
    expect(await check(key, {}, without)).toEqual(full);
    expect(await check(key, olds, without)).toEqual(full);
    // one at a time, and given as undefined (zod's default applies to undefined too)
    for (const p of defaulted) {
      expect([p, fast(key, olds, edited(olds, [p], (o) => delete o[p.key]))]).toEqual([p, full.inputs]);
      expect([p, fast(key, olds, edited(olds, [p], (o) => (o[p.key] = undefined)))]).toEqual([p, full.inputs]);
    }
  });

  test("a nested key changed, or removed while it held another value than its default, goes the full way", async () => {
    const { olds } = await oldsOf(key, news);
    const all = places(fields, olds);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      const changedNews = edited(olds, [p], (o) => (o[p.key] = changed(o[p.key])));
      expect([p, fast(key, olds, changedNews)]).toEqual([p, undefined]);
      expect(await check(key, olds, changedNews)).toEqual(await check(key, {}, changedNews));
      const withOther = edited(olds, [p], (o) => (o[p.key] = changed(p.dflt)));
      const without = edited(olds, [p], (o) => delete o[p.key]);
      expect([p, fast(key, withOther, without)]).toEqual([p, undefined]);
      expect(await check(key, withOther, without)).toEqual(await check(key, {}, without));
    }
  });
});
