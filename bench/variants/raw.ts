/**
 * Variant "raw": the floor. The fewest requests the workload needs, written by hand on node:http: one token
 * (Keystone, its own connection), then every Neutron request on ONE keep-alive connection, strictly one after
 * another. Creates: network, subnet, seed group, its 2 rules, rules group, ONE bulk POST of the rules.
 * Reads: one GET per object. Deletes: subnet, network, both groups (a group's rules go with it).
 */
import { loadWorkload, runCrud, variantMain } from "../lib/child";
import { benchCloud } from "../lib/cloud";
import { authenticate, Neutron } from "../lib/rawHttp";
import type { Rule } from "../workload";

function ruleBody(groupId: string, r: Rule): Record<string, unknown> {
  const body: Record<string, unknown> = {
    security_group_id: groupId,
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: r.protocol,
    remote_ip_prefix: r.remoteIpPrefix,
  };
  if (r.portMin !== null) body.port_range_min = r.portMin;
  if (r.portMax !== null) body.port_range_max = r.portMax;
  return body;
}

async function main(): Promise<void> {
  const w = loadWorkload();
  const ids: { network?: string; subnet?: string; seedGroup?: string; rulesGroup?: string; seedRules: string[] } = { seedRules: [] };
  let neutron: Neutron | undefined;
  const details: Record<string, unknown> = {};

  const create = async () => {
    const session = await authenticate(benchCloud());
    details.tokens = 1;
    neutron = new Neutron(session);
    const n = neutron;
    const net = await n.ok("POST", "/v2.0/networks", {
      network: { name: w.network.name, "router:external": true, "provider:network_type": "flat", "provider:physical_network": w.network.physnet },
    });
    ids.network = net.network.id;
    const sub = await n.ok("POST", "/v2.0/subnets", {
      subnet: {
        network_id: ids.network,
        name: w.subnet.name,
        ip_version: 4,
        cidr: w.subnet.cidr,
        gateway_ip: w.subnet.gatewayIp,
        enable_dhcp: false,
        allocation_pools: [w.subnet.pool],
      },
    });
    ids.subnet = sub.subnet.id;
    ids.seedGroup = (await n.ok("POST", "/v2.0/security-groups", { security_group: { name: w.seedGroup } })).security_group.id;
    for (const r of w.seedRules) {
      const made = await n.ok("POST", "/v2.0/security-group-rules", { security_group_rule: ruleBody(ids.seedGroup as string, r) });
      ids.seedRules.push(made.security_group_rule.id);
    }
    ids.rulesGroup = (await n.ok("POST", "/v2.0/security-groups", { security_group: { name: w.rulesGroup } })).security_group.id;
    if (w.rules.length) {
      const made = await n.ok("POST", "/v2.0/security-group-rules", { security_group_rules: w.rules.map((r) => ruleBody(ids.rulesGroup as string, r)) });
      if (made.security_group_rules.length !== w.rules.length) throw new Error(`bulk create made ${made.security_group_rules.length} rules`);
    }
  };

  const read = async () => {
    const n = neutron as Neutron;
    await n.ok("GET", `/v2.0/networks/${ids.network}`);
    await n.ok("GET", `/v2.0/subnets/${ids.subnet}`);
    await n.ok("GET", `/v2.0/security-groups/${ids.seedGroup}`);
    for (const id of ids.seedRules) await n.ok("GET", `/v2.0/security-group-rules/${id}`);
    const g = await n.ok("GET", `/v2.0/security-groups/${ids.rulesGroup}`);
    details.rulesRead = g.security_group.security_group_rules.length;
  };

  const remove = async () => {
    const n = neutron as Neutron;
    if (ids.subnet) await n.ok("DELETE", `/v2.0/subnets/${ids.subnet}`);
    if (ids.network) await n.ok("DELETE", `/v2.0/networks/${ids.network}`);
    if (ids.seedGroup) await n.ok("DELETE", `/v2.0/security-groups/${ids.seedGroup}`);
    if (ids.rulesGroup) await n.ok("DELETE", `/v2.0/security-groups/${ids.rulesGroup}`);
    details.neutronRequests = n.requests;
    details.neutronConnections = n.connections;
  };

  await runCrud(
    {
      create,
      read,
      remove,
      cleanup: async () => {
        if (neutron) await remove();
      },
    },
    details,
  );
  neutron?.close();
}

variantMain(main);
