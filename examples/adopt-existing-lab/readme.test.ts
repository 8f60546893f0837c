/**
 * Doc test: README.md's bash lines run as written (tests/docs/readme.ts) with the real Pulumi CLI and the Node.js
 * language host stand-in (tests/support/language-host), on a lab the learner built by hand, in the whole lab's test
 * world (tests/lab/support/labWorld.ts): byHand.ts makes the NAT Network `LabNatNetwork` and the VM
 * `openstack-lab` with VBoxManage (the stand-in, first on PATH), prepares the host and runs Packstack at a root
 * shell on the real-sshd CentOS guest, and runs the seed's `openstack` commands on the real test cloud. The guest's
 * SSH is reached on 127.0.0.1:2222 (the README's default forward, tests/docs/labReadme.ts) with the key in
 * ~/.ssh/id_ed25519. `pulumi up` must take everything over without creating anything in VirtualBox or OpenStack,
 * without re-running Packstack and without touching the learner's files; `preview --refresh` then has nothing to
 * do; `destroy` does what the README's table says.
 */
import * as fs from "fs";
import * as path from "path";
import { adminCloud } from "../../tests/support/cloud";
import { cloudCli, seedRules } from "../../tests/lab/support/labWorld";
import { testNothingToDo } from "../../tests/docs/readme";
import { describeLabReadme, SSH_FORWARD_PORT } from "../../tests/docs/labReadme";
import { buildVirtualBox, createNetworks, installPackstack, PREPARE_HOST, rootShell } from "./byHand";

jest.setTimeout(10 * 60_000);

const NAMES = { natNetwork: "LabNatNetwork", vm: "openstack-lab" }; // what the README's config says the learner called them

/** VBoxManage verbs that change something. */
const VBOX_READS = new Set(["showvminfo", "list", "--version", "guestproperty"]);
const vboxChanges = (calls: string[][]) =>
  calls.filter((a) => !VBOX_READS.has(a[0]) && !(a[0] === "natnetwork" && a[1] === "list") && !(a[0] === "snapshot" && a[2] === "list"));

/** What the learner built, as found before the adoption. */
let built: { vmUuid: string; networkId: string; subnetId: string; ruleIds: string[]; answers: string; ifcfgEnp0s3: string; ifcfgBrEx: string; keystonerc: string };
/** Where the VBoxManage log and the OpenStack trace stood before `pulumi up`. */
let before: { vbox: number; http: number };
let afterUp: { outputs: any; stateText: string; vboxChanges: string[][]; writes: string[]; otherWrites: any[]; ruleIds: string[]; externalNetworks: number };

const suite = describeLabReadme({
  readme: path.join(__dirname, "README.md"),
  name: "adopt-readme",
  before: (world) => {
    const adminPassword = adminCloud().password; // the install's keystonerc must authenticate against the test cloud
    buildVirtualBox(world, { ssh: SSH_FORWARD_PORT, http: 8080, keystone: 5000, neutron: 9696 }, NAMES);
    // the world's proxy (out of process), not the forward this process serves: rootShell waits synchronously
    rootShell(world, world.proxy.port, PREPARE_HOST);
    rootShell(world, world.proxy.port, installPackstack(adminPassword));
    createNetworks();
    const g = world.prep.guest;
    expect(g.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
    built = {
      vmUuid: /^UUID="(.*)"$/m.exec(world.vbox("showvminfo", NAMES.vm, "--machinereadable"))![1],
      networkId: cloudCli.json("network", "show", "external_network").id,
      subnetId: cloudCli.json("subnet", "show", "public_subnet").id,
      ruleIds: seedRules().map((r) => r.ID).sort(),
      answers: g.readFile("/root/answers.txt")!,
      ifcfgEnp0s3: g.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!,
      ifcfgBrEx: g.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")!,
      keystonerc: g.readFile("/root/keystonerc_admin")!,
    };
    expect(built.ruleIds).toHaveLength(2);
  },
  pauses: {
    "pulumi preview": () => {
      before = { vbox: suite.world.vboxCalls().length, http: suite.world.trace().length };
    },
    "pulumi up": () => {
      const world = suite.world;
      const stateText = fs.readFileSync(path.join(__dirname, ".pulumi", "stacks", "adopt-existing-lab", "lab.json"), "utf8");
      const writes = world.trace().slice(before.http).filter((l) => l.method !== "GET" && l.path !== "/v3/auth/tokens");
      afterUp = {
        outputs: JSON.parse(stateText).checkpoint.latest.resources.find((r: any) => r.type === "pulumi:pulumi:Stack").outputs,
        stateText,
        vboxChanges: vboxChanges(world.vboxCalls().slice(before.vbox)),
        writes: writes.map((l) => `${l.method} ${l.path} ${l.status}`),
        otherWrites: writes.filter((l) => l.status !== 409),
        ruleIds: seedRules().map((r) => r.ID).sort(),
        externalNetworks: cloudCli.json("network", "list", "--name", "external_network").length,
      };
    },
  },
});

test("pulumi preview: every resource 'create' (new to the stack, not to VirtualBox or OpenStack)", () => {
  expect(suite.run.output("pulumi preview")).toMatch(/10 to create/); // 8 + the OpenStackLab component + the stack
});

test("pulumi up adopts the hand-built lab: nothing created in VirtualBox or OpenStack (the missing forwards added), Packstack not re-run, the learner's files untouched", () => {
  expect(suite.run.output("pulumi up")).toMatch(/10 created/);
  // VirtualBox: one change only, the forwards a lab built by the seed's steps lacks (Nova, Glance, Placement, noVNC),
  // added to its NAT Network in place; no natnetwork add, createvm, modifyvm, startvm ...
  const forward = (name: string, port: number) => ["--port-forward-4", `${name}:tcp:[127.0.0.1]:${port}:[10.0.2.15]:${port}`];
  expect(afterUp.vboxChanges).toEqual([
    ["natnetwork", "modify", "--netname", "LabNatNetwork", ...forward("nova", 8774), ...forward("glance", 9292), ...forward("placement", 8778), ...forward("novnc", 6080)],
  ]);
  const out = afterUp.outputs;
  expect(out.vmUuid).toBe(built.vmUuid);
  // OpenStack: the same objects, by id; no network or subnet POSTed; the rules' POSTs answered 409 (adopted)
  expect(out.externalNetworkId).toBe(built.networkId);
  expect(out.publicSubnetId).toBe(built.subnetId);
  expect([out.icmpRuleId, out.sshRuleId].sort()).toEqual(built.ruleIds);
  expect(afterUp.ruleIds).toEqual(built.ruleIds);
  expect(afterUp.externalNetworks).toBe(1);
  expect(afterUp.otherWrites).toEqual([]);
  expect(afterUp.writes).toEqual(["POST /v2.0/security-group-rules 409", "POST /v2.0/security-group-rules 409"]);
  // the guest: Packstack ran once (by hand), never again; no reboot; the answer file, keystonerc and the br-ex
  // setup as the learner left them (enp0s3 stays br-ex's OVS port)
  const g = suite.world.prep.guest;
  expect(g.state().packstack.runs).toBe(1);
  expect(g.state().bootCount).toBe(0);
  expect(g.readFile("/root/answers.txt")).toBe(built.answers);
  expect(g.readFile("/root/keystonerc_admin")).toBe(built.keystonerc);
  expect(g.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")).toBe(built.ifcfgBrEx);
  expect(g.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")).toBe(built.ifcfgEnp0s3);
  // the admin password read over SSH is a secret in state and never printed
  expect(afterUp.stateText).not.toContain(JSON.stringify(adminCloud().password));
  for (const r of suite.run.results) expect(r.output.replace(/\[secret\]/g, "")).not.toContain(adminCloud().password); // the test cloud's is "secret"
});

testNothingToDo("pulumi preview --refresh after the adoption: no changes", suite, 10);

test("pulumi destroy deletes the adopted VirtualBox and OpenStack objects and leaves the guest's install (README: Destroy)", () => {
  expect(suite.run.output("pulumi destroy")).toMatch(/10 deleted/);
  expect(suite.world.vbox("list", "vms")).not.toContain(NAMES.vm);
  expect(fs.existsSync(`${suite.world.vboxState}/${NAMES.vm}.vdi`)).toBe(false); // the disk goes with the VM
  expect(suite.world.vbox("natnetwork", "list", NAMES.natNetwork)).not.toContain(`Name:         ${NAMES.natNetwork}`);
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(cloudCli.exists("subnet", "show", "public_subnet")).toBe(false);
  expect(seedRules()).toEqual([]);
  // HostPrep and PackstackInstall have nothing to undo: the guest keeps its preparation and its install
  expect(suite.world.prep.guest.readFile("/root/keystonerc_admin")).toBe(built.keystonerc);
  expect(suite.world.prep.guest.state().services.firewalld.active).toBe(false);
});
