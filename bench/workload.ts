/**
 * The one workload every variant runs: the seed's Neutron objects plus 100 rules, read back, then deleted.
 *
 *   network  <prefix>-net     flat, external, on a spare physnet (testnet1..3: a flat physnet holds one network)
 *   subnet   <prefix>-subnet  10.0.2.0/24, pool .100-.200, gateway .1, no DHCP
 *   group    <prefix>-seed    + ICMP and tcp/22 ingress from 0.0.0.0/0 (the seed's two rules, one at a time)
 *   group    <prefix>-rules   + RULE_COUNT ingress tcp rules (one bulk request where the tool has one)
 *
 * The seed puts its two rules in the project's `default` group; the benchmark uses a group of its own so that it
 * never touches rules other people (or the test suites running beside it) rely on.
 */
export interface Rule {
  direction: "ingress" | "egress";
  ethertype: "IPv4" | "IPv6";
  protocol: string;
  portMin: number | null;
  portMax: number | null;
  remoteIpPrefix: string;
}

export interface Workload {
  /** Every object's name starts with it; the sweep deletes by it. */
  prefix: string;
  network: { name: string; physnet: string };
  subnet: { name: string; cidr: string; gatewayIp: string; pool: { start: string; end: string } };
  seedGroup: string;
  seedRules: Rule[];
  rulesGroup: string;
  rules: Rule[];
  /** The instance workload (variants pulumi-instance and tofu-instance), see `instanceWorkload`. */
  instance?: InstanceWorkload;
  /** The whole lab (variants pulumi-lab and pulumi-lab-floor), see `LabWorkload`. */
  lab?: LabWorkload;
}

/**
 * The whole lab (issue 16): examples/whole-lab's program in the world of its e2e test, which run.ts starts for
 * each run (lib/labWorld.ts): the stack config that points the program at that world (the ISO, the key, the SSH
 * forward, the VM and NAT Network names, Keystone and Neutron behind the counting proxies; the two passwords are
 * set by the variant) and the environment the plugin runs in (the VBoxManage stand-in first on PATH).
 */
export interface LabWorkload {
  config: Record<string, string>;
  env: Record<string, string>;
}

/**
 * The learner's first instance (issue 17), what examples/first-instance makes: an external flat network with a
 * pool (the seed's), a tenant network + subnet, a router between them; a key pair, an image uploaded from a local
 * qcow2 (made with qemu-img), a flavor, a server on the tenant network (Nova's fake driver) and a floating IP from
 * the external network on the server's port.
 */
export interface InstanceWorkload {
  external: { name: string; physnet: string; subnet: string; cidr: string; gatewayIp: string; pool: { start: string; end: string } };
  tenant: { name: string; subnet: string; cidr: string };
  router: string;
  keypair: { name: string; publicKey: string };
  image: { name: string; file: string };
  flavor: { name: string; vcpus: number; ram: number; disk: number };
  server: string;
  /** The floating IP's description (it has no name): the sweep finds it by it. */
  floatingIp: string;
}

/** Every name the benchmark creates starts with this (and nothing else in the cloud should). */
export const NAME_ROOT = "oslab-bench-";

const anywhere = "0.0.0.0/0";

export function seedRules(): Rule[] {
  return [
    { direction: "ingress", ethertype: "IPv4", protocol: "icmp", portMin: null, portMax: null, remoteIpPrefix: anywhere },
    { direction: "ingress", ethertype: "IPv4", protocol: "tcp", portMin: 22, portMax: 22, remoteIpPrefix: anywhere },
  ];
}

/** `count` distinct ingress tcp rules (ports 8000, 8001, ... from 10.0.0.0/8). */
export function manyRules(count: number): Rule[] {
  return Array.from({ length: count }, (_, i) => ({
    direction: "ingress" as const,
    ethertype: "IPv4" as const,
    protocol: "tcp",
    portMin: 8000 + i,
    portMax: 8000 + i,
    remoteIpPrefix: "10.0.0.0/8",
  }));
}

/** The instance workload's objects, named under `prefix`; the image file and public key are made once per bench run. */
export function instanceWorkload(prefix: string, physnet: string, files: { imageFile: string; publicKey: string }): InstanceWorkload {
  return {
    external: { name: `${prefix}-ext`, physnet, subnet: `${prefix}-ext-subnet`, cidr: "10.0.2.0/24", gatewayIp: "10.0.2.1", pool: { start: "10.0.2.100", end: "10.0.2.200" } },
    tenant: { name: `${prefix}-net`, subnet: `${prefix}-subnet`, cidr: "192.168.77.0/24" },
    router: `${prefix}-router`,
    keypair: { name: `${prefix}-key`, publicKey: files.publicKey },
    image: { name: `${prefix}-img`, file: files.imageFile },
    flavor: { name: `${prefix}-flavor`, vcpus: 1, ram: 64, disk: 1 },
    server: `${prefix}-vm`,
    floatingIp: `${prefix}-fip`,
  };
}

export function makeWorkload(variant: string, run: string, physnet: string, ruleCount: number, instanceFiles?: { imageFile: string; publicKey: string }, lab?: LabWorkload): Workload {
  const prefix = `${NAME_ROOT}${variant}-${run}`;
  return {
    lab,
    instance: instanceFiles ? instanceWorkload(prefix, physnet, instanceFiles) : undefined,
    prefix,
    network: { name: `${prefix}-net`, physnet },
    subnet: { name: `${prefix}-subnet`, cidr: "10.0.2.0/24", gatewayIp: "10.0.2.1", pool: { start: "10.0.2.100", end: "10.0.2.200" } },
    seedGroup: `${prefix}-seed`,
    seedRules: seedRules(),
    rulesGroup: `${prefix}-rules`,
    rules: manyRules(ruleCount),
  };
}
