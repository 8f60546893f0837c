/** virtualbox.VirtualMachine adopt: take over a VM made with the VBoxManage CLI, with zero diff. */
import { controller, provider } from "../../provider/virtualbox/virtualmachine/controller";
import { parseCreatedUuid } from "../../provider/virtualbox/vboxmanage/parse";
import { checked, drift } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
let uuid: string;
beforeEach(() => {
  standin = useStandIn();
  uuid = parseCreatedUuid(standin.vbox("createvm", "--name", "handmade", "--ostype", "RedHat_64", "--register"))!;
  standin.vbox("modifyvm", uuid, "--memory", "8192", "--cpus", "4", "--nic1", "natnetwork", "--nat-network1", "labnet", "--boot1", "disk", "--boot2", "dvd", "--boot3", "none", "--boot4", "none", "--nested-hw-virt", "on", "--graphicscontroller", "vmsvga");
});
afterEach(() => standin.restore());

const matching = {
  name: "handmade",
  cpus: 4,
  memoryMb: 8192,
  nics: [{ type: "natnetwork", natNetwork: "labnet" }],
  state: "poweroff",
};

test.each([["name", () => ({ name: "handmade" })], ["id", () => ({ id: uuid })]])("adopt by %s: zero diff, no change made", async (_by, adopt) => {
  const n = standin.calls().length;
  const inputs = await checked(provider, { ...matching, adopt: adopt() });
  const { id, outs } = await provider.create(inputs);
  expect(id).toBe(uuid);
  expect(standin.calls().slice(n).map(verb).filter((v) => v !== "--version")).toEqual(["showvminfo", "showvminfo"]);
  expect(drift(controller, outs, inputs)).toEqual([]);
  const r = await provider.read(id, outs);
  expect(drift(controller, r.props!, inputs)).toEqual([]);
});

test("adopt with different memory reconciles in place", async () => {
  const inputs = await checked(provider, { ...matching, memoryMb: 4096, adopt: { name: "handmade" } });
  const { outs } = await provider.create(inputs);
  expect(outs.memoryMb).toBe(4096);
  expect(standin.calls().filter((c) => c.argv[0] === "modifyvm").at(-1)!.argv).toEqual(["modifyvm", uuid, "--memory", "4096"]);
});

test("adopt of a VM that does not exist fails and creates nothing", async () => {
  const inputs = await checked(provider, { ...matching, name: "ghost", adopt: { name: "ghost" } });
  await expect(provider.create(inputs)).rejects.toThrow(/adopt: no existing object matches/);
  expect(standin.calls().filter((c) => c.argv[0] === "createvm")).toHaveLength(1); // only the beforeEach one
});
