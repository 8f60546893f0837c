/**
 * The README's resource table and the sdk's "Replace:" doc lines come from the controllers: this renders the table
 * from the TypeScript sources with scripts/gen-resource-docs.js and fails when README.md differs (regenerate with
 * `node scripts/gen-resource-docs.js`), and compares every "Replace: ..." line of sdk/ with replaceOn/replaceIf.
 */
import * as fs from "fs";
import * as path from "path";
import * as z from "zod";
import { MODULES } from "./controllers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const docs = require("../../scripts/gen-resource-docs.js");
const ROOT = path.resolve(__dirname, "../..");
const SDK_FILES: Record<string, string> = {
  "openstack.Network": "sdk/openstack/network.ts",
  "openstack.Subnet": "sdk/openstack/subnet.ts",
  "virtualbox.NatNetwork": "sdk/virtualbox/natNetwork.ts",
  "virtualbox.VirtualMachine": "sdk/virtualbox/virtualMachine.ts",
  "virtualbox.Snapshot": "sdk/virtualbox/snapshot.ts",
};

test("README.md's resource table is the one the controllers generate", () => {
  const keyOf = (dir: string) => (docs.RESOURCES as Array<[string, string, string]>).find((r) => r[1] === dir)![0];
  const table = docs.renderTable(docs.entriesFrom((dir: string) => MODULES[keyOf(dir)], z));
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(docs.tableIn(readme)).toEqual(table);
});

test("every resource is in the table", () => {
  expect((docs.RESOURCES as Array<[string]>).map((r) => r[0]).sort()).toEqual(Object.keys(MODULES).sort());
});

test.each(Object.entries(SDK_FILES))("%s: the sdk's Replace: line lists what the controller replaces on", (key, file) => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/\n\s*\*\s*/g, " ");
  const m = /Replace: (.*?)\. In place/.exec(text);
  expect(m).not.toBeNull();
  const listed = m![1].split(/,\s*/).map((s) => s.replace(/\s*\(.*\)$/, "").trim()).sort();
  const { controller } = MODULES[key];
  expect(listed).toEqual([...(controller.replaceOn ?? []), ...Object.keys(controller.replaceIf ?? {})].sort());
});
