/** virtualbox.Snapshot against the VBoxManage stand-in: take, read, edit, delete, gone, adopt. */
import { controller, provider } from "../../provider/virtualbox/snapshot/controller";
import { parseCreatedUuid } from "../../provider/virtualbox/vboxmanage/parse";
import { checked, drift } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
let vm: string;
beforeEach(() => {
  standin = useStandIn();
  vm = parseCreatedUuid(standin.vbox("createvm", "--name", "snapvm", "--ostype", "RedHat_64", "--register"))!;
});
afterEach(() => standin.restore());

test("create takes the snapshot and reads it back; read is one `snapshot list`", async () => {
  const inputs = await checked(provider, { vm, name: "after-packstack", description: "Packstack done" });
  const { id, outs } = await provider.create(inputs);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(outs).toMatchObject({ vm, name: "after-packstack", uuid: id, description: "Packstack done", current: true });
  expect(standin.calls().find((c) => verb(c) === "snapshot take")!.argv).toEqual(["snapshot", vm, "take", "after-packstack", "--description", "Packstack done"]);
  const n = standin.calls().length;
  const r = await provider.read(id, outs);
  expect(standin.calls().slice(n).map((c) => c.argv)).toEqual([["snapshot", vm, "list", "--machinereadable"]]);
  expect(drift(controller, r.props!, inputs)).toEqual([]);
});

test("name and description change in place (snapshot edit); a different VM replaces", async () => {
  const { id, outs } = await provider.create(await checked(provider, { vm, name: "s1" }));
  const news = await checked(provider, { vm, name: "s1-renamed", description: "now described" });
  expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
  const { outs: after } = await provider.update(id, outs, news);
  expect(after).toMatchObject({ name: "s1-renamed", description: "now described", uuid: id });
  const other = await checked(provider, { vm: "4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11", name: "s1-renamed", description: "now described" });
  expect((await provider.diff(id, after, other)).replaces).toEqual(["vm"]);
});

test("name and description are in-place changes, a different VM is a replace (diff only)", async () => {
  const { id, outs } = await provider.create(await checked(provider, { vm, name: "s1" }));
  expect(await provider.diff(id, outs, await checked(provider, { vm, name: "s2", description: "d" }))).toMatchObject({ changes: true, replaces: [] });
  const other = await checked(provider, { vm: "4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11", name: "s1" });
  expect((await provider.diff(id, outs, other)).replaces).toEqual(["vm"]);
});

test("delete removes it; then the VM has no snapshots and read says gone", async () => {
  const { id, outs } = await provider.create(await checked(provider, { vm, name: "s1" }));
  await provider.delete(id, outs);
  expect(standin.calls().at(-1)!.argv).toEqual(["snapshot", vm, "delete", id]);
  expect(standin.try("snapshot", vm, "list", "--machinereadable")).toMatchObject({ status: 1, stdout: expect.stringContaining("This machine does not have any snapshots") });
  expect(await provider.read(id, outs)).toEqual({});
  await expect(provider.delete(id, outs)).resolves.toBeUndefined();
});

test("deleted out of band, or its VM deleted: read says gone", async () => {
  const { id, outs } = await provider.create(await checked(provider, { vm, name: "s1" }));
  const { id: id2, outs: outs2 } = await provider.create(await checked(provider, { vm, name: "s2" }));
  standin.vbox("snapshot", vm, "delete", id);
  expect(await provider.read(id, outs)).toEqual({});
  expect((await provider.read(id2, outs2)).props!.name).toBe("s2");
  standin.vbox("unregistervm", vm, "--delete");
  expect(await provider.read(id2, outs2)).toEqual({});
});

test("adopt by name takes over a snapshot made with the CLI, zero diff", async () => {
  const taken = parseCreatedUuid(standin.vbox("snapshot", vm, "take", "handmade", "--description", "by hand"))!;
  const inputs = await checked(provider, { vm, name: "handmade", description: "by hand", adopt: { name: "handmade" } });
  const n = standin.calls().length;
  const { id, outs } = await provider.create(inputs);
  expect(id).toBe(taken);
  expect(standin.calls().slice(n).map(verb).filter((v) => v !== "--version")).toEqual(["snapshot list", "snapshot list"]);
  expect(drift(controller, outs, inputs)).toEqual([]);
});

test("adopt by a name two snapshots share is refused, listing their ids", async () => {
  standin.vbox("snapshot", vm, "take", "twin");
  standin.vbox("snapshot", vm, "take", "twin");
  const inputs = await checked(provider, { vm, name: "twin", adopt: { name: "twin" } });
  await expect(provider.create(inputs)).rejects.toThrow(/2 snapshots .* are named "twin"; adopt one by id/);
});
