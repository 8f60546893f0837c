/**
 * NatNetwork + VirtualMachine + Snapshot through the real Pulumi CLI (tests/support/pulumiCli), with the VBoxManage
 * stand-in on the plugin's PATH (program: fixtures/vbox-stack): create, `up --expect-no-changes`, an in-place
 * update through the graceful-stop path with its progress in the CLI's own output, drift named by
 * `preview --refresh --diff` and put back, a replace (delete-before-replace: the VM keeps its name, and the
 * engine replaces the snapshot on it too), out-of-band deletion, destroy. Runs against bin/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliStack } from "../support/pulumiCli";
import { STANDIN, STANDIN_DIR } from "./standin";

jest.setTimeout(300_000);

let stateDir: string;
let stack: CliStack;
const env = () => ({ PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH}`, VBOX_STANDIN_STATE: stateDir, HOME: stateDir });
const vbox = (...args: string[]) => execFileSync(STANDIN, args, { env: { ...process.env, ...env() }, encoding: "utf8" });
const calls = (): string[][] => {
  const log = path.join(stateDir, "calls.log");
  return fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
};
const READS = new Set(["showvminfo", "list", "--version"]);
/** Calls since `n` that change something (reads, lists and the version probe left out). */
const changesSince = (n: number) => calls().slice(n).filter((a) => !READS.has(a[0]) && !(a[0] === "natnetwork" && a[1] === "list") && !(a[0] === "snapshot" && a[2] === "list"));

beforeAll(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-lifecycle-"));
  stack = new CliStack({ programDir: path.join(__dirname, "fixtures", "vbox-stack"), config: { netName: "labnet", vmName: "lab-vm" }, env: env() });
});
afterAll(async () => {
  try {
    await stack.run("destroy");
  } finally {
    stack.dispose();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

let vmId: string;

test("pulumi up creates the three; pulumi up --expect-no-changes runs no VBoxManage command that changes anything", async () => {
  const up = await stack.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ net: "create", vm: "create", snap: "create" });
  vmId = up.outputs.vmId;
  expect(vbox("showvminfo", vmId, "--machinereadable")).toContain('VMState="running"');
  expect(vbox("snapshot", vmId, "list", "--machinereadable")).toContain('SnapshotName="clean"');

  const n = calls().length;
  const again = await stack.run("up", { expectNoChanges: true });
  expect(again.error).toBeNull();
  expect(again.ops()).toEqual({ net: "same", vm: "same", snap: "same" });
  expect(changesSince(n)).toEqual([]);
});

test("an in-place update that needs the VM off: ACPI shutdown, modify, start again; the progress shows in the CLI's output", async () => {
  const n = calls().length;
  const seen: string[] = [];
  const upd = await stack.run("up", {}, { config: { memoryMb: "6144" }, onOutput: (t) => seen.push(t) });
  expect(upd.error).toBeNull();
  expect(upd.ops()).toMatchObject({ vm: "update", net: "same", snap: "same" });
  expect(upd.outputs.vmId).toBe(vmId);
  expect(changesSince(n).map((a) => a.slice(0, 3).join(" "))).toEqual([`controlvm ${vmId} acpipowerbutton`, `modifyvm ${vmId} --memory`, `startvm ${vmId} --type`]);
  expect(vbox("showvminfo", vmId, "--machinereadable")).toContain("memory=6144");
  // the provider's progress line reaches the user through the CLI (the plugin's stdout becomes an info diagnostic)
  expect(seen.join("")).toMatch(/\[virtualbox\.VirtualMachine lab-vm\] ACPI shutdown requested/);
  // ... while the update is running, not only when it ends
  expect(upd.progressDuringStep("vm", /ACPI shutdown requested/)).toBe(true);
});

test("VirtualBox answers that the VM is locked by another session: the update waits, says why, and completes on the one VM", async () => {
  const n = calls().length;
  // the stand-in's hook: the next 2 locking calls fail as VirtualBox does while the GUI (or another up) holds the VM
  fs.writeFileSync(path.join(stateDir, "fail-next-locked"), "2");
  const seen: string[] = [];
  const upd = await stack.run("up", {}, { config: { memoryMb: "4096" }, onOutput: (t) => seen.push(t) });
  expect(upd.error).toBeNull();
  expect(upd.ops()).toMatchObject({ vm: "update", net: "same", snap: "same" });
  expect(upd.outputs.vmId).toBe(vmId);
  expect(fs.readFileSync(path.join(stateDir, "fail-next-locked"), "utf8")).toBe("0");
  // the refused modifyvm was asked again until it went through: 2 locked + 1 that worked, and nothing else doubled
  expect(changesSince(n).map((a) => a.slice(0, 3).join(" "))).toEqual([
    `controlvm ${vmId} acpipowerbutton`,
    `modifyvm ${vmId} --memory`,
    `modifyvm ${vmId} --memory`,
    `modifyvm ${vmId} --memory`,
    `startvm ${vmId} --type`,
  ]);
  expect(seen.join("")).toMatch(/VBoxManage modifyvm: The machine '[^']+' is already locked for a session[^\n]*another session holds the VM[^\n]*retrying in/);
  expect(vbox("showvminfo", vmId, "--machinereadable")).toContain("memory=4096");
  expect(vbox("list", "vms").trim().split("\n")).toHaveLength(1);
});

test("drift made with VBoxManage: preview --refresh --diff names portForwards; up --refresh puts the forward back", async () => {
  vbox("natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "delete", "ssh");
  const preview = await stack.run("preview", { refresh: true, diff: true });
  expect(preview.error).toBeNull();
  expect(preview.inputChanges()).toEqual({ net: ["portForwards"] });
  const fixed = await stack.run("up", { refresh: true });
  expect(fixed.error).toBeNull();
  expect(fixed.ops()).toMatchObject({ net: "update", vm: "same", snap: "same" });
  expect(vbox("natnetwork", "list", "labnet")).toMatch(/ssh:tcp:\[127\.0\.0\.1\]:2222/);
});

test("replace: another installer ISO means a new VM of the same name (deleted first), and the engine replaces the snapshot on it", async () => {
  const iso = path.join(stateDir, "other.iso");
  fs.writeFileSync(iso, "iso");
  const rep = await stack.run("up", {}, { config: { installerIso: iso } });
  expect(rep.error).toBeNull();
  const ops = rep.steps().map((s) => `${s.name} ${s.op}`);
  // delete-before-replace: the dependent snapshot goes first, then the VM; then both are created anew
  expect(ops.indexOf("snap delete-replaced")).toBeLessThan(ops.indexOf("vm delete-replaced"));
  expect(ops.indexOf("vm delete-replaced")).toBeLessThan(ops.indexOf("vm create-replacement"));
  expect(ops.indexOf("vm create-replacement")).toBeLessThan(ops.indexOf("snap create-replacement"));
  const newVm = rep.outputs.vmId;
  expect(newVm).not.toBe(vmId);
  expect(vbox("list", "vms")).not.toContain(vmId);
  expect(vbox("list", "vms")).toContain(newVm);
  expect(vbox("snapshot", newVm, "list", "--machinereadable")).toContain('SnapshotName="clean"');
  vmId = newVm;
});

test("the VM deleted out of band: refresh reads it (and its snapshot) as gone, up creates both again", async () => {
  vbox("controlvm", vmId, "poweroff");
  vbox("unregistervm", vmId, "--delete");
  const preview = await stack.run("preview", { refresh: true });
  expect(preview.error).toBeNull();
  expect(preview.ops()).toMatchObject({ vm: "create", snap: "create", net: "same" });
  const up = await stack.run("up", { refresh: true });
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({ vm: "create", snap: "create", net: "same" });
  expect(vbox("list", "vms")).toContain(up.outputs.vmId);
});

test("pulumi destroy removes the VM, its snapshot and the NAT Network", async () => {
  const destroy = await stack.run("destroy");
  expect(destroy.error).toBeNull();
  expect(destroy.summary).toEqual({ delete: 4 });
  expect(vbox("list", "vms")).not.toContain("lab-vm");
  expect(vbox("natnetwork", "list")).not.toMatch(/labnet/);
});
