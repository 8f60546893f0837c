/**
 * Adopting a lab the learner built by hand, through the real Pulumi CLI (tests/support/pulumiCli) with
 * the VBoxManage stand-in, the real-sshd CentOS guest and the real test cloud. First the lab is built by hand
 * (byHand.ts: VBoxManage commands, a root shell on the VM running the preparation and Packstack, the seed's
 * `openstack` commands); then `pulumi up` of this example must take everything over without creating anything in
 * VirtualBox or OpenStack, without re-running Packstack and without touching the learner's network setup; a
 * following `pulumi preview --refresh --expect-no-changes` passes; `pulumi up --expect-no-changes` passes; and
 * `pulumi destroy` does what README.md says.
 */
import * as fs from "fs";
import { adminCloud } from "../../tests/support/cloud";
import { CliStack } from "../../tests/support/pulumiCli";
import { cloudCli, defaultGroupId, labStack, LabWorld, removeSeedObjects, seedRules, startLabWorld } from "../../tests/lab/support/labWorld";
import { buildVirtualBox, createNetworks, installPackstack, PREPARE_HOST, rootShell } from "./byHand";

jest.setTimeout(10 * 60_000);

let world: LabWorld;
let stack: CliStack;
const NAMES = ["lab-natnet", "lab-vm", "lab-hostprep", "lab-packstack", "lab-external-network", "lab-public-subnet", "lab-default-icmp", "lab-default-ssh"];
const all = (op: string) => Object.fromEntries(NAMES.map((n) => [n, op]));

/** VBoxManage verbs that change something. */
const VBOX_READS = new Set(["showvminfo", "list", "--version", "guestproperty"]);
const vboxChanges = (calls: string[][]) =>
  calls.filter((a) => !VBOX_READS.has(a[0]) && !(a[0] === "natnetwork" && a[1] === "list") && !(a[0] === "snapshot" && a[2] === "list"));

/** What the learner built, as found before the adoption. */
let built: { vmUuid: string; networkId: string; subnetId: string; ruleIds: string[]; answers: string; ifcfgEnp0s3: string; ifcfgBrEx: string; keystonerc: string };

beforeAll(async () => {
  removeSeedObjects();
  world = await startLabWorld("adopt");
  const adminPassword = adminCloud().password; // the install's keystonerc must authenticate against the test cloud
  const config = {
    natNetworkName: world.natNetworkName,
    vmName: world.vmName,
    sshPrivateKeyPath: world.keyPath,
    sshPort: String(world.proxy.port),
    keystonePort: "5000",
    neutronPort: "9696",
  };
  stack = labStack(world, __dirname, config, { adminPassword });

  buildVirtualBox(world, { ssh: world.proxy.port, http: 8080, keystone: 5000, neutron: 9696 });
  rootShell(world, world.proxy.port, PREPARE_HOST);
  rootShell(world, world.proxy.port, installPackstack(adminPassword));
  createNetworks();

  const g = world.prep.guest;
  expect(g.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
  const vmInfo = world.vbox("showvminfo", world.vmName, "--machinereadable");
  built = {
    vmUuid: /^UUID="(.*)"$/m.exec(vmInfo)![1],
    networkId: cloudCli.json("network", "show", "external_network").id,
    subnetId: cloudCli.json("subnet", "show", "public_subnet").id,
    ruleIds: seedRules().map((r) => r.ID).sort(),
    answers: g.readFile("/root/answers.txt")!,
    ifcfgEnp0s3: g.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!,
    ifcfgBrEx: g.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")!,
    keystonerc: g.readFile("/root/keystonerc_admin")!,
  };
  expect(built.ruleIds).toHaveLength(2);
});

afterAll(async () => {
  try {
    if (stack) await stack.run("destroy");
  } finally {
    stack?.dispose();
    removeSeedObjects();
    await world?.stop();
  }
});

test("pulumi up adopts the hand-built lab: nothing created in VirtualBox or OpenStack, Packstack not re-run, the network setup untouched", async () => {
  const vbox = world.vboxCalls().length;
  const http = world.trace().length;
  const up = await stack.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual(all("create")); // new to the stack's state, not to VirtualBox or OpenStack

  // VirtualBox: no VBoxManage call that changes anything (no natnetwork add/modify, createvm, modifyvm, startvm ...).
  expect(vboxChanges(world.vboxCalls().slice(vbox))).toEqual([]);
  expect(up.outputs.vmUuid).toBe(built.vmUuid);

  // OpenStack: the same objects, by id; no network or subnet POSTed; the rules' POSTs answered 409 (adopted).
  const out = up.outputs;
  expect(out.externalNetworkId).toBe(built.networkId);
  expect(out.publicSubnetId).toBe(built.subnetId);
  expect([out.icmpRuleId, out.sshRuleId].sort()).toEqual(built.ruleIds);
  expect(seedRules().map((r) => r.ID).sort()).toEqual(built.ruleIds);
  expect(cloudCli.json("network", "list", "--name", "external_network")).toHaveLength(1);
  const writes = world.trace().slice(http).filter((l) => l.method !== "GET" && l.path !== "/v3/auth/tokens");
  expect(writes.filter((l) => l.status !== 409)).toEqual([]);
  expect(writes.map((l) => `${l.method} ${l.path}`)).toEqual(["POST /v2.0/security-group-rules", "POST /v2.0/security-group-rules"]);

  // The guest: Packstack ran once (by hand), never again; no reboot; the learner's answer file, keystonerc and
  // br-ex setup are as they were.
  const g = world.prep.guest;
  expect(g.state().packstack.runs).toBe(1);
  expect(g.state().bootCount).toBe(0);
  expect(g.readFile("/root/answers.txt")).toBe(built.answers);
  expect(g.readFile("/root/keystonerc_admin")).toBe(built.keystonerc);
  expect(g.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")).toBe(built.ifcfgBrEx);

  // The adopted install's credentials reach the stack, secret, through the forwarded ports.
  expect(up.secretOutputs).toContain("cloud");
  expect(out.cloud).toMatchObject({ authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: adminCloud().password, endpointOverrides: { network: "http://127.0.0.1:9696" } });

  // Last: enp0s3 must stay br-ex's OVS port (rewriting it as a plain static interface breaks the lab's network).
  expect(g.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")).toBe(built.ifcfgEnp0s3);
});

test("pulumi preview --refresh --expect-no-changes after the adoption passes", async () => {
  const preview = await stack.run("preview", { refresh: true, expectNoChanges: true });
  expect(preview.error).toBeNull();
  expect(preview.ops()).toEqual(all("same"));
});

test("pulumi up --expect-no-changes passes: nothing run on VirtualBox", async () => {
  const vbox = world.vboxCalls().length;
  const again = await stack.run("up", { expectNoChanges: true });
  expect(again.error).toBeNull();
  expect(again.ops()).toEqual(all("same"));
  expect(world.vboxCalls().length).toBe(vbox);
});

test("pulumi destroy deletes the adopted VirtualBox and OpenStack objects and leaves the guest's install as it is (README: Destroy)", async () => {
  const disk = `${world.vboxState}/${world.vmName}.vdi`;
  expect(fs.existsSync(disk)).toBe(true);
  const destroy = await stack.run("destroy");
  expect(destroy.error).toBeNull();
  expect(destroy.summary).toEqual({ delete: 10 }); // 8 + the OpenStackLab component + the stack
  expect(world.vbox("list", "vms")).not.toContain(world.vmName);
  expect(fs.existsSync(disk)).toBe(false); // the disk goes with the VM
  expect(world.vbox("natnetwork", "list", world.natNetworkName)).not.toContain(`Name:         ${world.natNetworkName}`);
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(cloudCli.exists("subnet", "show", "public_subnet")).toBe(false);
  expect(seedRules(defaultGroupId())).toEqual([]);
  // HostPrep and PackstackInstall have nothing to undo: the guest keeps its preparation and its install.
  expect(world.prep.guest.readFile("/root/keystonerc_admin")).toBe(built.keystonerc);
  expect(world.prep.guest.state().services.firewalld.active).toBe(false);
});
