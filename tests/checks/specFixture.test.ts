/**
 * Changing a field is one edit in one file (issue 16): a copy of openstack.Keypair's spec in a fixture, with its
 * `type` field changed in all four ways at once (its zod type takes "pgp" too, its doc line, replace -> in place,
 * secret), and what must follow does: the sdk Args type (a TypeScript program over the fixture: "pgp" compiles
 * and the property shows the new doc), the generated README table, and the provider's check() and diff() (the
 * Keypair controller with the fixture spec's facts). The same assertions against the real spec show the old
 * behaviour, so each can fail.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import * as z from "zod";
import { makeProvider } from "../../provider/core/controller";
import { isSecretWire } from "../../provider/core/secrets";
import { fromSpec, ResourceSpec } from "../../provider/core/spec";
import { controller } from "../../provider/openstack/keypair/controller";
import { spec as realSpec } from "../../provider/openstack/keypair/spec";
import { secretArgs } from "../../sdk/resource";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const docs = require("../../scripts/gen-resource-docs.js");
const ROOT = path.resolve(__dirname, "../..");
const SPEC_DIR = path.join(ROOT, "provider/openstack/keypair");
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0a2V5dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA lab@host";
const TYPE_FIELD = /\/\*\*(?:(?!\*\/)[^])*\*\/\s*\n\s*type: field\(\(z\) => z\.enum\(\["ssh", "x509"\]\), \{ default: "ssh", replace: true \}\),/;
const NEW_DOC = "The key's kind (fixture: pgp added, in place, secret).";

let dir: string;
let fixtureSpec: ResourceSpec;
const fixtureFile = () => path.join(dir, "spec.ts");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spec-fixture-"));
  const text = fs.readFileSync(path.join(SPEC_DIR, "spec.ts"), "utf8");
  expect(text).toMatch(TYPE_FIELD);
  const edited = text
    .replace(TYPE_FIELD, `/** ${NEW_DOC} */\n    type: field((z) => z.enum(["ssh", "x509", "pgp"]), { default: "ssh", secret: true }),`)
    .replace(/from "(\.[^"]*)"/g, (_m, p: string) => `from ${JSON.stringify(path.resolve(SPEC_DIR, p))}`);
  fs.writeFileSync(fixtureFile(), edited);
  const js = ts.transpileModule(edited, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  fs.writeFileSync(path.join(dir, "spec.js"), js);
  fixtureSpec = require(path.join(dir, "spec.js")).spec;
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the sdk Args type follows the spec", () => {
  /** Diagnostics of a program that gives `type: "pgp"` to the Args of `specModule`, and the doc of that property. */
  function compile(specModule: string): { errors: string[]; doc: string } {
    const file = path.join(dir, `use-${path.basename(path.dirname(specModule))}.ts`);
    fs.writeFileSync(
      file,
      [
        `import type { ArgsOf } from ${JSON.stringify(path.join(ROOT, "sdk/resource"))};`,
        `import { spec } from ${JSON.stringify(specModule)};`,
        `export const args: ArgsOf<typeof spec> = { name: "k", publicKey: "ssh-ed25519 AAAA", type: "pgp" };`,
      ].join("\n"),
    );
    const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, ignoreDeprecations: "6.0", esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ["node"] });
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    let doc = "";
    source.forEachChild((n) => {
      if (!ts.isVariableStatement(n)) return;
      const decl = n.declarationList.declarations[0];
      const prop = checker.getTypeAtLocation(decl.type!).getProperty("type");
      doc = prop ? ts.displayPartsToString(prop.getDocumentationComment(checker)) : "";
    });
    return { errors, doc };
  }

  test("the fixture's Args take the new value and show the new doc; the real spec's refuse it", () => {
    const fixture = compile(path.join(dir, "spec"));
    expect(fixture.errors).toEqual([]);
    expect(fixture.doc).toBe(NEW_DOC);
    const real = compile(path.join(SPEC_DIR, "spec"));
    expect(real.errors.join("\n")).toMatch(/"pgp"/);
    expect(real.doc).toBe("`ssh` or `x509`.");
  }, 120_000);
});

test("the sdk class wraps the field with pulumi.secret when the spec says secret", async () => {
  const wrapped = secretArgs(fixtureSpec, { name: "k", type: "pgp" });
  expect(pulumi.Output.isInstance(wrapped.type)).toBe(true);
  expect(await (wrapped.type as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
  expect(pulumi.Output.isInstance(wrapped.name)).toBe(false);
  expect(secretArgs(realSpec, { name: "k", type: "ssh" }).type).toBe("ssh");
});

describe("the generated docs follow the spec", () => {
  const row = (spec: ResourceSpec, file: string) => {
    const region: string = docs.renderSpecTables({ spec, controller: fromSpec(spec), docs: docs.specDocs(file, ts), z });
    return region.split("\n").find((l) => l.startsWith("| `type` |"));
  };
  test("the type row: values, change, secret and doc", () => {
    expect(row(fixtureSpec, fixtureFile())).toBe(`| \`type\` | "ssh" \\| "x509" \\| "pgp" | \`"ssh"\` | in place | secret | ${NEW_DOC} |`);
    expect(row(realSpec, path.join(SPEC_DIR, "spec.ts"))).toBe('| `type` | "ssh" \\| "x509" | `"ssh"` | **replace** |  | `ssh` or `x509`. |');
  });
});

describe("check() and diff() follow the spec", () => {
  const fixture = () => makeProvider({ ...controller, ...fromSpec(fixtureSpec) } as unknown as typeof controller);
  const real = makeProvider(controller);
  const inputs = { name: "k", publicKey: KEY, type: "pgp" };

  test("check: the new value passes and comes back secret; the real spec refuses it, naming the field", async () => {
    const ok = await fixture().check({}, inputs);
    expect(ok.failures).toBeUndefined();
    expect(isSecretWire(ok.inputs.type)).toBe(true);
    expect((ok.inputs.type as { value: unknown }).value).toBe("pgp");
    const bad = await real.check({}, inputs);
    expect(bad.failures?.map((f) => f.property)).toEqual(["type"]);
    const plain = await real.check({}, { ...inputs, type: "x509" });
    expect(plain.inputs.type).toBe("x509");
  });

  test("diff: a change of type updates in place with the fixture, replaces with the real spec", async () => {
    const olds = { name: "k", publicKey: KEY, type: "ssh" };
    const news = { ...olds, type: "x509" };
    expect(await fixture().diff("k", olds, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await real.diff("k", olds, news)).toEqual({ changes: true, replaces: ["type"], deleteBeforeReplace: true });
  });
});
