/**
 * NatNetwork + VirtualMachine + Snapshot through the REAL dynamic-provider plugin (gRPC, tests/harness), with the
 * VBoxManage stand-in on the plugin's PATH: create, no-op second up, in-place update through the graceful-stop
 * path, replace, drift, out-of-band deletion, adopt with zero diff, destroy.
 * Runs against bin/ (build first: npx tsc -p tsconfig.json).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DynamicProviderHost } from "../harness/dynamicProviderHost";
import { MiniEngine } from "../harness/miniEngine";
import { serializeInChild } from "../harness/serializeInChild";
import { STANDIN, STANDIN_DIR } from "./standin";
import { execFileSync } from "child_process";

const ROOT = path.resolve(__dirname, "../..");
const REGISTRY = path.join(ROOT, "bin", "sdk", "providers.js");
const T = {
  net: "pulumi-nodejs:dynamic/virtualbox:NatNetwork",
  vm: "pulumi-nodejs:dynamic/virtualbox:VirtualMachine",
  snap: "pulumi-nodejs:dynamic/virtualbox:Snapshot",
};

let stateDir: string;
let host: DynamicProviderHost;
let engine: MiniEngine;
let shim: Record<string, string>;
const env = () => ({ PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH}`, VBOX_STANDIN_STATE: stateDir, HOME: stateDir });
const vbox = (...args: string[]) => execFileSync(STANDIN, args, { env: { ...process.env, ...env() }, encoding: "utf8" });
const calls = (): string[][] => fs.readFileSync(path.join(stateDir, "calls.log"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const READS = new Set(["showvminfo", "list", "--version"]);
/** Calls since `n` that change something (reads, lists and the version probe left out). */
const changesSince = (n: number) => calls().slice(n).filter((a) => !READS.has(a[0]) && !(a[0] === "natnetwork" && a[1] === "list") && !(a[0] === "snapshot" && a[2] === "list"));

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-lifecycle-"));
  // A user's program directory that sees this package through node_modules (where the shims resolve it from).
  const program = path.join(stateDir, "program");
  fs.mkdirSync(path.join(program, "node_modules"), { recursive: true });
  fs.symlinkSync(ROOT, path.join(program, "node_modules", "pulumi-openstack-lab"), "dir");
  shim = Object.fromEntries(serializeInChild(REGISTRY, "providers.*").filter((r) => r.ok).map((r) => [r.key, r.text!]));
  host = await DynamicProviderHost.start({ cwd: program, project: "proj", env: env() });
  await host.configure({});
  engine = new MiniEngine(host);
});
afterAll(async () => {
  await host?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const netGoal = (extra: Record<string, unknown> = {}) => ({
  __provider: shim["virtualbox.NatNetwork"],
  name: "labnet",
  cidr: "10.0.2.0/24",
  dhcp: false,
  portForwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 }],
  ...extra,
});
const vmGoal = (extra: Record<string, unknown> = {}) => ({
  __provider: shim["virtualbox.VirtualMachine"],
  name: "lab-vm",
  memoryMb: 4096,
  disk: { sizeMb: 20480 },
  nics: [{ type: "natnetwork", natNetwork: "labnet", promiscuous: "allow-all" }],
  gracefulStopSeconds: 30,
  ...extra,
});
const snapGoal = (vm: string, extra: Record<string, unknown> = {}) => ({ __provider: shim["virtualbox.Snapshot"], vm, name: "clean", ...extra });

test("the three shims serialized", () => {
  expect(Object.keys(shim)).toEqual(expect.arrayContaining(["virtualbox.NatNetwork", "virtualbox.VirtualMachine", "virtualbox.Snapshot"]));
});

test("create -> no-op up -> graceful in-place update -> replace -> drift -> out-of-band deletion -> destroy", async () => {
  // create
  const net = await engine.register(T.net, "net", netGoal());
  const vm = await engine.register(T.vm, "vm", vmGoal());
  const snap = await engine.register(T.snap, "snap", snapGoal(vm.state.id));
  expect([net.op, vm.op, snap.op]).toEqual(["create", "create", "create"]);
  expect(vm.state.outputs).toMatchObject({ name: "lab-vm", state: "running", memoryMb: 4096 });

  // a second up with the same program changes nothing
  let n = calls().length;
  const again = [await engine.register(T.net, "net", netGoal()), await engine.register(T.vm, "vm", vmGoal()), await engine.register(T.snap, "snap", snapGoal(vm.state.id))];
  expect(again.map((r) => r.op)).toEqual(["same", "same", "same"]);
  expect(changesSince(n)).toEqual([]);

  // in-place update that needs the VM off: ACPI shutdown, modify, started again
  n = calls().length;
  const upd = await engine.register(T.vm, "vm", vmGoal({ memoryMb: 6144 }));
  expect(upd.op).toBe("update");
  expect(upd.state.id).toBe(vm.state.id);
  expect(changesSince(n).map((a) => a.slice(0, 3).join(" "))).toEqual([`controlvm ${vm.state.id} acpipowerbutton`, `modifyvm ${vm.state.id} --memory`, `startvm ${vm.state.id} --type`]);
  expect(upd.state.outputs).toMatchObject({ memoryMb: 6144, state: "running" });
  await host.flushOutput();
  expect(host.outputText()).toMatch(/\[virtualbox\.VirtualMachine lab-vm\] ACPI shutdown requested/);

  // drift made with the VBoxManage CLI shows on refresh, and the next up puts it back
  vbox("natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "delete", "ssh");
  const refreshed = await engine.refresh(net.state.urn);
  expect(refreshed.deleted).toBe(false);
  expect(refreshed.deleted === false && refreshed.drifted).toBe(true);
  expect(refreshed.deleted === false && refreshed.state.outputs.portForwards).toEqual([]);
  const fixed = await engine.register(T.net, "net", netGoal());
  expect(fixed.op).toBe("update");
  expect(vbox("natnetwork", "list", "labnet")).toMatch(/ssh:tcp:\[127\.0\.0\.1\]:2222/);

  // replace: a different installer ISO means a new VM (the old one is deleted first: same name)
  const iso = path.join(stateDir, "other.iso");
  fs.writeFileSync(iso, "iso");
  const rep = await engine.register(T.vm, "vm", vmGoal({ memoryMb: 6144, installerIso: iso }));
  expect(rep.op).toBe("replace");
  expect(rep.state.id).not.toBe(vm.state.id);
  expect(vbox("list", "vms")).not.toContain(vm.state.id);
  expect(vbox("list", "vms")).toContain(rep.state.id);

  // the snapshot of the replaced VM is gone out of band: refresh drops it, up re-creates it on the new VM
  expect((await engine.refresh(snap.state.urn)).deleted).toBe(true);
  const snap2 = await engine.register(T.snap, "snap", snapGoal(rep.state.id));
  expect(snap2.op).toBe("create");

  // the VM deleted out of band: refresh says gone
  vbox("controlvm", rep.state.id, "poweroff");
  vbox("unregistervm", rep.state.id, "--delete");
  expect((await engine.refresh(rep.state.urn)).deleted).toBe(true);
  expect((await engine.refresh(snap2.state.urn)).deleted).toBe(true);

  // destroy what is left
  await engine.destroyAll();
  expect(vbox("natnetwork", "list")).not.toMatch(/labnet/);
});

test("adopt a NAT network and a VM made by hand: zero diff, nothing changed, then a no-op up", async () => {
  vbox("natnetwork", "add", "--netname", "handnet", "--network", "10.0.3.0/24", "--enable", "--dhcp", "on");
  const uuid = /UUID: (\S+)/.exec(vbox("createvm", "--name", "handvm", "--ostype", "RedHat_64", "--register"))![1];
  vbox("modifyvm", uuid, "--memory", "4096", "--cpus", "2", "--nic1", "natnetwork", "--nat-network1", "handnet", "--boot1", "disk", "--boot2", "dvd", "--boot3", "none", "--boot4", "none", "--nested-hw-virt", "on", "--graphicscontroller", "vmsvga");
  const n = calls().length;
  const netIn = { __provider: shim["virtualbox.NatNetwork"], name: "handnet", cidr: "10.0.3.0/24", adopt: { name: "handnet" } };
  const vmIn = vmGoal({ name: "handvm", nics: [{ type: "natnetwork", natNetwork: "handnet" }], state: "poweroff", adopt: { id: uuid } });
  delete (vmIn as Record<string, unknown>).disk;
  const net = await engine.register(T.net, "handnet", netIn);
  const vm = await engine.register(T.vm, "handvm", vmIn);
  expect([net.state.id, vm.state.id]).toEqual(["handnet", uuid]);
  expect(changesSince(n)).toEqual([]);
  await host.flushOutput();
  expect(host.outputText()).toMatch(/adopted handnet \(already matches\)/);
  expect(host.outputText()).toMatch(new RegExp(`adopted ${uuid} \\(already matches\\)`));
  const again = [await engine.register(T.net, "handnet", netIn), await engine.register(T.vm, "handvm", vmIn)];
  expect(again.map((r) => r.op)).toEqual(["same", "same"]);
  expect(changesSince(n)).toEqual([]);
});
