/** `npm run lab -- config set`: keys from the program (did you mean), values of their type, secrets by name, paths absolute. */
import * as os from "os";
import * as path from "path";
import { checkValue, ConfigError, findKey, keysOfProgram, labKeys } from "../../cli/configKeys";
import { labPaths } from "../../cli/paths";

const keys = labKeys(labPaths({}).mainFile);
const key = (k: string) => findKey(keys, k);

test("the keys are the program's config reads, typed by the method, secrets by method or name", () => {
  expect(keysOfProgram(`config.getNumber("memoryMb"); config.requireSecret("adminPassword"); config.getObject<string[]>("dns"); config.get("vmName")`)).toEqual([
    { key: "memoryMb", type: "number", secret: false, path: false },
    { key: "adminPassword", type: "secret", secret: true, path: false },
    { key: "dns", type: "object", secret: false, path: false },
    { key: "vmName", type: "string", secret: false, path: false },
  ]);
  expect(keysOfProgram(`config.get("apiToken"); config.get("sshPrivateKeyPath")`)).toMatchObject([{ key: "apiToken", secret: true }, { key: "sshPrivateKeyPath", secret: false, path: true }]);
  for (const k of ["memoryMb", "rootPassword", "adminPassword", "installerIso", "sshPrivateKeyPath", "natNetworkName", "installerIsoSha256"]) expect(keys.map((x) => x.key)).toContain(k);
  expect(key("rootPassword").secret).toBe(true);
  expect(key("adminPassword").secret).toBe(true);
  expect(key("memoryMb")).toMatchObject({ type: "number", secret: false });
});

test("an unknown key is refused with the nearest one", () => {
  expect(() => key("memroyMb")).toThrow(ConfigError);
  expect(() => key("memroyMb")).toThrow(/memroyMb is not a setting of the lab: did you mean memoryMb\?/);
  expect(() => key("adminpassword")).toThrow(/did you mean adminPassword\?/);
  expect(() => key("zzzzzzzz")).toThrow(/not a setting of the lab\nthe settings: .*memoryMb/);
});

test("values of the wrong type are refused at once, naming the key; numbers normalised", () => {
  expect(() => checkValue(key("memoryMb"), "lots")).toThrow(/memoryMb="lots" is not valid: a number is needed/);
  expect(() => checkValue(key("memoryMb"), "0")).toThrow(/whole number above 0/);
  expect(() => checkValue(key("sshPort"), "70000")).toThrow(/1 to 65535/);
  expect(() => checkValue(key("dns"), "8.8.8.8")).toThrow(/JSON is needed/);
  expect(() => checkValue(key("vmName"), "a\nb")).toThrow(/line break/);
  expect(() => checkValue(key("adminPassword"), "")).toThrow(/adminPassword=\[secret\] is not valid/);
  expect(checkValue(key("memoryMb"), "12288")).toBe("12288");
  expect(checkValue(key("dns"), '["8.8.8.8"]')).toBe('["8.8.8.8"]');
});

test("a path is resolved against the folder the user typed in (npm's INIT_CWD), ~ is home", () => {
  const env = { INIT_CWD: path.join(os.tmpdir(), "Jörg's #1 %20 labs") };
  expect(checkValue(key("installerIso"), "isos/CentOS.iso", env)).toBe(path.join(env.INIT_CWD, "isos", "CentOS.iso"));
  expect(checkValue(key("installerIso"), "~/Downloads/c.iso", env)).toBe(path.join(os.homedir(), "Downloads", "c.iso"));
  expect(checkValue(key("installerIso"), "/abs/c.iso", env)).toBe("/abs/c.iso");
});

test("the program's Config may have another name", () => {
  expect(keysOfProgram(`const cfg = new pulumi.Config();\nconst x = cfg.getNumber("cpus"); const m = new Map(); m.get("notAKey");`).map((k) => k.key)).toEqual(["cpus"]);
});
