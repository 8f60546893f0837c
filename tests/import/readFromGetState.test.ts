/**
 * What `get` asks of each OpenStack provider the CLI tests do not reach: a read by id from only the state a
 * `get` passes (no stored inputs, no outputs), as the plugin hands it over. Objects made by hand with the
 * `openstack` CLI; each read must find its object and return its live fields.
 */
import { provider as floatingIp } from "../../provider/openstack/floatingip/controller";
import { provider as router } from "../../provider/openstack/router/controller";
import { provider as routerInterface } from "../../provider/openstack/routerinterface/controller";
import { provider as rule } from "../../provider/openstack/securitygrouprule/controller";
import { provider as ruleSet } from "../../provider/openstack/securitygroupruleset/controller";
import { Cleanup, openstack, openstackQuiet, uniqueName } from "../openstack/common/helpers";
import { externalNetwork, internalSubnet } from "../openstack/router/externalNetwork";
import { adminCloud } from "../support/cloud";

jest.setTimeout(180_000);

const cleanup = new Cleanup();
const cloud = adminCloud();
let ext: { networkId: string; subnetId: string };
let inner: { networkId: string; subnetId: string };
let made: { router: any; port: string; group: any; rule: any; fip: any };

beforeAll(async () => {
  ext = await externalNetwork(cleanup);
  inner = await internalSubnet(cleanup);
  const r = await openstack(["router", "create", "--external-gateway", ext.networkId, uniqueName("get-router")]);
  cleanup.add(() => openstackQuiet(["router", "delete", r.id]));
  await openstack(["router", "add", "subnet", r.id, inner.subnetId], { json: false });
  cleanup.add(() => openstackQuiet(["router", "remove", "subnet", r.id, inner.subnetId]));
  const ports = await openstack(["port", "list", "--router", r.id, "--fixed-ip", `subnet=${inner.subnetId}`]);
  const group = await openstack(["security", "group", "create", uniqueName("get-sg")]);
  cleanup.add(() => openstackQuiet(["security", "group", "delete", group.id]));
  const sgRule = await openstack(["security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "8443", group.id]);
  const fip = await openstack(["floating", "ip", "create", ext.networkId]);
  cleanup.add(() => openstackQuiet(["floating", "ip", "delete", fip.id]));
  made = { router: r, port: ports[0].ID, group, rule: sgRule, fip };
});
afterAll(() => cleanup.run());

test("Router.get: read with only cloud", async () => {
  const r = await router.read(made.router.id, { cloud });
  expect(r.props).toMatchObject({ name: made.router.name, externalNetworkId: ext.networkId });
});

test("RouterInterface.get: read with cloud, routerId and subnetId", async () => {
  const r = await routerInterface.read(made.port, { cloud, routerId: made.router.id, subnetId: inner.subnetId });
  expect(r.props).toMatchObject({ portId: made.port, routerId: made.router.id, subnetId: inner.subnetId });
});

test("SecurityGroupRule.get: read with only cloud", async () => {
  const r = await rule.read(made.rule.id, { cloud });
  expect(r.props).toMatchObject({ securityGroupId: made.group.id, protocol: "tcp", portRangeMin: 8443, portRangeMax: 8443 });
});

test("SecurityGroupRuleSet.get: read with cloud and securityGroup", async () => {
  const r = await ruleSet.read(made.group.id, { cloud, securityGroup: made.group.id });
  expect(r.props!.securityGroup).toBe(made.group.id);
  expect(JSON.stringify(r.props)).toContain(made.rule.id);
});

test("FloatingIp.get: read with only cloud", async () => {
  const r = await floatingIp.read(made.fip.id, { cloud });
  expect(r.props).toMatchObject({ networkId: ext.networkId, address: made.fip.floating_ip_address });
});

test("a read of an id that is not there says gone (an empty answer), not an error", async () => {
  const r = await router.read("00000000-0000-4000-8000-000000000000", { cloud });
  expect(r).toEqual({});
});
