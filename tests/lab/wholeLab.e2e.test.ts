/**
 * The whole lab through the real Pulumi CLI (tests/support/pulumiCli), with the program of examples/whole-lab as a
 * learner runs it: the VBoxManage stand-in on the plugin's PATH, the real-sshd CentOS guest behind the "forwarded"
 * SSH port, and the real test cloud for Keystone and Neutron. From nothing to the seed's networks; then
 * `pulumi up --expect-no-changes` (nothing runs), `pulumi preview --refresh --expect-no-changes`, the P2 budget of a
 * no-op `pulumi up --refresh` as the CLI runs it (its preview and its update, each a plugin process of its own),
 * drift made by hand (VM memory, a NAT Network forward, firewalld) named by `preview --refresh --diff` and put
 * back by `up --refresh`, and destroy. Runs against bin/ (build first: npx tsc -p tsconfig.json).
 */
import * as path from "path";
import { adminCloud } from "../support/cloud";
import { CliRun, CliStack } from "../support/pulumiCli";
import { isMutating } from "./hostprep/guest";
import { cloudCli, defaultGroupId, labStack, LabWorld, packstackRunLogs, removeSeedObjects, seedRules, startLabWorld } from "./support/labWorld";
import * as fs from "fs";

jest.setTimeout(10 * 60_000);

const PROGRAM = path.resolve(__dirname, "../../examples/whole-lab");
const NAMES = ["lab-natnet", "lab-vm", "lab-hostprep", "lab-packstack", "lab-after-packstack", "lab-external-network", "lab-public-subnet", "lab-default-icmp", "lab-default-ssh"];
const all = (op: string) => Object.fromEntries(NAMES.map((n) => [n, op]));

let world: LabWorld;
let stack: CliStack;
let logsBefore: Set<string>;
let outputs: Record<string, any>;

beforeAll(async () => {
  removeSeedObjects();
  logsBefore = new Set(packstackRunLogs());
  world = await startLabWorld("wholelab");
  stack = labStack(
    world,
    PROGRAM,
    {
      installerIso: world.isoPath,
      sshPrivateKeyPath: world.keyPath,
      sshPort: String(world.proxy.port),
      keystonePort: "5000",
      neutronPort: "9696",
      natNetworkName: world.natNetworkName,
      vmName: world.vmName,
    },
    // Packstack's keystonerc must authenticate against the test cloud
    { rootPassword: "Lab-root-pw-1", adminPassword: adminCloud().password },
  );
});

afterAll(async () => {
  try {
    if (stack) await stack.run("destroy");
  } finally {
    stack?.dispose();
    removeSeedObjects();
    for (const f of packstackRunLogs()) if (!logsBefore.has(f)) fs.rmSync(f, { force: true });
    await world?.stop();
  }
});

/** What one CLI command cost: VBoxManage processes (argv), SSH connections, HTTP requests. */
async function measured(fn: () => Promise<CliRun>) {
  const vbox = world.vboxCalls().length;
  const ssh = world.proxy.connections();
  const http = world.trace().length;
  const guestCalls = world.prep.guest.calls().length;
  const run = await fn();
  const requests = world.trace().slice(http);
  return {
    run,
    vbox: world.vboxCalls().slice(vbox),
    ssh: world.proxy.connections() - ssh,
    requests,
    gets: requests.filter((l) => l.method === "GET"),
    tokens: requests.filter((l) => l.method === "POST" && l.path === "/v3/auth/tokens"),
    guestChanges: world.prep.guest.calls().slice(guestCalls).filter(isMutating),
  };
}

test("pulumi up builds the whole lab from nothing to the seed's networks", async () => {
  const live: Array<{ at: number; text: string }> = [];
  const up = await stack.run("up", {}, { onOutput: (text) => live.push({ at: Date.now(), text }) });
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual(all("create"));
  outputs = up.outputs;

  // Progress the learner sees while the long steps run, in the CLI's own output, before each step ends.
  expect(up.progressDuringStep("lab-vm", /installing CentOS Stream 9/)).toBe(true);
  expect(up.progressDuringStep("lab-vm", /SSH is up on/)).toBe(true);
  expect(up.progressDuringStep("lab-packstack", /Packstack started detached/)).toBe(true);
  expect(up.progressDuringStep("lab-packstack", /Packstack finished/)).toBe(true);
  const shownAt = (re: RegExp) => live.find((l) => re.test(l.text))?.at ?? Infinity;
  expect(shownAt(/\[lab\.PackstackInstall [^\]]*\] Packstack started detached/)).toBeLessThan(shownAt(/Resources:/));

  // VirtualBox: a NAT Network with the eight forwards, the VM on it, running, and the snapshot.
  const natnets = world.vbox("natnetwork", "list", world.natNetworkName);
  expect(natnets).toContain(`Name:         ${world.natNetworkName}`);
  expect(natnets).toMatch(/DHCP Server:\s+No/);
  for (const fwd of [`ssh:tcp:[127.0.0.1]:${world.proxy.port}:[10.0.2.15]:22`, "http:tcp:[127.0.0.1]:8080:[10.0.2.15]:80", "keystone:tcp:[127.0.0.1]:5000:[10.0.2.15]:5000", "neutron:tcp:[127.0.0.1]:9696:[10.0.2.15]:9696", "nova:tcp:[127.0.0.1]:8774:[10.0.2.15]:8774", "glance:tcp:[127.0.0.1]:9292:[10.0.2.15]:9292", "placement:tcp:[127.0.0.1]:8778:[10.0.2.15]:8778", "novnc:tcp:[127.0.0.1]:6080:[10.0.2.15]:6080"]) {
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
  expect(up.secretOutputs).toContain("cloud");
  expect(outputs.cloud).toMatchObject({ authUrl: "http://127.0.0.1:5000/v3", endpointOverrides: { identity: "http://127.0.0.1:5000", network: "http://127.0.0.1:9696", compute: "http://127.0.0.1:8774/v2.1", image: "http://127.0.0.1:9292", placement: "http://127.0.0.1:8778" }, username: "admin" });
  expect(outputs.dashboardUrl).toBe("http://127.0.0.1:8080/dashboard");
});

test("secrets stay secret in the state file: the passwords, the key and the answer file appear only encrypted", () => {
  const text = stack.stateText();
  expect(text).not.toContain("Lab-root-pw-1");
  expect(text).not.toContain(JSON.stringify(adminCloud().password));
  expect(text).not.toContain(world.prep.guest.privateKey.split("\n")[1]);
  expect(text).not.toMatch(/CONFIG_KEYSTONE_ADMIN_PW/);
  const packstack = stack.checkpoint().checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::lab-packstack"));
  for (const k of ["answerFile", "keystonerc", "adminPassword", "connection"]) expect(packstack.outputs[k].ciphertext).toEqual(expect.any(String));
});

test("pulumi up --expect-no-changes: every resource the same, nothing changed on VirtualBox, the guest or the cloud", async () => {
  const m = await measured(() => stack.run("up", { expectNoChanges: true }));
  expect(m.run.error).toBeNull();
  expect(m.run.ops()).toEqual(all("same"));
  expect(m.vbox).toEqual([]); // 0 VBoxManage processes, so 0 changes
  expect(m.ssh).toBe(0);
  expect(m.requests).toEqual([]);
  expect(world.prep.guest.state().packstack.runs).toBe(1);
});

test("pulumi preview --refresh --expect-no-changes right after the install (the address moved to br-ex is what HostPrep asked for)", async () => {
  const preview = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(preview.error).toBeNull();
  expect(preview.ops()).toEqual(all("same"));
});

test("P2 under the real CLI: a no-op `pulumi up --refresh` (its preview and its update) reads each resource once per plugin process", async () => {
  const budget = (m: Awaited<ReturnType<typeof measured>>, label: string) => {
    console.log(`P2 ${label}: VBoxManage ${m.vbox.length} [${m.vbox.map((a) => a.slice(0, 2).join(" ")).join("; ")}], SSH connections ${m.ssh}, HTTP ${m.requests.length} (GET ${m.gets.length}; tokens ${m.tokens.length})`);
    expect(m.run.error).toBeNull();
    expect(m.run.ops()).toEqual(all("same"));
    expect(m.vbox).toHaveLength(3); // NatNetwork, VirtualMachine, Snapshot: one showvminfo/list each
    expect(m.tokens).toHaveLength(1); // one token per plugin process
    expect(m.gets).toHaveLength(4); // Network, Subnet, 2 rules
    expect(m.requests.filter((l) => l.method !== "GET" && l !== m.tokens[0])).toEqual([]);
    expect(m.ssh).toBe(2); // HostPrep, PackstackInstall
    expect(m.guestChanges).toEqual([]); // reading changed nothing on the guest
  };
  // `pulumi up --refresh` without --yes first previews (a plugin process of its own), then updates.
  budget(await measured(() => stack.run("preview", { refresh: true })), "preview of up --refresh");
  budget(await measured(() => stack.run("up", { refresh: true })), "update of up --refresh");
  // Packstack's bridge setup survived: enp0s3 is still br-ex's OVS port, the address still on br-ex
  const port = world.prep.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!;
  expect(port).toMatch(/^OVS_BRIDGE=br-ex$/m);
  expect(port).not.toMatch(/^IPADDR=/m);
  expect(world.prep.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")).toMatch(/^IPADDR=10\.0\.2\.15$/m);
  expect(world.prep.guest.state().packstack.runs).toBe(1);
});

test("drift by hand (VM memory, a NAT Network forward, firewalld, a stopped OpenStack service): preview --refresh --diff names exactly those fields; up --refresh puts them back without Packstack", async () => {
  world.vbox("controlvm", world.vmName, "poweroff");
  world.vbox("modifyvm", world.vmName, "--memory", "8192");
  world.vbox("startvm", world.vmName, "--type", "headless");
  world.vbox("natnetwork", "modify", "--netname", world.natNetworkName, "--port-forward-4", "delete", "http");
  world.prep.guest.setState({ services: { firewalld: { active: true, enabled: "enabled" }, mariadb: { active: false } } });

  const preview = await stack.run("preview", { refresh: true, diff: true });
  expect(preview.error).toBeNull();
  expect(preview.inputChanges()).toEqual({ "lab-vm": ["memoryMb"], "lab-natnet": ["portForwards"], "lab-hostprep": ["disableFirewalld"], "lab-packstack": ["healthy"] });
  expect(preview.stdout).toMatch(/~ memoryMb\s*: 8192 => 16384/);
  const strict = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(strict.ok).toBe(false);

  const up = await stack.run("up", { refresh: true });
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({ "lab-vm": "update", "lab-natnet": "update", "lab-hostprep": "update", "lab-packstack": "update" });
  expect(world.prep.guest.state().services.mariadb.active).toBe(true);
  expect(world.vbox("showvminfo", world.vmName, "--machinereadable")).toContain("memory=16384");
  expect(world.vbox("natnetwork", "list", world.natNetworkName)).toContain("http:tcp:[127.0.0.1]:8080:[10.0.2.15]:80");
  expect(world.prep.guest.state().services.firewalld).toEqual({ active: false, enabled: "disabled" });
  expect(world.prep.guest.state().packstack.runs).toBe(1);
  const clean = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(clean.error).toBeNull();
});

test("pulumi destroy removes the lab from VirtualBox and OpenStack", async () => {
  const destroy = await stack.run("destroy");
  expect(destroy.error).toBeNull();
  expect(destroy.summary).toEqual({ delete: 11 }); // 9 + the OpenStackLab component + the stack
  expect(world.vbox("list", "vms")).not.toContain(world.vmName);
  expect(world.vbox("natnetwork", "list", world.natNetworkName)).not.toContain(world.natNetworkName);
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(cloudCli.exists("subnet", "show", "public_subnet")).toBe(false);
  expect(seedRules(defaultGroupId())).toEqual([]);
});
