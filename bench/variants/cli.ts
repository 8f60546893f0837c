/**
 * Variant "cli": the `openstack` commands a learner types, one process per command, one after another (every
 * command authenticates again: that is what the CLI costs). Every rule is its own `security group rule create`.
 * Per-command wall times are kept so run.ts can scale a shortened rule list (BENCH_CLI_RULES) and say so.
 */
import { execFile } from "child_process";
import { loadWorkload, runCrud, variantMain } from "../lib/child";
import { benchCloud, osEnv } from "../lib/cloud";
import type { Rule } from "../workload";

let env: NodeJS.ProcessEnv = {};
const commands: Array<{ args: string[]; ms: number; kind: string }> = [];

function openstack(kind: string, args: string[]): Promise<string> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/openstack", args, { env, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      commands.push({ args, kind, ms: Number(process.hrtime.bigint() - start) / 1e6 });
      if (err) reject(new Error(`openstack ${args.join(" ")}: ${String(stderr).trim() || err.message}`));
      else resolve(String(stdout).trim());
    });
  });
}

function ruleArgs(groupId: string, r: Rule): string[] {
  const args = ["security", "group", "rule", "create", `--${r.direction}`, "--ethertype", r.ethertype, "--protocol", r.protocol, "--remote-ip", r.remoteIpPrefix];
  if (r.portMin !== null) args.push("--dst-port", `${r.portMin}:${r.portMax ?? r.portMin}`);
  return [...args, groupId, "-f", "value", "-c", "id"];
}

async function main(): Promise<void> {
  env = osEnv(benchCloud());
  const w = loadWorkload();
  const ids: { network?: string; subnet?: string; seedGroup?: string; rulesGroup?: string; seedRules: string[] } = { seedRules: [] };
  const details: Record<string, unknown> = { commands };

  const create = async () => {
    ids.network = await openstack("create", [
      "network", "create", w.network.name,
      "--provider-network-type", "flat", "--provider-physical-network", w.network.physnet, "--external",
      "-f", "value", "-c", "id",
    ]);
    ids.subnet = await openstack("create", [
      "subnet", "create", w.subnet.name, "--network", ids.network, "--no-dhcp",
      "--allocation-pool", `start=${w.subnet.pool.start},end=${w.subnet.pool.end}`,
      "--gateway", w.subnet.gatewayIp, "--subnet-range", w.subnet.cidr,
      "-f", "value", "-c", "id",
    ]);
    ids.seedGroup = await openstack("create", ["security", "group", "create", w.seedGroup, "-f", "value", "-c", "id"]);
    for (const r of w.seedRules) ids.seedRules.push(await openstack("create", ruleArgs(ids.seedGroup, r)));
    ids.rulesGroup = await openstack("create", ["security", "group", "create", w.rulesGroup, "-f", "value", "-c", "id"]);
    for (const r of w.rules) await openstack("rule", ruleArgs(ids.rulesGroup, r));
  };

  const read = async () => {
    await openstack("read", ["network", "show", ids.network as string, "-f", "json"]);
    await openstack("read", ["subnet", "show", ids.subnet as string, "-f", "json"]);
    await openstack("read", ["security", "group", "show", ids.seedGroup as string, "-f", "json"]);
    for (const id of ids.seedRules) await openstack("read", ["security", "group", "rule", "show", id, "-f", "json"]);
    const g = JSON.parse(await openstack("read", ["security", "group", "show", ids.rulesGroup as string, "-f", "json"]));
    details.rulesRead = (g.rules ?? []).length;
  };

  const remove = async () => {
    if (ids.subnet) await openstack("delete", ["subnet", "delete", ids.subnet]);
    ids.subnet = undefined;
    if (ids.network) await openstack("delete", ["network", "delete", ids.network]);
    ids.network = undefined;
    const groups = [ids.seedGroup, ids.rulesGroup].filter((g): g is string => !!g);
    if (groups.length) await openstack("delete", ["security", "group", "delete", ...groups]);
    ids.seedGroup = ids.rulesGroup = undefined;
  };

  await runCrud({ create, read, remove }, details);
}

variantMain(main);
