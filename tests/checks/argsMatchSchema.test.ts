/**
 * The resources' Args come from their specs (sdk/resource.ts ArgsOf; tests/checks/specFixture.test.ts). The nested
 * shapes the sdk declares from provider-side types (CloudConfig, AdoptInput, ConnectionArgs, PortForward, ...) are
 * not built from the zod schemas: this reads them with the TypeScript compiler and compares their keys with the
 * schemas' keys, so the two cannot disagree.
 */
import * as path from "path";
import * as ts from "typescript";
import * as z from "zod";
import { objectKeysAt } from "../../provider/core/schemaShape";
import { MODULES } from "./controllers";

const SDK = path.resolve(__dirname, "../../sdk");
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

let checker: ts.TypeChecker;
let program: ts.Program;
beforeAll(() => {
  const files = [...new Set(NESTED.map((n) => path.join(SDK, n[2])))];
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

test.each(NESTED)("%s %j: the sdk's nested Args keys are the schema's", (key, at, file, iface) => {
  expect(argsKeys(file, iface)).toEqual(schemaKeys(key, at));
});
