/**
 * The README tables come from the code: README.md's resource table (from the controllers, which take replaceOn and
 * the secrets from their specs) and each provider/<dir>/README.md's inputs/outputs tables (from its spec.ts) are
 * rendered from the TypeScript sources with scripts/gen-resource-docs.js; this fails when a README differs
 * (regenerate with `npx tsc -p tsconfig.json && node scripts/gen-resource-docs.js`). The sdk classes state no
 * replace fields of their own any more: their docs are the spec's.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as z from "zod";
import { REGISTRY } from "../../provider/registry";
import { MODULES } from "./controllers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const docs = require("../../scripts/gen-resource-docs.js");
const ROOT = path.resolve(__dirname, "../..");
const load = (key: string) => MODULES[key];

test("README.md's resource table is the one the controllers generate, with every resource", () => {
  const table = docs.renderTable(docs.entriesFrom(REGISTRY, load, z));
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(docs.tableIn(readme)).toEqual(table);
  for (const key of Object.keys(REGISTRY)) expect(table).toContain(`| \`${key}\` |`);
});

const withSpec = Object.entries(REGISTRY).filter(([, r]) => "spec" in r && r.spec);
test.each(withSpec)("%s: its README's inputs and outputs tables are the ones its spec generates", (key, r) => {
  const region = (docs.specRegions({ [key]: r }, load, z, ts) as Array<{ file: string; region: string }>)[0];
  const readme = fs.readFileSync(region.file, "utf8");
  expect(docs.regionIn(readme, docs.SPEC_BEGIN, docs.SPEC_END)).toEqual(region.region);
});

test.each(withSpec)("%s: every input and output in its spec has a doc line", (_key, r) => {
  const d = docs.specDocs(path.join(ROOT, "provider", r.dir, "spec.ts"), ts);
  const spec = (r as { spec: { inputs: object } }).spec;
  const undocumented = Object.keys(spec.inputs).filter((k) => k !== "customTimeouts" && !d.inputs[k]);
  expect(undocumented).toEqual([]);
});
