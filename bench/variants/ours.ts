/**
 * Variant "ours": this library's providers from the build (bin/), called the way the dynamic-provider plugin calls
 * them: check -> create for every resource (in dependency order, one at a time), read for each, delete in reverse.
 * A fresh process, so its client cache starts empty and "one token per process" is measured, not assumed.
 * The HTTP trace (OSLAB_HTTP_TRACE, set by run.ts) counts the requests of each phase and of each read.
 */
import * as fs from "fs";
import * as path from "path";
import { loadWorkload, runPhases } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import type { Rule } from "../workload";

type Key =
  | "openstack.Network"
  | "openstack.Subnet"
  | "openstack.SecurityGroup"
  | "openstack.SecurityGroupRule"
  | "openstack.SecurityGroupRuleSet";

interface Shim {
  check(olds: any, news: any): Promise<{ inputs: any; failures?: Array<{ property: string; reason: string }> }>;
  create(inputs: any): Promise<{ id: string; outs: any }>;
  read(id: string, props: any): Promise<{ id?: string; props?: any }>;
  delete(id: string, props: any): Promise<void>;
}

interface Made {
  key: Key;
  id: string;
  outs: any;
}

function traceLines(): number {
  const file = process.env.OSLAB_HTTP_TRACE;
  if (!file || !fs.existsSync(file)) return 0;
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).length;
}

function ruleInputs(r: Rule) {
  const out: Record<string, unknown> = { direction: r.direction, ethertype: r.ethertype, protocol: r.protocol, remoteIpPrefix: r.remoteIpPrefix };
  if (r.portMin !== null) out.portRangeMin = r.portMin;
  if (r.portMax !== null) out.portRangeMax = r.portMax;
  return out;
}

async function main(): Promise<void> {
  const repo = process.env.OSLAB_BENCH_REPO;
  if (!repo) throw new Error("OSLAB_BENCH_REPO is not set");
  const w = loadWorkload();
  const cloud = benchCloud();
  // Loading the providers is part of what the plugin does on its first call, so it is part of "create".
  let providers: Record<Key, Shim>;
  const made: Made[] = [];
  const details: Record<string, unknown> = {};

  const up = async (key: Key, news: Record<string, unknown>): Promise<Made> => {
    const p = providers[key];
    const checked = await p.check({}, { ...news, cloud });
    if (checked.failures?.length) throw new Error(`${key} check: ${checked.failures.map((f) => f.reason).join("; ")}`);
    const { id, outs } = await p.create(checked.inputs);
    const m = { key, id, outs };
    made.push(m);
    return m;
  };

  const create = async () => {
    const loadStart = process.hrtime.bigint();
    providers = require(path.join(repo, "bin/sdk/providers")).providers;
    // The shims load each implementation (zod, axios, the client) on their first call; time that apart too.
    await providers["openstack.Network"].check({}, {});
    details.loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const before = traceLines();
    const net = await up("openstack.Network", { name: w.network.name, external: true, providerNetworkType: "flat", providerPhysicalNetwork: w.network.physnet });
    await up("openstack.Subnet", {
      name: w.subnet.name,
      networkId: net.id,
      cidr: w.subnet.cidr,
      ipVersion: 4,
      gatewayIp: w.subnet.gatewayIp,
      enableDhcp: false,
      allocationPools: [w.subnet.pool],
    });
    const seed = await up("openstack.SecurityGroup", { name: w.seedGroup });
    for (const r of w.seedRules) await up("openstack.SecurityGroupRule", { securityGroup: seed.id, ...ruleInputs(r) });
    const group = await up("openstack.SecurityGroup", { name: w.rulesGroup });
    await up("openstack.SecurityGroupRuleSet", { securityGroup: group.id, rules: w.rules.map(ruleInputs) });
    details.createRequests = traceLines() - before;
  };

  const read = async () => {
    const perRead: Array<{ resource: Key; requests: number }> = [];
    for (const m of made) {
      const before = traceLines();
      const r = await providers[m.key].read(m.id, m.outs);
      perRead.push({ resource: m.key, requests: traceLines() - before });
      if (r.id !== m.id) throw new Error(`${m.key} ${m.id}: read found nothing`);
      if (m.key === "openstack.SecurityGroupRuleSet") details.rulesRead = r.props.rules.length;
    }
    details.perRead = perRead;
  };

  const remove = async () => {
    const before = traceLines();
    while (made.length) {
      const m = made[made.length - 1];
      await providers[m.key].delete(m.id, m.outs);
      made.pop();
    }
    details.deleteRequests = traceLines() - before;
  };

  await runPhases(
    [
      ["create", create],
      ["read", read],
      ["delete", remove],
    ],
    remove,
    details,
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
