/**
 * provider/registry.ts is the one list of resources: the controller module provider/controllers.ts loads for each
 * key is that resource's and is the one at `provider/<dir>/controller` (where earlier shims look for it), its
 * spec (where written) is that resource's and is the one the controller takes its facts from, and the sdk's
 * providers are exactly the registry's.
 */
import * as fs from "fs";
import * as path from "path";
import { CONTROLLERS, providerOf } from "../../provider/controllers";
import { REGISTRY } from "../../provider/registry";
import { providers } from "../../sdk/providers";
import { MODULES } from "./controllers";

const ROOT = path.resolve(__dirname, "../..");

test.each(Object.entries(REGISTRY))("%s: the controller module loaded for the key is the resource's, at its folder", async (key, r) => {
  const loaded = await CONTROLLERS[key as keyof typeof CONTROLLERS]();
  expect(loaded.controller.type).toBe(key);
  expect(loaded.provider).toBe(MODULES[key].provider);
  expect(await providerOf(key)).toBe(MODULES[key].provider);
  expect(typeof MODULES[key].provider.check).toBe("function");
  expect(fs.existsSync(path.join(ROOT, "provider", r.dir, "README.md"))).toBe(true);
});

test("the loaders are exactly the registry's keys, and an unknown key is an error naming it", async () => {
  expect(Object.keys(CONTROLLERS).sort()).toEqual(Object.keys(REGISTRY).sort());
  await expect(providerOf("openstack.Nothing")).rejects.toThrow(/"openstack\.Nothing"/);
  await expect(providerOf("toString")).rejects.toThrow(/"toString"/);
});

test.each(Object.entries(REGISTRY).filter(([, r]) => "spec" in r && r.spec))("%s: the spec is the resource's and its controller's", (key, r) => {
  const spec = (r as { spec: { key: string } }).spec;
  expect(spec.key).toBe(key);
  const { controller } = MODULES[key];
  const inputs = REGISTRY[key as keyof typeof REGISTRY].spec!.inputs;
  const replaceOn = controller.replaceOn ?? [];
  // Every field the spec says replaces does; a field the controller adds is no input (Image's fileHash, set by check).
  expect(replaceOn.filter((k) => k in inputs)).toEqual(Object.keys(inputs).filter((k) => inputs[k].replace));
  expect([...(controller.secretInputs ?? [])].sort()).toEqual(Object.keys(inputs).filter((k) => inputs[k].secret).sort());
});

test("every resource has a spec", () => {
  expect(Object.entries(REGISTRY).filter(([, r]) => !("spec" in r && r.spec)).map(([k]) => k)).toEqual([]);
});

test("the sdk's providers are the registry's resources", () => {
  expect(Object.keys(providers).sort()).toEqual(Object.keys(REGISTRY).sort());
});
