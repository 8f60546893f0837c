/**
 * A resource without a spec (provider/<dir>/spec.ts) has its input shape written twice: the sdk's Args interface and
 * the provider's zod schema (a resource with a spec has both from it: tests/checks/specFixture.test.ts). This
 * reads the Args interfaces with the TypeScript compiler and compares their keys with the schemas' keys, so the
 * two cannot disagree (customTimeouts is a resource option, passed by LabResource, not an Args field).
 */
import * as path from "path";
import * as ts from "typescript";
import * as z from "zod";
import { objectKeysAt } from "../../provider/core/schemaShape";
import { REGISTRY } from "../../provider/registry";
import { MODULES } from "./controllers";

const SDK = path.resolve(__dirname, "../../sdk");
const ARGS: Record<string, [file: string, iface: string]> = {
  "lab.PackstackInstall": ["lab/packstackInstall.ts", "PackstackInstallArgs"],
};
/** Nested shapes written twice as well: [resource, path in the schema, sdk file, interface]. */
const NESTED: Array<[string, string[], string, string]> = [
  ["openstack.Network", ["cloud"], "openstack/cloud.ts", "CloudArgs"],
  ["openstack.Network", ["adopt"], "openstack/cloud.ts", "AdoptArgs"],
  ["lab.HostPrep", ["connection"], "lab/connection.ts", "ConnectionArgs"],
  ["virtualbox.NatNetwork", ["portForwards", "0"], "virtualbox/natNetwork.ts", "PortForwardArgs"],
  ["openstack.Subnet", ["allocationPools", "0"], "openstack/subnet.ts", "AllocationPoolArgs"],
  ["openstack.Subnet", ["hostRoutes", "0"], "openstack/subnet.ts", "HostRouteArgs"],
  ["openstack.Server", ["networks", "0"], "openstack/server.ts", "ServerNetworkArgs"],
];

/** Schema keys that are not inputs: PackstackInstall's `healthy` is the output the diff compares (always true wanted). */
const SCHEMA_ONLY: Record<string, string[]> = { "lab.PackstackInstall": ["healthy"] };

let checker: ts.TypeChecker;
let program: ts.Program;
beforeAll(() => {
  const files = [...new Set([...Object.values(ARGS), ...NESTED.map((n) => [n[2], n[3]])].map(([f]) => path.join(SDK, f)))];
  program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
  checker = program.getTypeChecker();
}, 120_000);

function argsKeys(file: string, name: string): string[] {
  const source = program.getSourceFile(path.join(SDK, file));
  if (!source) throw new Error(`no ${file}`);
  let found: ts.InterfaceDeclaration | undefined;
  source.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === name) found = n;
  });
  if (!found) throw new Error(`no interface ${name} in ${file}`);
  return checker.getPropertiesOfType(checker.getTypeAtLocation(found)).map((p) => p.getName()).sort();
}

const schemaKeys = (key: string, at: string[] = []) =>
  objectKeysAt(MODULES[key].controller.schema(z) as never, at.map((p) => (/^\d+$/.test(p) ? Number(p) : p))).sort();

test("every resource is either here or has a spec (provider/registry.ts)", () => {
  const withoutSpec = Object.entries(REGISTRY).filter(([, r]) => !("spec" in r && r.spec)).map(([k]) => k);
  expect(Object.keys(ARGS).sort()).toEqual(withoutSpec.sort());
});

test.each(Object.entries(ARGS))("%s: the sdk Args keys are the schema's keys", (key, [file, iface]) => {
  const schema = schemaKeys(key).filter((k) => k !== "customTimeouts" && !(SCHEMA_ONLY[key] ?? []).includes(k));
  expect(argsKeys(file, iface)).toEqual(schema);
});

test.each(NESTED)("%s %j: the sdk's nested Args keys are the schema's", (key, at, file, iface) => {
  expect(argsKeys(file, iface)).toEqual(schemaKeys(key, at));
});
