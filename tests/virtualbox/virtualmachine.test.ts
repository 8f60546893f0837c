/**
 * virtualbox.VirtualMachine against the VBoxManage stand-in: create, one-process read, updates through the
 * graceful-stop path (and its hard power-off fallback), power state restored, drift, out-of-band deletion,
 * delete with and without keepOnDelete.
 */
import * as fs from "fs";
import * as path from "path";
import { controller, provider } from "../../provider/virtualbox/virtualmachine/controller";
import { captureStdout, checked, drift } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
afterEach(() => standin.restore());
const start = (env: Record<string, string> = {}) => (standin = useStandIn(env));

const raw = (extra: Record<string, unknown> = {}) => ({
  name: "lab-vm",
  cpus: 2,
  memoryMb: 4096,
  disk: { sizeMb: 20480 },
  nics: [{ type: "natnetwork", natNetwork: "labnet", promiscuous: "allow-all" }],
  gracefulStopSeconds: 30,
  ...extra,
});

async function created(extra: Record<string, unknown> = {}) {
  const inputs = await checked(provider, raw(extra));
  const { id, outs } = await provider.create(inputs);
  return { id, outs, inputs };
}

const since = (n: number) => standin.calls().slice(n);

describe("create and read", () => {
  beforeEach(() => start());

  test("create: VM with settings, SATA disk, empty DVD, started headless; outputs read back", async () => {
    const { id, outs, inputs } = await created();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(outs).toMatchObject({ uuid: id, name: "lab-vm", osType: "RedHat_64", cpus: 2, memoryMb: 4096, state: "running", bootOrder: ["disk", "dvd"], nestedVirtualization: true, graphicsController: "vmsvga" });
    expect(outs.nics).toEqual([expect.objectContaining({ type: "natnetwork", natNetwork: "labnet" })]);
    expect(outs.disk.path).toMatch(/lab-vm\.vdi$/);
    const argv = standin.calls().map((c) => c.argv);
    expect(argv.find((a) => a[0] === "createvm")).toEqual(["createvm", "--name", "lab-vm", "--ostype", "RedHat_64", "--register"]);
    const modify = argv.find((a) => a[0] === "modifyvm")!;
    expect(modify).toEqual(expect.arrayContaining(["--memory", "4096", "--cpus", "2", "--nested-hw-virt", "on", "--nic1", "natnetwork", "--nat-network1", "labnet", "--nic-promisc1", "allow-all", "--boot1", "disk", "--boot2", "dvd"]));
    expect(argv.find((a) => a[0] === "createmedium")).toEqual(["createmedium", "disk", "--filename", outs.disk.path, "--size", "20480", "--format", "VDI"]);
    expect(argv.find((a) => a[0] === "startvm")).toEqual(["startvm", id, "--type", "headless"]);
    expect(drift(controller, outs, inputs)).toEqual([]);
  });

  test("read is exactly one `showvminfo <uuid> --machinereadable`", async () => {
    const { id, outs, inputs } = await created();
    const n = standin.calls().length;
    const r = await provider.read(id, outs);
    expect(since(n).map((c) => c.argv)).toEqual([["showvminfo", id, "--machinereadable"]]);
    expect(drift(controller, r.props!, inputs)).toEqual([]);
  });

  test("state poweroff: created and left off", async () => {
    const { outs } = await created({ state: "poweroff" });
    expect(outs.state).toBe("poweroff");
    expect(standin.calls().map(verb)).not.toContain("startvm");
  });
});

describe("updates that need the VM off", () => {
  test("graceful path: ACPI shutdown, modify, start again (running before and after)", async () => {
    start();
    const { id, outs } = await created();
    const news = await checked(provider, raw({ memoryMb: 8192, cpus: 4 }));
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const n = standin.calls().length;
    const { result, lines } = await captureStdout(() => provider.update(id, outs, news));
    const verbs = since(n).map(verb).filter((v) => v !== "showvminfo");
    expect(verbs).toEqual(["controlvm", "modifyvm", "startvm"]);
    expect(since(n).find((c) => c.argv[0] === "controlvm")!.argv).toEqual(["controlvm", id, "acpipowerbutton"]);
    expect(since(n).find((c) => c.argv[0] === "modifyvm")!.argv).toEqual(["modifyvm", id, "--memory", "8192", "--cpus", "4"]);
    expect(result.outs).toMatchObject({ memoryMb: 8192, cpus: 4, state: "running" });
    expect(lines.join("\n")).toMatch(/memoryMb, cpus need the VM powered off[\s\S]*ACPI shutdown requested[\s\S]*guest shut down/);
  });

  test("ACPI ignored by the guest: hard power-off after gracefulStopSeconds, then modify and start", async () => {
    start({ VBOX_STANDIN_ACPI: "ignore" });
    const { id, outs } = await created({ gracefulStopSeconds: 1 });
    const news = await checked(provider, raw({ memoryMb: 6144, gracefulStopSeconds: 1 }));
    const n = standin.calls().length;
    const { result, lines } = await captureStdout(() => provider.update(id, outs, news));
    const controls = since(n).filter((c) => c.argv[0] === "controlvm").map((c) => c.argv[2]);
    expect(controls).toEqual(["acpipowerbutton", "poweroff"]);
    const verbs = since(n).map(verb).filter((v) => v !== "showvminfo");
    expect(verbs).toEqual(["controlvm", "controlvm", "modifyvm", "startvm"]);
    expect(lines.join("\n")).toMatch(/did not shut down within 1s; powering off/);
    expect(result.outs).toMatchObject({ memoryMb: 6144, state: "running" });
  });

  test("a powered-off VM with state poweroff stays off (previous power state restored)", async () => {
    start();
    const { id, outs } = await created({ state: "poweroff" });
    const n = standin.calls().length;
    const { outs: after } = await provider.update(id, outs, await checked(provider, raw({ state: "poweroff", memoryMb: 5120 })));
    expect(since(n).map(verb).filter((v) => v !== "showvminfo")).toEqual(["modifyvm"]);
    expect(after).toMatchObject({ memoryMb: 5120, state: "poweroff" });
  });

  test("'already locked' from VBoxManage is retried: the update still lands", async () => {
    start();
    const { id, outs } = await created({ state: "poweroff" });
    fs.writeFileSync(path.join(standin.stateDir, "fail-next-locked"), "2");
    const n = standin.calls().length;
    const { outs: after } = await provider.update(id, outs, await checked(provider, raw({ state: "poweroff", cpus: 3 })));
    expect(since(n).filter((c) => c.argv[0] === "modifyvm")).toHaveLength(3);
    expect(after.cpus).toBe(3);
  });

  test("state alone: running -> poweroff stops gracefully; poweroff -> running starts", async () => {
    start();
    const { id, outs } = await created();
    const { outs: off } = await provider.update(id, outs, await checked(provider, raw({ state: "poweroff" })));
    expect(off.state).toBe("poweroff");
    const n = standin.calls().length;
    const { outs: on } = await provider.update(id, off, await checked(provider, raw()));
    expect(on.state).toBe("running");
    expect(since(n).map(verb).filter((v) => v !== "showvminfo")).toEqual(["startvm"]);
  });

  test("installerIso changes replace the VM (delete first: the name stays taken otherwise)", async () => {
    start();
    const { id, outs } = await created();
    expect(await provider.diff(id, outs, await checked(provider, raw({ installerIso: "/isos/other.iso" })))).toEqual({ changes: true, replaces: ["installerIso"], deleteBeforeReplace: true });
  });
});

describe("drift and deletion", () => {
  beforeEach(() => start());

  test("drift: `modifyvm --memory` through the CLI shows as exactly memoryMb", async () => {
    const { id, outs, inputs } = await created({ state: "poweroff" });
    standin.vbox("modifyvm", id, "--memory", "2048");
    const r = await provider.read(id, outs);
    expect(r.props!.memoryMb).toBe(2048);
    expect(drift(controller, r.props!, inputs)).toEqual(["memoryMb"]);
  });

  test("drift: a VM powered off out of band shows as state", async () => {
    const { id, outs, inputs } = await created();
    standin.vbox("controlvm", id, "poweroff");
    const r = await provider.read(id, outs);
    expect(drift(controller, r.props!, inputs)).toEqual(["state"]);
  });

  test("deleted out of band: read says gone, delete succeeds", async () => {
    const { id, outs } = await created({ state: "poweroff" });
    standin.vbox("unregistervm", id, "--delete");
    expect(await provider.read(id, outs)).toEqual({});
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });

  test("delete: ACPI stop, then unregistervm --delete (disk removed)", async () => {
    const { id, outs } = await created();
    const n = standin.calls().length;
    await provider.delete(id, outs);
    const argv = since(n).map((c) => c.argv).filter((a) => a[0] !== "showvminfo");
    expect(argv).toEqual([["controlvm", id, "acpipowerbutton"], ["unregistervm", id, "--delete"]]);
    expect(standin.try("showvminfo", id, "--machinereadable").status).toBe(1);
  });

  test("delete with keepOnDelete: the disk is detached first and left on disk", async () => {
    const diskPath = path.join(standin.stateDir, "keep", "lab.vdi");
    const { id, outs } = await created({ disk: { sizeMb: 20480, path: diskPath, keepOnDelete: true }, state: "poweroff" });
    const n = standin.calls().length;
    await provider.delete(id, outs);
    const argv = since(n).map((c) => c.argv).filter((a) => a[0] !== "showvminfo");
    expect(argv[0]).toEqual(["storageattach", id, "--storagectl", "SATA", "--port", "0", "--device", "0", "--medium", "none"]);
    expect(argv[1]).toEqual(["unregistervm", id, "--delete"]);
    expect(fs.existsSync(diskPath)).toBe(true);
    // A new VM with the same disk path attaches the kept disk instead of creating one.
    const m = standin.calls().length;
    await created({ disk: { sizeMb: 20480, path: diskPath }, state: "poweroff" });
    expect(since(m).map(verb)).not.toContain("createmedium");
    expect(since(m).find((c) => c.argv[0] === "storageattach")!.argv).toContain(diskPath);
  });
});
