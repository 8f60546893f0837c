/** virtualbox.NatNetwork against the VBoxManage stand-in: every operation, drift, out-of-band deletion. */
import { controller, provider } from "../../provider/virtualbox/natnetwork/controller";
import { checked, drift } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
beforeEach(() => (standin = useStandIn()));
afterEach(() => standin.restore());

const ssh = { name: "ssh", protocol: "tcp", hostIp: "127.0.0.1", hostPort: 2222, guestIp: "10.0.2.15", guestPort: 22 };
const http = { name: "http", protocol: "tcp", hostPort: 8080, guestIp: "10.0.2.15", guestPort: 80 };
const raw = (extra: Record<string, unknown> = {}) => ({ name: "labnet", cidr: "10.0.2.0/24", dhcp: false, portForwards: [ssh], ...extra });

test("create adds the network in one call and reads it back with its gateway", async () => {
  const inputs = await checked(provider, raw());
  const { id, outs } = await provider.create(inputs);
  expect(id).toBe("labnet");
  expect(outs).toMatchObject({ name: "labnet", cidr: "10.0.2.0/24", gateway: "10.0.2.1", dhcp: false, enabled: true, ipv6: false, portForwards: [ssh] });
  const adds = standin.calls().filter((c) => verb(c) === "natnetwork add");
  expect(adds).toHaveLength(1);
  expect(adds[0].argv).toEqual([
    "natnetwork", "add", "--netname", "labnet", "--network", "10.0.2.0/24", "--enable", "--dhcp", "off", "--ipv6", "off",
    "--port-forward-4", "ssh:tcp:[127.0.0.1]:2222:[10.0.2.15]:22",
  ]);
  expect(standin.vbox("natnetwork", "list", "labnet")).toMatch(/ssh:tcp:\[127\.0\.0\.1\]:2222:\[10\.0\.2\.15\]:22/);
});

test("read after a no-op is one `natnetwork list <name>` and shows no drift", async () => {
  const inputs = await checked(provider, raw());
  const { id, outs } = await provider.create(inputs);
  const before = standin.calls().length;
  const r = await provider.read(id, outs);
  expect(standin.calls().slice(before).map((c) => c.argv)).toEqual([["natnetwork", "list", "labnet"]]);
  expect(drift(controller, r.props!, inputs)).toEqual([]);
});

test("port forwards are reconciled as a set: a changed rule is deleted and re-added, an unchanged one is left alone", async () => {
  const inputs = await checked(provider, raw({ portForwards: [ssh, http] }));
  const { id, outs } = await provider.create(inputs);
  const news = await checked(provider, raw({ portForwards: [{ ...http, hostPort: 8081 }, ssh], dhcp: true }));
  expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
  const before = standin.calls().length;
  const { outs: after } = await provider.update(id, outs, news);
  const modifies = standin.calls().slice(before).filter((c) => verb(c) === "natnetwork modify").map((c) => c.argv.slice(4));
  expect(modifies).toEqual([["--dhcp", "on"], ["--port-forward-4", "delete", "http"], ["--port-forward-4", "http:tcp:[]:8081:[10.0.2.15]:80"]]);
  expect(after.portForwards).toEqual(expect.arrayContaining([ssh, { ...http, hostPort: 8081 }]));
  expect(after.dhcp).toBe(true);
  // Reordering the same rules is no change.
  expect(await provider.diff(id, after, await checked(provider, raw({ portForwards: [ssh, { ...http, hostPort: 8081 }], dhcp: true })))).toMatchObject({ changes: false });
});

test("renaming replaces (the id is the name)", async () => {
  const inputs = await checked(provider, raw());
  const { id, outs } = await provider.create(inputs);
  expect(await provider.diff(id, outs, await checked(provider, raw({ name: "labnet2" })))).toMatchObject({ changes: true, replaces: ["name"] });
});

test("drift: a forward deleted with the VBoxManage CLI shows as exactly portForwards", async () => {
  const inputs = await checked(provider, raw({ portForwards: [ssh, http] }));
  const { id, outs } = await provider.create(inputs);
  standin.vbox("natnetwork", "modify", "--netname", "labnet", "--port-forward-4", "delete", "ssh");
  const r = await provider.read(id, outs);
  expect(r.props!.portForwards).toEqual([http]);
  expect(drift(controller, r.props!, inputs)).toEqual(["portForwards"]);
  // update puts it back
  const { outs: fixed } = await provider.update(id, r.props!, inputs);
  expect(drift(controller, fixed, inputs)).toEqual([]);
});

test("deleted out of band: read says gone; delete of a gone network succeeds", async () => {
  const { id, outs } = await provider.create(await checked(provider, raw()));
  standin.vbox("natnetwork", "remove", "--netname", "labnet");
  expect(await provider.read(id, outs)).toEqual({});
  await expect(provider.delete(id, outs)).resolves.toBeUndefined();
});

test("delete removes the network", async () => {
  const { id, outs } = await provider.create(await checked(provider, raw()));
  await provider.delete(id, outs);
  expect(standin.calls().at(-1)!.argv).toEqual(["natnetwork", "remove", "--netname", "labnet"]);
  expect(standin.vbox("natnetwork", "list")).not.toMatch(/labnet/);
});

test("a name full of shell metacharacters reaches VBoxManage verbatim as one argument", async () => {
  const name = `lab net; touch /tmp/pwned-$(id -u) | "x" 'y' \`z\` & *`;
  const inputs = await checked(provider, raw({ name }));
  const { id } = await provider.create(inputs);
  expect(id).toBe(name);
  const add = standin.calls().find((c) => verb(c) === "natnetwork add")!;
  expect(add.argv[3]).toBe(name);
  expect(add.argv.filter((a) => a.includes("touch"))).toHaveLength(1);
  expect((await provider.read(id, inputs)).props!.name).toBe(name);
});
