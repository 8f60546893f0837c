/** P2 budget: a no-op refresh of NatNetwork + VirtualMachine + Snapshot runs one VBoxManage process per resource. */
import { provider as natNetwork } from "../../provider/virtualbox/natnetwork/controller";
import { provider as snapshot } from "../../provider/virtualbox/snapshot/controller";
import { provider as virtualMachine } from "../../provider/virtualbox/virtualmachine/controller";
import { resetVersionCache } from "../../provider/virtualbox/vboxmanage/version";
import { checked } from "./helpers";
import { StandIn, useStandIn } from "./standin";

let standin: StandIn;
beforeEach(() => (standin = useStandIn()));
afterEach(() => standin.restore());

test("a no-op read of the three resources costs three processes, in a fresh process too (no version check on read)", async () => {
  const net = await natNetwork.create(await checked(natNetwork, { name: "labnet", cidr: "10.0.2.0/24" }));
  const vm = await virtualMachine.create(await checked(virtualMachine, { name: "vm", nics: [{ type: "natnetwork", natNetwork: "labnet" }] }));
  const snap = await snapshot.create(await checked(snapshot, { vm: vm.id, name: "s" }));
  resetVersionCache(); // as if the plugin had just started
  const n = standin.calls().length;
  await Promise.all([natNetwork.read(net.id, net.outs), virtualMachine.read(vm.id, vm.outs), snapshot.read(snap.id, snap.outs)]);
  const argv = standin.calls().slice(n).map((c) => c.argv.join(" ")).sort();
  expect(argv).toEqual([`natnetwork list labnet`, `showvminfo ${vm.id} --machinereadable`, `snapshot ${vm.id} list --machinereadable`].sort());
});
