/**
 * The `import` option and `get` on the VirtualBox resources through the real Pulumi CLI, with the VBoxManage
 * stand-in: a NAT Network, a VM and a snapshot made by hand with VBoxManage are imported (nothing added, modified
 * or taken), the next up is a no-op, a second stack on the same backend references them with `get` and its
 * destroy leaves them, the owner's destroy removes them.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliStack } from "../support/pulumiCli";
import { STANDIN, STANDIN_DIR } from "../virtualbox/standin";

jest.setTimeout(180_000);

const PROGRAM = path.join(__dirname, "fixtures", "virtualbox");
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "imp-vbox-"));
const env = { PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH}`, VBOX_STANDIN_STATE: stateDir, HOME: stateDir };
const vbox = (...args: string[]) => execFileSync(STANDIN, args, { env: { ...process.env, ...env }, encoding: "utf8" });
const calls = (): string[][] => {
  const log = path.join(stateDir, "calls.log");
  return fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : [];
};
/** VBoxManage calls since `from` that change something. */
const READS = new Set(["showvminfo", "list", "--version", "guestproperty"]);
const changing = (from: number) =>
  calls().slice(from).filter((a) => !READS.has(a[0]) && !(a[0] === "natnetwork" && a[1] === "list") && !(a[0] === "snapshot" && a[2] === "list"));
const uuidIn = (text: string) => /UUID: ([0-9a-f-]{36})/.exec(text)![1];

let owner: CliStack;
let reader: CliStack;
let vmUuid: string;
let snapshotUuid: string;
beforeAll(() => {
  vbox("natnetwork", "add", "--netname", "imported", "--network", "10.0.9.0/24", "--enable", "--dhcp", "off");
  vmUuid = uuidIn(vbox("createvm", "--name", "handmade", "--ostype", "RedHat_64", "--register"));
  vbox("modifyvm", vmUuid, "--memory", "2048", "--cpus", "2", "--nic1", "natnetwork", "--nat-network1", "imported", "--boot1", "disk", "--boot2", "dvd",
    "--boot3", "none", "--boot4", "none", "--nested-hw-virt", "on", "--graphicscontroller", "vmsvga"); // the VM defaults: nothing to reconcile
  snapshotUuid = uuidIn(vbox("snapshot", vmUuid, "take", "by-hand"));
  const ids = { natNetwork: "imported", vmUuid, snapshotUuid };
  owner = new CliStack({ programDir: PROGRAM, config: { mode: "import", vmName: "handmade", ...ids }, env });
  reader = new CliStack({ programDir: PROGRAM, stack: "reader", stateDir: owner.stateDir, config: { mode: "get", ...ids }, env });
});
afterAll(() => {
  owner.dispose();
  reader.dispose();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test("import: created in state, no VBoxManage change; the next up --expect-no-changes passes", async () => {
  const before = calls().length;
  const up = await owner.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ natnet: "create", vm: "create", snapshot: "create" });
  expect(up.outputs).toEqual({ cidr: "10.0.9.0/24", vmName: "handmade", memoryMb: 2048, snapshotName: "by-hand" });
  expect(changing(before)).toEqual([]);
  const again = await owner.run("up", { expectNoChanges: true });
  expect(again.error).toBeNull();
  expect(changing(before)).toEqual([]);
});

test("get in a second stack reads them; that stack's destroy leaves them", async () => {
  const up = await reader.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ natnet: "read", vm: "read", snapshot: "read" });
  expect(up.outputs).toEqual({ cidr: "10.0.9.0/24", vmName: "handmade", memoryMb: 2048, snapshotName: "by-hand" });
  const before = calls().length;
  const down = await reader.run("destroy");
  expect(down.error).toBeNull();
  expect(changing(before)).toEqual([]);
  expect(vbox("list", "vms")).toContain(vmUuid);
});

test("the owner's destroy removes what it imported", async () => {
  const down = await owner.run("destroy");
  expect(down.error).toBeNull();
  expect(vbox("list", "vms")).not.toContain(vmUuid);
  expect(vbox("natnetwork", "list", "imported")).not.toContain("imported");
});
