/**
 * Node's compile cache through the real CLI and the real dynamic-provider plugin, with the NODE_COMPILE_CACHE the
 * lab's CLI gives the Pulumi CLI (cli/stack.ts cliEnv: `<state>/node-compile-cache`): after one preview the
 * folder holds what the plugin compiled, from its first module (@pulumi/pulumi's dynamic-provider entry, which
 * only the plugin runs) to the resource's controller, although the engine ends the plugin with a signal (our
 * calls write the cache: provider/controllers.ts); and with a folder that cannot be made the preview runs as
 * before. No request is sent (a preview only checks).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cliEnv } from "../../cli/stack";
import { cachesModule } from "../support/compileCache";
import { CliStack } from "../support/pulumiCli";

const REPO = path.resolve(__dirname, "..", "..");
const PLUGIN_MAIN = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [REPO] });
const CONTROLLER = path.join(REPO, "bin", "provider", "openstack", "securitygroup", "controller.js");

const PROGRAM = path.join(__dirname, "fixtures", "compile-cache-stack");
const CLOUD = { authUrl: "http://127.0.0.1:9/v3", username: "nobody", password: "not-used", projectName: "none", userDomainName: "Default", projectDomainName: "Default" };

const stacks: CliStack[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-compile-cache-cli-"));
afterAll(() => {
  stacks.forEach((s) => s.dispose());
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function preview(env: Record<string, string>) {
  const stack = new CliStack({ programDir: PROGRAM, secretConfig: { cloud: JSON.stringify(CLOUD) }, env });
  stacks.push(stack);
  const run = await stack.run("preview");
  return { stack, run };
}

test("the lab's CLI environment: the folder under the state folder, the plugin's whole load cached after a preview", async () => {
  const stateDir = "/lab/.pulumi-state";
  const env = cliEnv({ repoRoot: "/lab", stateDir, passphraseFile: "", keyPath: "", durationsFile: "", stack: "lab", mainFile: "" }, {}, {}, "linux");
  expect(env.NODE_COMPILE_CACHE).toBe("/lab/.pulumi-state/node-compile-cache");

  const cache = path.join(tmp, "node-compile-cache");
  const { run } = await preview({ NODE_COMPILE_CACHE: cache });
  expect(run.ok).toBe(true);
  expect(run.ops()).toEqual({ group: "create" });
  expect(cachesModule(cache, PLUGIN_MAIN)).toBe(true);
  expect(cachesModule(cache, CONTROLLER)).toBe(true);
});

test("a cache folder that cannot be made (a file in its way): the preview runs and checks as before", async () => {
  const file = path.join(tmp, "a-file");
  fs.writeFileSync(file, "");
  const { run } = await preview({ NODE_COMPILE_CACHE: path.join(file, "node-compile-cache") });
  expect(run.ok).toBe(true);
  expect(run.ops()).toEqual({ group: "create" });
});
