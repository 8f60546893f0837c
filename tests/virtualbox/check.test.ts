/**
 * check() rejects bad input naming the field, before any side effect: not one VBoxManage process runs (the
 * stand-in's calls.log stays empty).
 */
import { provider as natNetwork } from "../../provider/virtualbox/natnetwork/controller";
import { provider as snapshot } from "../../provider/virtualbox/snapshot/controller";
import { provider as virtualMachine } from "../../provider/virtualbox/virtualmachine/controller";
import { StandIn, useStandIn } from "./standin";
import { isSecretWire, unwrapSecrets } from "../../provider/core/secrets";

let standin: StandIn;
beforeEach(() => (standin = useStandIn()));
afterEach(() => standin.restore());

const net = (extra: Record<string, unknown> = {}) => ({
  name: "labnet",
  cidr: "10.0.2.0/24",
  portForwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 }],
  ...extra,
});
const fwd = (extra: Record<string, unknown> = {}) => ({ name: "ssh", protocol: "tcp", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22, ...extra });
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0a2V5dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA lab@host";
const PASSWORD = "Sup3r-secret-pw";
const vm = (extra: Record<string, unknown> = {}) => ({ name: "lab", nics: [{ type: "natnetwork", natNetwork: "labnet" }], ...extra });
const unattended = (extra: Record<string, unknown> = {}) =>
  vm({ installerIso: "/isos/centos9.iso", readiness: { port: 2222 }, unattended: { rootPassword: PASSWORD, sshPublicKey: KEY }, ...extra });

type Case = [label: string, p: typeof natNetwork, inputs: Record<string, unknown>, property: string, reason: RegExp];
const cases: Case[] = [
  ["CIDR with a /33 prefix", natNetwork, net({ cidr: "10.0.2.0/33" }), "cidr", /IPv4 CIDR/],
  ["CIDR that is not one", natNetwork, net({ cidr: "ten-dot-zero" }), "cidr", /IPv4 CIDR/],
  ["CIDR with host bits", natNetwork, net({ cidr: "10.0.2.5/24" }), "cidr", /did you mean 10\.0\.2\.0\/24/],
  ["host port out of range", natNetwork, net({ portForwards: [fwd({ hostPort: 70000 })] }), "portForwards[0].hostPort", /between 1 and 65535/],
  ["guest port 0", natNetwork, net({ portForwards: [fwd({ guestPort: 0 })] }), "portForwards[0].guestPort", /between 1 and 65535/],
  ["duplicate forward names", natNetwork, net({ portForwards: [fwd(), fwd({ hostPort: 2223 })] }), "portForwards[1].name", /duplicate port forward name "ssh"/],
  ["two rules on one host port", natNetwork, net({ portForwards: [fwd(), fwd({ name: "ssh2" })] }), "portForwards[1].hostPort", /already forwarded/],
  ["protocol icmp", natNetwork, net({ portForwards: [fwd({ protocol: "icmp" })] }), "portForwards[0].protocol", /"tcp" or "udp"/],
  ["guest address outside the CIDR", natNetwork, net({ portForwards: [fwd({ guestIp: "192.168.1.5" })] }), "portForwards[0].guestIp", /not inside 10\.0\.2\.0\/24/],
  ["rule name with a colon", natNetwork, net({ portForwards: [fwd({ name: "a:b" })] }), "portForwards[0].name", /must not contain ':'/],
  ["a field that does not exist", natNetwork, net({ dhcpRange: "x" }), "dhcpRange", /"dhcpRange" is not a field/],
  ["memory below 2048 with unattended CentOS", virtualMachine, unattended({ memoryMb: 1024 }), "memoryMb", /at least 2048/],
  ["unknown NIC type", virtualMachine, vm({ nics: [{ type: "vde" }] }), "nics[0].type", /must be one of natnetwork, nat, bridged/],
  ["natnetwork NIC without a network name", virtualMachine, vm({ nics: [{ type: "natnetwork" }] }), "nics[0].natNetwork", /required for a natnetwork NIC/],
  ["bridged NIC without an adapter", virtualMachine, vm({ nics: [{ type: "bridged" }] }), "nics[0].bridgeAdapter", /required/],
  ["bridge adapter on a NAT NIC", virtualMachine, vm({ nics: [{ type: "nat", bridgeAdapter: "eth0" }] }), "nics[0].bridgeAdapter", /only applies to a bridged NIC/],
  ["MAC address with 11 digits", virtualMachine, vm({ nics: [{ type: "nat", macAddress: "08002712345" }] }), "nics[0].macAddress", /12 hex digits/],
  ["multicast MAC address", virtualMachine, vm({ nics: [{ type: "nat", macAddress: "01:00:5e:00:00:01" }] }), "nics[0].macAddress", /unicast/],
  ["unattended without the ISO", virtualMachine, unattended({ installerIso: undefined }), "installerIso", /required with unattended/],
  ["unattended without readiness", virtualMachine, unattended({ readiness: undefined }), "readiness", /required with unattended/],
  ["SSH key that is not one", virtualMachine, unattended({ unattended: { rootPassword: PASSWORD, sshPublicKey: "hello" } }), "unattended.sshPublicKey", /OpenSSH public key/],
  ["host name that is not fully qualified", virtualMachine, unattended({ unattended: { rootPassword: PASSWORD, sshPublicKey: KEY, hostname: "lab" } }), "unattended.hostname", /fully qualified/],
  ["boot order repeating a device", virtualMachine, vm({ bootOrder: ["disk", "disk"] }), "bootOrder", /must not repeat/],
  ["state paused", virtualMachine, vm({ state: "paused" }), "state", /"running" or "poweroff"/],
  ["zero CPUs", virtualMachine, vm({ cpus: 0 }), "cpus", /at least 1/],
  ["VM name with a newline", virtualMachine, vm({ name: "lab\nrm -rf /" }), "name", /control characters/],
  ["disk too small for CentOS", virtualMachine, unattended({ disk: { sizeMb: 4096 } }), "disk.sizeMb", /at least 10240/],
  ["snapshot of a VM given by name", snapshot, { vm: "lab", name: "s1" }, "vm", /UUID/],
  ["snapshot without a name", snapshot, { vm: "4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11", name: "" }, "name", /must not be empty/],
];

test.each(cases)("rejects %s, naming the field, with no VBoxManage call", async (_label, p, inputs, property, reason) => {
  const r = await p.check({}, inputs);
  expect(r.failures).toBeDefined();
  const failure = r.failures!.find((f: { property: string }) => f.property === property);
  expect(failure).toBeDefined();
  expect(failure!.reason).toMatch(reason);
  expect(failure!.reason.startsWith(property === "(inputs)" ? "inputs" : property)).toBe(true);
  expect(standin.calls()).toEqual([]);
});

test("a too-short root password is rejected without echoing it", async () => {
  const r = await virtualMachine.check({}, unattended({ unattended: { rootPassword: "short7!", sshPublicKey: KEY } }));
  expect(r.failures?.map((f: { property: string }) => f.property)).toEqual(["unattended.rootPassword"]);
  expect(JSON.stringify(r.failures)).not.toContain("short7!");
  expect(standin.calls()).toEqual([]);
});

test("good input passes with the documented defaults filled in", async () => {
  const r = await virtualMachine.check({}, unattended());
  expect(r.failures).toBeUndefined();
  expect(isSecretWire(r.inputs.unattended)).toBe(true); // it holds the root password: a secret in state however called
  expect(unwrapSecrets(r.inputs)).toMatchObject({
    osType: "RedHat_64",
    bootOrder: ["disk", "dvd"],
    nestedVirtualization: true,
    state: "running",
    startType: "headless",
    nics: [{ type: "natnetwork", natNetwork: "labnet", promiscuous: "deny" }],
    unattended: { ip: "10.0.2.15", prefixLength: 24, gateway: "10.0.2.1", dns: ["10.0.2.1"] },
  });
  const n = await natNetwork.check({}, { name: "labnet", cidr: "10.0.2.0/24" });
  expect(n).toEqual({ inputs: { name: "labnet", cidr: "10.0.2.0/24", dhcp: true, enabled: true, ipv6: false, portForwards: [] } });
  expect(standin.calls()).toEqual([]);
});
