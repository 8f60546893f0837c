/**
 * One OpenTofu configuration through OpenTofu and terraform-provider-openstack, both built by scripts/tofu.sh
 * (BENCH_TOFU_DIR names its folder), for variants "tofu" and "tofu-instance". Every command is what a user types:
 * `tofu init` (setup: the provider comes from the folder's filesystem mirror, nothing is downloaded), `tofu apply`
 * (create), with `noop` `tofu apply` again (it refreshes every resource first, as tofu always does, and must change
 * nothing), `tofu plan -detailed-exitcode` (read: it refreshes every resource; exit code 2 = changes found, which
 * fails the run), `tofu destroy` (delete). Parallelism is tofu's default (10).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runPhases } from "./child";
import { benchCloud, osEnv } from "./cloud";
import { CommandRun, runCommand } from "./command";

export async function runTofuVariant(o: { name: string; config: (providerVersion: string) => string; noop: boolean }): Promise<void> {
  const tools = process.env.BENCH_TOFU_DIR;
  if (!tools) throw new Error("BENCH_TOFU_DIR is not set (run.ts sets it from scripts/tofu.sh)");
  const versions = fs.readdirSync(path.join(tools, "plugins/registry.opentofu.org/terraform-provider-openstack/openstack"));
  if (versions.length !== 1) throw new Error(`expected one provider version in ${tools}/plugins, found ${versions.join(", ") || "none"}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oslab-bench-${o.name}-`));
  fs.writeFileSync(path.join(dir, "main.tf"), o.config(versions[0]));
  const env: NodeJS.ProcessEnv = {
    ...osEnv(benchCloud()),
    TF_CLI_CONFIG_FILE: path.join(tools, "tofu.rc"),
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    TF_DATA_DIR: path.join(dir, ".terraform"),
  };
  const commands: Array<{ command: string; ms: number; summary: string }> = [];
  const tofu = async (args: string[], okExitCodes?: number[]): Promise<CommandRun> => {
    const run = await runCommand(path.join(tools, "tofu"), [...args, "-input=false", "-no-color"], { cwd: dir, env, okExitCodes });
    const summary = run.stdout.split("\n").filter((l) => /^(Apply complete|Destroy complete|No changes|Plan:|OpenTofu has been successfully initialized)/.test(l.trim()));
    commands.push({ command: `tofu ${args.join(" ")}`, ms: run.ms, summary: summary.join(" ").trim() });
    return run;
  };
  const details: Record<string, unknown> = { providerVersion: versions[0], commands };
  let applied = false;
  const noop = async () => {
    const again = await tofu(["apply", "-auto-approve"]);
    if (!/No changes|0 added, 0 changed, 0 destroyed/.test(again.stdout)) throw new Error(`the second tofu apply changed something:\n${again.stdout.slice(-3000)}`);
    return again.ms;
  };
  const read = async () => {
    const plan = await tofu(["plan", "-detailed-exitcode"], [0, 2]);
    if (plan.exitCode === 2) throw new Error(`tofu plan after apply is not a no-op:\n${plan.stdout.slice(-3000)}`);
    return plan.ms;
  };
  const create = async () => {
    applied = true;
    return (await tofu(["apply", "-auto-approve"])).ms;
  };
  const destroy = async () => {
    const ms = (await tofu(["destroy", "-auto-approve"])).ms;
    applied = false;
    return ms;
  };
  await runPhases(
    [["setup", async () => (await tofu(["init"])).ms], ["create", create], ...(o.noop ? [["noop", noop] as ["noop", () => Promise<number>]] : []), ["read", read], ["delete", destroy]],
    async () => {
      if (applied) await tofu(["destroy", "-auto-approve"]);
    },
    details,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}
