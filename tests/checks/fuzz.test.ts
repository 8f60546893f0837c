/**
 * Property-based fuzzing (fast-check) of every resource's check() and diff(): thousands of inputs per resource,
 * made from the corpus's good inputs with fields replaced, added or removed (any JSON value, line separators,
 * "@@VBOX_" placeholders, unknowns, prototype names), with a secret planted where secrets go. check() and diff()
 * never throw, always answer in the documented shape, and no failure reason holds the secret.
 */
import * as fc from "fast-check";
import { UNKNOWN } from "../../provider/core/unknowns";
import { Inputs, ResourceCorpus } from "./cases/corpus";
import { hostPrep, packstack } from "./cases/lab";
import { OPENSTACK } from "./cases/openstack";
import { COMPUTE } from "./cases/compute";
import { VIRTUALBOX } from "./cases/virtualbox";
import { MODULES } from "./controllers";

const SECRET = "Fuzz-Pl4nted-s3cret";
/** `npm test` runs 2000 inputs per property (OSLAB_FUZZ_RUNS, scripts/test.sh); the fast tier alone, 300. */
const RUNS = Number(process.env.OSLAB_FUZZ_RUNS) || 300;

/** Where each resource keeps its secrets: the planted secret goes there. */
function plant(key: string, inputs: Inputs): Inputs {
  const out = { ...inputs };
  if (key.startsWith("openstack.")) out.cloud = { authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: SECRET, projectName: "admin" };
  if (key.startsWith("lab.")) out.connection = { host: "127.0.0.1", port: 1, password: SECRET };
  if (key === "lab.PackstackInstall") out.extraAnswers = { ...(typeof out.extraAnswers === "object" ? (out.extraAnswers as object) : {}), CONFIG_MARIADB_PW: SECRET };
  if (key === "virtualbox.VirtualMachine" && typeof out.unattended === "object" && out.unattended) out.unattended = { ...(out.unattended as object), rootPassword: SECRET };
  return out;
}

const tricky = fc.constantFrom(
  UNKNOWN, "", " ", "..", "../x", "a\u2028b", "a\u2029b", "a\u0085b", "a\u000bb", "a\fb", "a\r\nb", "@@VBOX_INSERT_ROOT_PASSWORD_SH@@",
  "constructor", "__proto__", "toString", "default", "self", "0.0.0.0/0", "10.0.2.0/24", "10.0.2.1", "fd00::/64", -1, 0, 65536, 1e308, NaN,
  null, true, [], {}, [UNKNOWN], { start: "10.0.2.1", end: "10.0.2.2" },
);
const value = fc.oneof(tricky, fc.jsonValue(), fc.string({ unit: "grapheme", maxLength: 30 }), fc.integer());

function inputsFor(corpus: ResourceCorpus): fc.Arbitrary<Inputs> {
  const keys = [...new Set(corpus.good.flatMap((g) => Object.keys(g)).concat(Object.keys(corpus.base())))];
  const edit = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), value),
    fc.tuple(fc.constantFrom(...keys), fc.constant(undefined)),
    fc.tuple(fc.string({ maxLength: 12 }), value),
  );
  return fc.tuple(fc.constantFrom(...corpus.good, corpus.base()), fc.array(edit, { maxLength: 4 }), fc.boolean()).map(([good, edits, secret]) => {
    const inputs: Inputs = JSON.parse(JSON.stringify(good));
    for (const [k, v] of edits) inputs[k] = v;
    return secret ? plant(corpus.key, inputs) : inputs;
  });
}

const CORPORA: ResourceCorpus[] = [...OPENSTACK, ...COMPUTE, ...VIRTUALBOX, hostPrep(1), packstack(1)];

describe.each(CORPORA.map((c) => [c.key, c] as const))("%s", (key, corpus) => {
  const p = MODULES[key].provider;

  test(`check() of ${RUNS} generated inputs: no exception, failures name a property, no secret echoed`, async () => {
    await fc.assert(
      fc.asyncProperty(inputsFor(corpus), async (inputs) => {
        const r = await p.check({}, inputs);
        expect(typeof r.inputs).toBe("object");
        for (const f of r.failures ?? []) {
          expect(typeof f.property).toBe("string");
          expect(f.reason.startsWith(f.property === "(inputs)" ? "inputs" : f.property)).toBe(true);
        }
        expect(JSON.stringify(r.failures ?? [])).not.toContain(SECRET);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  test(`diff() of ${RUNS} generated pairs: no exception, the documented answer`, async () => {
    await fc.assert(
      fc.asyncProperty(inputsFor(corpus), inputsFor(corpus), async (olds, news) => {
        const d = await p.diff("id", olds, news);
        expect(typeof d.changes).toBe("boolean");
        expect(Array.isArray(d.replaces)).toBe(true);
        if (d.replaces.length) expect(d.changes).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
