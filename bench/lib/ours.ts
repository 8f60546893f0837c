/**
 * The "ours" variants: this library's providers from the build (bin/), called the way the dynamic-provider plugin
 * calls them (check -> create, read, delete), over the workload as a stack of resources with their dependencies.
 * `sequential`: one resource at a time; `parallel`: scheduled as Pulumi's engine schedules a stack (lib/schedule.ts).
 * A fresh process, so its client cache starts empty and "one token per process" is measured, not assumed.
 * The HTTP trace (OSLAB_HTTP_TRACE, set by run.ts) counts the requests of each phase and of each read.
 */
import * as fs from "fs";
import * as path from "path";
import type { Rule, Workload } from "../workload";
import { loadWorkload, runCrud } from "./child";
import { benchCloud } from "./cloud";
import { backward, each, forward, Mode } from "./schedule";

export type Key = "openstack.Network" | "openstack.Subnet" | "openstack.SecurityGroup" | "openstack.SecurityGroupRule";

interface Shim {
  check(olds: any, news: any): Promise<{ inputs: any; failures?: Array<{ property: string; reason: string }> }>;
  create(inputs: any): Promise<{ id: string; outs: any }>;
  read(id: string, props: any): Promise<{ id?: string; props?: any }>;
  delete(id: string, props: any): Promise<void>;
}

export interface Resource {
  name: string;
  key: Key;
  deps: string[];
  /** Its inputs, given the ids of what it depends on (strings here, Pulumi outputs in a Pulumi program). */
  inputs<Id>(ids: Record<string, Id>): Record<string, unknown>;
}

function trace(): Array<{ method: string; path: string }> {
  const file = process.env.OSLAB_HTTP_TRACE;
  if (!file || !fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}
const traceLines = () => trace().length;

function ruleInputs(r: Rule) {
  const out: Record<string, unknown> = { direction: r.direction, ethertype: r.ethertype, protocol: r.protocol, remoteIpPrefix: r.remoteIpPrefix };
  if (r.portMin !== null) out.portRangeMin = r.portMin;
  if (r.portMax !== null) out.portRangeMax = r.portMax;
  return out;
}

/**
 * The workload as a Pulumi program declares it (lib/pulumiProgram.ts declares exactly this list): network -> subnet; the seed group and its two rules (one
 * SecurityGroupRule each, as the seed makes them); the 100-rule group with its rules inline (SecurityGroupRuleSet
 * is for the project's `default` group, which the benchmark does not touch).
 */
export function stack(w: Workload): Resource[] {
  return [
    { name: "net", key: "openstack.Network", deps: [], inputs: () => ({ name: w.network.name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: w.network.physnet }) },
    {
      name: "subnet",
      key: "openstack.Subnet",
      deps: ["net"],
      inputs: (ids) => ({ name: w.subnet.name, networkId: ids.net, cidr: w.subnet.cidr, ipVersion: 4, gatewayIp: w.subnet.gatewayIp, enableDhcp: false, allocationPools: [w.subnet.pool] }),
    },
    { name: "seed", key: "openstack.SecurityGroup", deps: [], inputs: () => ({ name: w.seedGroup }) },
    ...w.seedRules.map((r, i): Resource => ({ name: `seed-rule-${i}`, key: "openstack.SecurityGroupRule", deps: ["seed"], inputs: (ids) => ({ securityGroup: ids.seed, ...ruleInputs(r) }) })),
    { name: "rules", key: "openstack.SecurityGroup", deps: [], inputs: () => ({ name: w.rulesGroup, rules: w.rules.map(ruleInputs) }) },
  ];
}

export async function runOurs(mode: Mode): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  if (!repo) throw new Error("OSLAB_BENCH_REPO is not set");
  const w = loadWorkload();
  const cloud = benchCloud();
  const resources = stack(w);
  // Loading the providers is part of what the plugin does on its first call, so it is part of "create".
  let providers: Record<Key, Shim>;
  const made = new Map<string, { id: string; outs: any }>();
  const details: Record<string, unknown> = { mode };

  const ids = () => Object.fromEntries([...made].map(([name, m]) => [name, m.id]));

  const create = async () => {
    const loadStart = process.hrtime.bigint();
    providers = require(path.join(repo, "bin/sdk/providers")).providers;
    // The shims load each implementation (zod, axios, the client) on their first call; time that apart too.
    await providers["openstack.Network"].check({}, {});
    details.loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const before = traceLines();
    await forward(resources, mode, async (r) => {
      const p = providers[r.key];
      const checked = await p.check({}, { ...r.inputs(ids()), cloud });
      if (checked.failures?.length) throw new Error(`${r.key} ${r.name} check: ${checked.failures.map((f) => f.reason).join("; ")}`);
      made.set(r.name, await p.create(checked.inputs));
    });
    details.createRequests = traceLines() - before;
  };

  const read = async () => {
    const before = traceLines();
    const perRead: Array<{ resource: string; requests: number }> = [];
    await each(resources, mode, async (r) => {
      const m = made.get(r.name)!;
      const res = await providers[r.key].read(m.id, m.outs);
      if (res.id !== m.id) throw new Error(`${r.key} ${m.id}: read found nothing`);
      if (r.name === "rules") details.rulesRead = res.props.rules.length;
    });
    // Reads overlap in parallel mode, so each request is attributed by its URL (which holds the object's id).
    const lines = trace().slice(before);
    for (const r of resources) {
      const id = made.get(r.name)!.id;
      perRead.push({ resource: `${r.key} ${r.name}`, requests: lines.filter((l) => l.path.includes(id)).length });
    }
    details.readRequests = lines.length;
    details.perRead = perRead;
  };

  const remove = async () => {
    const before = traceLines();
    await backward(resources, mode, async (r) => {
      const m = made.get(r.name);
      if (!m) return;
      await providers[r.key].delete(m.id, m.outs);
      made.delete(r.name);
    });
    details.deleteRequests = traceLines() - before;
  };

  await runCrud({ create, read, remove }, details);
}
