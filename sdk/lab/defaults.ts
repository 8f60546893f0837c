/**
 * The lab's defaults (the seed's values), one table for the component (sdk/lab/openStackLab.ts), the lab CLI's
 * doctor (cli/stack.ts labSettings) and examples/whole-lab's README. No imports: the CLI loads it before anything.
 */

/**
 * The NAT Network's port forwards: the config key of the PC-side port, its default, the guest port (the same
 * service port on the VM except SSH and Horizon), the rule name and the OpenStack service type it serves (the
 * `cloud` output's `endpointOverrides` key; "identity" is `authUrl`'s).
 */
export const FORWARDS = [
  { key: "sshPort", rule: "ssh", hostPort: 2222, guestPort: 22, what: "SSH" },
  { key: "httpPort", rule: "http", hostPort: 8080, guestPort: 80, what: "Horizon" },
  { key: "keystonePort", rule: "keystone", hostPort: 5000, guestPort: 5000, what: "Keystone", service: "identity" },
  { key: "neutronPort", rule: "neutron", hostPort: 9696, guestPort: 9696, what: "Neutron", service: "network" },
  { key: "novaPort", rule: "nova", hostPort: 8774, guestPort: 8774, what: "Nova", service: "compute", path: "/v2.1" },
  { key: "glancePort", rule: "glance", hostPort: 9292, guestPort: 9292, what: "Glance", service: "image" },
  { key: "placementPort", rule: "placement", hostPort: 8778, guestPort: 8778, what: "Placement", service: "placement" },
  { key: "novncPort", rule: "novnc", hostPort: 6080, guestPort: 6080, what: "the noVNC console" },
] as const;

export type ForwardKey = (typeof FORWARDS)[number]["key"];

export const SEED = {
  natNetworkName: "LabNatNetwork",
  cidr: "10.0.2.0/24",
  hostIp: "127.0.0.1",
  ...(Object.fromEntries(FORWARDS.map((f) => [f.key, f.hostPort])) as { [K in ForwardKey]: number }),
  vmName: "openstack-lab",
  cpus: 4,
  memoryMb: 16384,
  diskSizeMb: 102400,
  guestIp: "10.0.2.15",
  prefixLength: 24,
  gateway: "10.0.2.1",
  dns: ["8.8.8.8", "8.8.4.4"],
  hostname: "openstack.lab",
  interface: "enp0s3",
  externalNetworkName: "external_network",
  subnetName: "public_subnet",
  poolStart: "10.0.2.100",
  poolEnd: "10.0.2.200",
  physnet: "extnet",
} as const;

/**
 * The `cloud` output's endpoint overrides for the forwarded ports: every OpenStack service the library calls,
 * at 127.0.0.1:<port> on the PC (Keystone's catalog names the guest's own address, which the PC cannot reach).
 */
export function endpointOverrides(host: string, ports: Partial<Record<ForwardKey, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FORWARDS) {
    if (!("service" in f)) continue;
    out[f.service] = `http://${host}:${ports[f.key] ?? f.hostPort}${"path" in f ? f.path : ""}`;
  }
  return out;
}
