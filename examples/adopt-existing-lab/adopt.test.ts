/**
 * Adopting a lab the learner built by hand, through the REAL dynamic-provider plugin (tests/harness/miniUp) with
 * the VBoxManage stand-in, the real-sshd CentOS guest and the real test cloud. First the lab is built by hand
 * (byHand.ts: VBoxManage commands, a root shell on the VM running the preparation and Packstack, the seed's
 * `openstack` commands); then `up` of this example must take everything over without creating anything in
 * VirtualBox or OpenStack, without re-running Packstack and without touching the learner's network setup; a
 * following `preview --refresh` shows no change; and `destroy` does what README.md says.
 */
import * as fs from "fs";
import * as path from "path";
import { StackRunResult } from "../../tests/harness/miniUp";
import { isSecret, stripSecrets } from "../../tests/harness/wire";
import { adminCloud } from "../../tests/support/cloud";
import { cloudCli, defaultGroupId, LabWorld, removeSeedObjects, seedRules, stack, startLabWorld } from "../../tests/lab/support/labWorld";
import { buildVirtualBox, createNetworks, installPackstack, PREPARE_HOST, rootShell } from "./byHand";

jest.setTimeout(10 * 60_000);

let world: LabWorld;
let stateFile: string;
let config: Record<string, string>;
const SECRETS = ["adminPassword"];
const run = (operation: "up" | "preview" | "destroy", refresh?: boolean): StackRunResult =>
  stack(world, __dirname, stateFile, operation, { refresh, config, secretConfig: SECRETS });
const byName = (r: StackRunResult) => Object.fromEntries(r.steps.filter((s) => !s.op.startsWith("refresh")).map((s) => [s.urn.split("::").pop(), s.op]));
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
  stateFile = path.join(world.dir, "state.json");
  const adminPassword = adminCloud().password; // the install's keystonerc must authenticate against the test cloud
  config = {
    natNetworkName: world.natNetworkName,
    vmName: world.vmName,
    sshPrivateKeyPath: world.keyPath,
    sshPort: String(world.proxy.port),
    keystonePort: "5000",
    neutronPort: "9696",
    adminPassword,
  };

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
    if (world && fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, "utf8")).resources?.length) run("destroy");
  } finally {
    removeSeedObjects();
    await world?.stop();
  }
});

test("up adopts the hand-built lab: nothing created in VirtualBox or OpenStack, Packstack not re-run, the network setup untouched", () => {
  const vbox = world.vboxCalls().length;
  const http = world.trace().length;
  const up = run("up");
  expect(up.errors).toEqual([]);
  expect(byName(up)).toEqual(all("create")); // new to the stack's state, not to VirtualBox or OpenStack

  // VirtualBox: no VBoxManage call that changes anything (no natnetwork add/modify, createvm, modifyvm, startvm ...).
  expect(vboxChanges(world.vboxCalls().slice(vbox))).toEqual([]);
  expect(stripSecrets(up.outputs).vmUuid).toBe(built.vmUuid);

  // OpenStack: the same objects, by id; no network or subnet POSTed; the rules' POSTs answered 409 (adopted).
  const out = stripSecrets(up.outputs);
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
  expect(isSecret(up.outputs.cloud)).toBe(true);
  expect(out.cloud).toMatchObject({ authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: adminCloud().password, endpointOverrides: { network: "http://127.0.0.1:9696" } });

  // Last: enp0s3 must stay br-ex's OVS port (rewriting it as a plain static interface breaks the lab's network).
  expect(g.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")).toBe(built.ifcfgEnp0s3);
});

test("preview --refresh after the adoption shows no change", () => {
  const preview = run("preview", true);
  expect(preview.errors).toEqual([]);
  expect(byName(preview)).toEqual(all("same"));
});

test("a second up is a no-op", () => {
  const vbox = world.vboxCalls().length;
  const again = run("up");
  expect(again.errors).toEqual([]);
  expect(byName(again)).toEqual(all("same"));
  expect(world.vboxCalls().length).toBe(vbox);
});

test("destroy deletes the adopted VirtualBox and OpenStack objects and leaves the guest's install as it is (README: Destroy)", () => {
  const disk = `${world.vboxState}/${world.vmName}.vdi`;
  expect(fs.existsSync(disk)).toBe(true);
  const destroy = run("destroy");
  expect(destroy.errors).toEqual([]);
  expect(destroy.summary).toEqual({ delete: 8 });
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
