/**
 * The whole-lab variants (pulumi-lab, pulumi-lab-floor), in their own process: the program of examples/whole-lab
 * (`lab.OpenStackLab` fed from stack config) as the inline program of a stack through the real Pulumi CLI
 * (lib/pulumiStack.ts runCliVariant), with the config and environment of the world run.ts started for the run
 * (lib/labWorld.ts, the workload's `lab`), and the phases of the other Pulumi variants: `pulumi up` (create),
 * `pulumi up` again (noop: must change nothing), `pulumi preview --refresh` (read: must find no drift),
 * `pulumi destroy` (delete).
 *
 * The example is TypeScript: it is transpiled once, before the first phase, then run afresh by every command that
 * runs the program, with its `require`s resolved from its own folder (so `pulumi-openstack-lab` is this checkout's
 * bin/, and @pulumi/pulumi the one the library and the Automation API use); its exports are the stack's outputs,
 * as a language host makes them.
 *
 * `floor`: before the program first runs, every provider the library's classes hand to `pulumi.dynamic.Resource`
 * (sdk/providers.ts) is replaced by lib/doNothing.ts's. The program is the same, so are the resources: their
 * count, names, types, inputs, dependencies and the OpenStackLab component; only what the plugin runs for them
 * does nothing (nothing of the library's provider side is loaded).
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import type * as automation from "@pulumi/pulumi/automation";
import { loadWorkload } from "./child";
import { benchCloud } from "./cloud";
import { doNothingProvider } from "./doNothing";
import { runCliVariant } from "./pulumiStack";

/** The VM root's password the program is given (the guest's sshd takes the key; nothing checks it). */
const ROOT_PASSWORD = "Lab-root-pw-1";

/** examples/whole-lab/index.ts as a function that runs it once and returns its exports. */
function exampleProgram(repo: string): () => Record<string, unknown> {
  const file = path.join(repo, "examples", "whole-lab", "index.ts");
  const ts: typeof import("typescript") = require(require.resolve("typescript", { paths: [repo] }));
  const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  }).outputText;
  const body = new Function("exports", "require", "module", "__filename", "__dirname", js);
  const requireHere = createRequire(file);
  return () => {
    const module = { exports: {} as Record<string, unknown> };
    body(module.exports, requireHere, module, file, path.dirname(file));
    return module.exports;
  };
}

/** Every provider of the library's classes replaced by the do-nothing one (the floor); fails if one cannot be. */
function doNothingProviders(repo: string): void {
  const requireHere = createRequire(path.join(repo, "examples", "whole-lab", "index.ts"));
  const { providers } = requireHere("pulumi-openstack-lab/sdk/providers") as { providers: Record<string, unknown> };
  for (const key of Object.keys(providers)) providers[key] = doNothingProvider;
  const kept = Object.keys(providers).filter((k) => providers[k] !== doNothingProvider);
  if (!Object.keys(providers).length || kept.length) throw new Error(`the floor could not replace the providers of ${kept.join(", ") || "(none found)"}`);
}

export async function runLabVariant(o: { floor: boolean }): Promise<void> {
  const lab = loadWorkload().lab;
  const repo = process.env.OSLAB_BENCH_REPO;
  if (!lab || !repo) throw new Error("the workload has no lab part, or OSLAB_BENCH_REPO is not set (run.ts makes them for the lab variants)");
  const program = exampleProgram(repo);
  if (o.floor) doNothingProviders(repo);
  const config: automation.ConfigMap = {
    ...Object.fromEntries(Object.entries(lab.config).map(([k, value]) => [k, { value }])),
    rootPassword: { value: ROOT_PASSWORD, secret: true },
    // Packstack's keystonerc (the stand-in writes the answer file's password) must authenticate against the cloud
    adminPassword: { value: benchCloud().password, secret: true },
  };
  await runCliVariant({
    // the example's project name (its Pulumi.yaml), for both: the same URNs
    projectName: "whole-lab",
    programModules: null,
    program: async () => program(),
    config,
    env: lab.env,
    phases: ["create", "noop", "read", "delete"],
  });
}
