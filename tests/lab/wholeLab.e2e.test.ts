/**
 * The whole lab through the REAL dynamic-provider plugin (tests/harness/miniUp: no CLI, a JSON state file), with
 * the program of examples/whole-lab as a learner runs it: the VBoxManage stand-in on the plugin's PATH, the
 * real-sshd CentOS guest behind the "forwarded" SSH port, and the real test cloud for Keystone and Neutron.
 * From nothing to the seed's networks; then a no-op `up` (nothing runs), a no-op `up --refresh` with the P2 budget
 * (one VBoxManage process per VirtualBox resource, one SSH connection per resource on the host, one GET per
 * OpenStack resource, one token), and destroy. Runs against bin/ (build first: npx tsc -p tsconfig.json).
 */
import * as fs from "fs";
import * as path from "path";
import { StackRunResult } from "../harness/miniUp";
import { isSecret, stripSecrets } from "../harness/wire";
import { adminCloud } from "../support/cloud";
import { isMutating } from "./hostprep/guest";
import { cloudCli, defaultGroupId, LabWorld, packstackRunLogs, planSummary, removeSeedObjects, seedRules, stack, startLabWorld } from "./support/labWorld";

jest.setTimeout(10 * 60_000);

const PROGRAM = path.resolve(__dirname, "../../examples/whole-lab");

let world: LabWorld;
let stateFile: string;
let logsBefore: Set<string>;
let config: Record<string, string>;
const SECRETS = ["rootPassword", "adminPassword"];
const run = (operation: "up" | "preview" | "destroy", refresh?: boolean): StackRunResult =>
  stack(world, PROGRAM, stateFile, operation, { refresh, config, secretConfig: SECRETS });
const byName = (r: StackRunResult) => Object.fromEntries(r.steps.filter((s) => !s.op.startsWith("refresh")).map((s) => [s.urn.split("::").pop(), s.op]));
const ALL_SAME = {
  "lab-natnet": "same",
  "lab-vm": "same",
  "lab-hostprep": "same",
  "lab-packstack": "same",
  "lab-after-packstack": "same",
  "lab-external-network": "same",
  "lab-public-subnet": "same",
  "lab-default-icmp": "same",
  "lab-default-ssh": "same",
};

beforeAll(async () => {
  removeSeedObjects();
  logsBefore = new Set(packstackRunLogs());
  world = await startLabWorld("wholelab");
  stateFile = path.join(world.dir, "state.json");
  config = {
    installerIso: world.isoPath,
    rootPassword: "Lab-root-pw-1",
    adminPassword: adminCloud().password, // Packstack's keystonerc must authenticate against the test cloud
    sshPrivateKeyPath: world.keyPath,
    sshPort: String(world.proxy.port),
    keystonePort: "5000",
    neutronPort: "9696",
    natNetworkName: world.natNetworkName,
    vmName: world.vmName,
  };
});

afterAll(async () => {
  try {
    if (world && fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, "utf8")).resources?.length) run("destroy");
  } finally {
    removeSeedObjects();
    for (const f of packstackRunLogs()) if (!logsBefore.has(f)) fs.rmSync(f, { force: true });
    await world?.stop();
  }
});

let outputs: Record<string, any>;

/** The state with every secret value replaced by a marker (what is left is what a state file shows in clear). */
function withoutSecretValues(v: any): any {
  if (isSecret(v)) return "<secret>";
  if (Array.isArray(v)) return v.map(withoutSecretValues);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutSecretValues(x)]));
  return v;
}

test("up builds the whole lab from nothing to the seed's networks", () => {
  const up = run("up");
  expect(up.errors).toEqual([]);
  expect(byName(up)).toEqual(Object.fromEntries(Object.keys(ALL_SAME).map((k) => [k, "create"])));
  outputs = up.outputs;

  // VirtualBox: a NAT Network with the four forwards, the VM on it, running, and the snapshot.
  const natnets = world.vbox("natnetwork", "list", world.natNetworkName);
  expect(natnets).toContain(`Name:         ${world.natNetworkName}`);
  expect(natnets).toMatch(/DHCP Server:\s+No/);
  for (const fwd of [`ssh:tcp:[127.0.0.1]:${world.proxy.port}:[10.0.2.15]:22`, "http:tcp:[127.0.0.1]:8080:[10.0.2.15]:80", "keystone:tcp:[127.0.0.1]:5000:[10.0.2.15]:5000", "neutron:tcp:[127.0.0.1]:9696:[10.0.2.15]:9696"]) {
    expect(natnets).toContain(fwd);
  }
  const info = world.vbox("showvminfo", world.vmName, "--machinereadable");
  expect(info).toContain('VMState="running"');
  expect(info).toContain(`nat-network1="${world.natNetworkName}"`);
  expect(world.vbox("showvminfo", world.vmName)).toMatch(/NIC 1:.*Promisc Policy: allow-all/);
  expect(info).toContain("cpus=4");
  expect(info).toContain("memory=16384");
  expect(world.vbox("snapshot", world.vmName, "list", "--machinereadable")).toContain('SnapshotName="after-packstack"');

  // The guest: prepared for Packstack, Packstack ran exactly once.
  const g = world.prep.guest.state();
  expect(g.services.firewalld).toEqual({ active: false, enabled: "disabled" });
  expect(g.services.NetworkManager).toEqual({ active: false, enabled: "disabled" });
  expect(g.hostname).toBe("openstack.lab");
  expect(g.packstack).toMatchObject({ runs: 1, generated: 1, lastRun: { result: "succeeded" } });

  // OpenStack: what the seed's four commands make, found by name through the forwarded ports.
  const network = cloudCli.json("network", "show", "external_network");
  expect(network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });
  expect(network.id).toBe(outputs.externalNetworkId);
  const subnet = cloudCli.json("subnet", "show", "public_subnet");
  expect(subnet).toMatchObject({ id: outputs.publicSubnetId, network_id: network.id, cidr: "10.0.2.0/24", gateway_ip: "10.0.2.1", enable_dhcp: false, allocation_pools: [{ start: "10.0.2.100", end: "10.0.2.200" }] });
  expect(seedRules().map((r) => `${r["IP Protocol"]} ${r["Port Range"]}`).sort()).toEqual(["icmp ", "tcp 22:22"]);

  // The outputs: the cloud credentials that work from the PC are a secret; the dashboard is the forwarded port.
  expect(isSecret(outputs.cloud)).toBe(true);
  expect(stripSecrets(outputs.cloud)).toMatchObject({ authUrl: "http://127.0.0.1:5000/v3", endpointOverrides: { network: "http://127.0.0.1:9696" }, username: "admin" });
  expect(outputs.dashboardUrl).toBe("http://127.0.0.1:8080/dashboard");
});

test("secrets stay secret in the state file: the passwords and the key appear only inside secret values", () => {
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  const plain = JSON.stringify(withoutSecretValues(state));
  expect(plain).not.toContain("Lab-root-pw-1");
  expect(plain).not.toContain(world.prep.guest.privateKey.split("\n")[1]);
  expect(plain).not.toMatch(/CONFIG_KEYSTONE_ADMIN_PW/);
  const packstack = state.resources.find((r: any) => r.urn.endsWith("::lab-packstack"));
  for (const k of ["answerFile", "keystonerc", "adminPassword", "connection"]) expect(isSecret(packstack.outputs[k])).toBe(true);
});

test("a second up is a no-op: every resource the same, nothing run on VirtualBox, the guest or the cloud", () => {
  const vbox = world.vboxCalls().length;
  const ssh = world.proxy.connections();
  const http = world.trace().length;
  const guestCalls = world.prep.guest.calls().length;
  const again = run("up");
  expect(again.errors).toEqual([]);
  expect(byName(again)).toEqual(ALL_SAME);
  expect(planSummary(again)).toEqual({ same: 9 });
  expect(world.vboxCalls().length - vbox).toBe(0);
  expect(world.proxy.connections() - ssh).toBe(0);
  expect(world.trace().length - http).toBe(0);
  expect(world.prep.guest.calls().length - guestCalls).toBe(0);
});

test("preview --refresh right after the install sees no drift (the address moved to br-ex is what HostPrep asked for)", () => {
  const preview = run("preview", true);
  expect(preview.errors).toEqual([]);
  expect(byName(preview)).toEqual(ALL_SAME);
});

test("P2: a no-op up --refresh reads each resource once: 1 VBoxManage process per VirtualBox resource, 1 SSH connection per guest resource, 1 GET per OpenStack resource, 1 token", () => {
  const vbox = world.vboxCalls().length;
  const ssh = world.proxy.connections();
  const http = world.trace().length;
  const guestCalls = world.prep.guest.calls().length;
  const refreshed = run("up", true);
  expect(refreshed.errors).toEqual([]);

  const vboxCalls = world.vboxCalls().slice(vbox);
  const sshConnections = world.proxy.connections() - ssh;
  const requests = world.trace().slice(http);
  const tokens = requests.filter((l) => l.method === "POST" && l.path === "/v3/auth/tokens");
  const gets = requests.filter((l) => l.method === "GET");
  // The measured budget, printed for the report.
  console.log(`P2 no-op up --refresh: VBoxManage ${vboxCalls.length} [${vboxCalls.map((a) => a.slice(0, 2).join(" ")).join("; ")}], SSH connections ${sshConnections}, HTTP ${requests.length} (GET ${gets.length}: ${gets.map((g) => g.path).join(", ")}; tokens ${tokens.length})`);
  expect(vboxCalls).toHaveLength(3); // NatNetwork, VirtualMachine, Snapshot
  expect(tokens).toHaveLength(1);
  expect(gets).toHaveLength(4); // Network, Subnet, 2 rules
  expect(requests.filter((l) => l.method !== "GET" && l !== tokens[0])).toEqual([]);
  expect(sshConnections).toBe(2); // HostPrep, PackstackInstall
  expect(byName(refreshed)).toEqual(ALL_SAME);
  // reading changed nothing on the guest
  expect(world.prep.guest.calls().slice(guestCalls).filter(isMutating)).toEqual([]);
  // and Packstack's bridge setup survived: enp0s3 is still br-ex's OVS port, the address still on br-ex
  const port = world.prep.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!;
  expect(port).toMatch(/^OVS_BRIDGE=br-ex$/m);
  expect(port).not.toMatch(/^IPADDR=/m);
  expect(world.prep.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")).toMatch(/^IPADDR=10\.0\.2\.15$/m);
});

test("destroy removes the lab from VirtualBox and OpenStack", () => {
  const destroy = run("destroy");
  expect(destroy.errors).toEqual([]);
  expect(destroy.summary).toEqual({ delete: 9 });
  expect(destroy.resources).toEqual([]);
  expect(world.vbox("list", "vms")).not.toContain(world.vmName);
  expect(world.vbox("natnetwork", "list", world.natNetworkName)).not.toContain(world.natNetworkName);
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(cloudCli.exists("subnet", "show", "public_subnet")).toBe(false);
  expect(seedRules(defaultGroupId())).toEqual([]);
});
