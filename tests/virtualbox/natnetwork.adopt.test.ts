/** virtualbox.NatNetwork adopt: take over a network made with the VBoxManage CLI. */
import { controller, provider } from "../../provider/virtualbox/natnetwork/controller";
import { checked, drift } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
beforeEach(() => {
  standin = useStandIn();
  standin.vbox("natnetwork", "add", "--netname", "existing", "--network", "10.0.2.0/24", "--enable", "--dhcp", "off");
  standin.vbox("natnetwork", "modify", "--netname", "existing", "--port-forward-4", "ssh:tcp:[127.0.0.1]:2222:[10.0.2.15]:22");
});
afterEach(() => standin.restore());

const matching = {
  name: "existing",
  cidr: "10.0.2.0/24",
  dhcp: false,
  portForwards: [{ name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 }],
};

test("adopt by name with matching inputs: zero diff, nothing changed", async () => {
  const before = standin.calls().length;
  const inputs = await checked(provider, { ...matching, adopt: { name: "existing" } });
  const { id, outs } = await provider.create(inputs);
  expect(id).toBe("existing");
  const made = standin.calls().slice(before).map(verb);
  expect(made.filter((v) => v !== "natnetwork list" && v !== "--version")).toEqual([]);
  expect(drift(controller, outs, inputs)).toEqual([]);
  const r = await provider.read(id, outs);
  expect(drift(controller, r.props!, inputs)).toEqual([]);
});

test("adopt by id with different port forwards reconciles them in place", async () => {
  const inputs = await checked(provider, { ...matching, portForwards: [], adopt: { id: "existing" } });
  const { outs } = await provider.create(inputs);
  expect(outs.portForwards).toEqual([]);
  expect(standin.calls().map((c) => c.argv).filter((a) => a[1] === "modify").at(-1)).toEqual(["natnetwork", "modify", "--netname", "existing", "--port-forward-4", "delete", "ssh"]);
});

test("adopt of a network that does not exist fails clearly and creates nothing", async () => {
  const inputs = await checked(provider, { ...matching, name: "nope", adopt: { name: "nope" } });
  const n = standin.calls().length;
  await expect(provider.create(inputs)).rejects.toThrow(/adopt: no existing object matches/);
  expect(standin.calls().slice(n).map(verb)).toEqual(["natnetwork list"]);
});
