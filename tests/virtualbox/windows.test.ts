/** Windows mode of the stand-in (VBoxManage.exe prefix, CRLF everywhere): every resource still works. */
import { controller as netController, provider as natNetwork } from "../../provider/virtualbox/natnetwork/controller";
import { provider as snapshot } from "../../provider/virtualbox/snapshot/controller";
import { controller as vmController, provider as virtualMachine } from "../../provider/virtualbox/virtualmachine/controller";
import { checked, drift } from "./helpers";
import { StandIn, useStandIn } from "./standin";

let standin: StandIn;
beforeEach(() => (standin = useStandIn({ VBOX_STANDIN_OS: "windows" })));
afterEach(() => standin.restore());

test("CRLF output: create, read with zero drift, update, errors classified, delete", async () => {
  expect(standin.vbox("--version")).toMatch(/\r\n$/);
  const netInputs = await checked(natNetwork, { name: "labnet", cidr: "10.0.2.0/24", portForwards: [{ name: "ssh", protocol: "tcp", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 }] });
  const net = await natNetwork.create(netInputs);
  expect(net.outs.portForwards).toEqual(netInputs.portForwards);
  expect(drift(netController, (await natNetwork.read(net.id, net.outs)).props!, netInputs)).toEqual([]);

  const vmInputs = await checked(virtualMachine, { name: "winvm", nics: [{ type: "natnetwork", natNetwork: "labnet" }], gracefulStopSeconds: 10 });
  const vm = await virtualMachine.create(vmInputs);
  expect(vm.outs).toMatchObject({ name: "winvm", state: "running", nics: [expect.objectContaining({ natNetwork: "labnet" })] });
  expect(drift(vmController, (await virtualMachine.read(vm.id, vm.outs)).props!, vmInputs)).toEqual([]);
  const { outs } = await virtualMachine.update(vm.id, vm.outs, await checked(virtualMachine, { ...vmInputs, memoryMb: 6144 }));
  expect(outs).toMatchObject({ memoryMb: 6144, state: "running" });

  const snap = await snapshot.create(await checked(snapshot, { vm: vm.id, name: "s1" }));
  expect(snap.outs.name).toBe("s1");
  await snapshot.delete(snap.id, snap.outs);
  expect(await snapshot.read(snap.id, snap.outs)).toEqual({});

  await virtualMachine.delete(vm.id, outs);
  expect(await virtualMachine.read(vm.id, outs)).toEqual({}); // "VBoxManage.exe: error: ... VBOX_E_OBJECT_NOT_FOUND" = gone
  await natNetwork.delete(net.id, net.outs);
  expect(await natNetwork.read(net.id, net.outs)).toEqual({});
});
