/**
 * The workload as the OpenTofu configuration a user of terraform-provider-openstack writes: one resource per
 * object, every rule an `openstack_networking_secgroup_rule_v2` (the provider has no bulk rule resource), the
 * rules listed in `locals` and expanded with `count`. Credentials come from the OS_* variables, as the provider
 * reads them. Values are written with JSON quoting, which HCL string literals accept for these names.
 */
import type { Rule, Workload } from "../workload";

export const PROVIDER_SOURCE = "terraform-provider-openstack/openstack";

const str = (s: string) => JSON.stringify(s);

function ruleObject(r: Rule): string {
  const fields = [
    `direction = ${str(r.direction)}`,
    `ethertype = ${str(r.ethertype)}`,
    `protocol = ${str(r.protocol)}`,
    `remote_ip_prefix = ${str(r.remoteIpPrefix)}`,
    `port_range_min = ${r.portMin ?? "null"}`,
    `port_range_max = ${r.portMax ?? "null"}`,
  ];
  return `    { ${fields.join(", ")} },`;
}

function ruleResource(name: string, list: string, group: string): string {
  return `resource "openstack_networking_secgroup_rule_v2" ${str(name)} {
  count             = length(local.${list})
  security_group_id = openstack_networking_secgroup_v2.${group}.id
  direction         = local.${list}[count.index].direction
  ethertype         = local.${list}[count.index].ethertype
  protocol          = local.${list}[count.index].protocol
  remote_ip_prefix  = local.${list}[count.index].remote_ip_prefix
  port_range_min    = local.${list}[count.index].port_range_min
  port_range_max    = local.${list}[count.index].port_range_max
}
`;
}

/** The `terraform` block pinning the provider to `providerVersion`, and the provider (credentials from OS_*). */
export function tofuHeader(providerVersion: string): string {
  return `terraform {
  required_providers {
    openstack = {
      source  = ${str(PROVIDER_SOURCE)}
      version = ${str(providerVersion)}
    }
  }
}

provider "openstack" {}
`;
}

/** A flat `router:external` network on a physnet and its subnet with a pool, no DHCP (both workloads have one). */
export function flatExternalNetwork(
  netLabel: string,
  subnetLabel: string,
  n: { name: string; physnet: string; subnet: string; cidr: string; gatewayIp: string; pool: { start: string; end: string } },
): string {
  return `resource "openstack_networking_network_v2" ${str(netLabel)} {
  name     = ${str(n.name)}
  external = true
  segments {
    network_type     = "flat"
    physical_network = ${str(n.physnet)}
  }
}

resource "openstack_networking_subnet_v2" ${str(subnetLabel)} {
  name        = ${str(n.subnet)}
  network_id  = openstack_networking_network_v2.${netLabel}.id
  cidr        = ${str(n.cidr)}
  ip_version  = 4
  gateway_ip  = ${str(n.gatewayIp)}
  enable_dhcp = false
  allocation_pool {
    start = ${str(n.pool.start)}
    end   = ${str(n.pool.end)}
  }
}
`;
}

/** main.tf for `w`, pinned to `providerVersion` (e.g. "3.4.0"). */
export function tofuConfig(w: Workload, providerVersion: string): string {
  return `${tofuHeader(providerVersion)}
locals {
  seed_rules = [
${w.seedRules.map(ruleObject).join("\n")}
  ]
  rules = [
${w.rules.map(ruleObject).join("\n")}
  ]
}

${flatExternalNetwork("net", "subnet", { ...w.network, subnet: w.subnet.name, cidr: w.subnet.cidr, gatewayIp: w.subnet.gatewayIp, pool: w.subnet.pool })}
resource "openstack_networking_secgroup_v2" "seed" {
  name = ${str(w.seedGroup)}
}

${ruleResource("seed", "seed_rules", "seed")}
resource "openstack_networking_secgroup_v2" "rules" {
  name = ${str(w.rulesGroup)}
}

${ruleResource("rules", "rules", "rules")}`;
}
