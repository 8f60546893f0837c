/**
 * The tenant-network example through the real Pulumi CLI against the real test cloud, with a stand-in for the lab
 * stack on the same file backend (tests/import/fixtures/lab-outputs: exports `cloud` as a secret and the
 * `externalNetworkId` of an external VLAN network it makes, as examples/whole-lab does): `pulumi up` builds the
 * tenant network, subnet, router (gateway on the lab's external network) and interface; a preview then has
 * nothing to do; destroying the tenant stack leaves the lab's external network, which it only referenced.
 */
import * as path from "path";
import { cloudCli } from "../../tests/lab/support/labWorld";
import { adminCloud } from "../../tests/support/cloud";
import { CliStack } from "../../tests/support/pulumiCli";

jest.setTimeout(300_000);

const cloud = adminCloud();
const cli = (...args: string[]): any => cloudCli.json(...args);
const PREFIX = `tenant-${process.pid}`;
const CIDR = `192.168.${100 + (process.pid % 100)}.0/24`;
const segment = () => String(100 + Math.floor(Math.random() * 3900));

let lab: CliStack;
let tenant: CliStack;
let ext: { externalNetworkId: string; publicSubnetId: string };

beforeAll(async () => {
  lab = new CliStack({
    programDir: path.join(__dirname, "..", "..", "tests", "import", "fixtures", "lab-outputs"),
    stack: "lab",
    config: { prefix: PREFIX, segment: segment() },
    secretConfig: { cloud: JSON.stringify(cloud) },
  });
  let up = await lab.run("up");
  if (!up.ok) up = await lab.run("up", {}, { config: { segment: segment() } }); // a VLAN id another suite holds
  expect(up.error).toBeNull();
  expect(up.secretOutputs).toContain("cloud");
  ext = up.outputs as typeof ext;
  // The file backend names the lab stack organization/<project>/<stack>.
  tenant = new CliStack({ programDir: __dirname, stateDir: lab.stateDir, config: { labStack: `organization/${lab.projectName}/lab`, prefix: PREFIX, cidr: CIDR } });
});

afterAll(async () => {
  try {
    await tenant?.run("destroy");
    await lab.run("destroy");
  } finally {
    for (const n of cli("network", "list").filter((x: any) => x.Name.startsWith(PREFIX))) cloudCli.exists("network", "delete", n.ID);
    tenant?.dispose();
    lab.dispose();
  }
});

test("pulumi up builds the tenant network, subnet and router on the lab's external network", async () => {
  const up = await tenant.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ "external-network": "read", network: "create", subnet: "create", router: "create", "router-interface": "create" });
  expect(up.outputs.externalNetworkName).toBe(`${PREFIX}-ext`);
  const router = cli("router", "show", up.outputs.routerId);
  expect(router.name).toBe(`${PREFIX}-router`);
  expect(router.external_gateway_info.network_id).toBe(ext.externalNetworkId);
  expect(router.external_gateway_info.external_fixed_ips[0].subnet_id).toBe(ext.publicSubnetId);
  expect(cli("subnet", "show", up.outputs.subnetId)).toMatchObject({ cidr: CIDR, network_id: up.outputs.networkId, name: `${PREFIX}-subnet` });
  const port = cli("port", "show", up.outputs.routerInterfacePortId);
  expect(port.device_id).toBe(up.outputs.routerId);
  expect(port.fixed_ips.map((f: any) => f.subnet_id)).toEqual([up.outputs.subnetId]);
  // the lab's credentials came through the StackReference as a secret and stay one in this stack's state
  expect(tenant.stateText()).not.toMatch(/"password"\s*:/);
});

test("pulumi preview --expect-no-changes then passes", async () => {
  const r = await tenant.run("preview", { expectNoChanges: true });
  expect(r.error).toBeNull();
});

test("destroying the tenant stack leaves the lab's external network", async () => {
  const r = await tenant.run("destroy");
  expect(r.error).toBeNull();
  expect(cli("network", "show", ext.externalNetworkId).name).toBe(`${PREFIX}-ext`);
  expect(cli("network", "list").filter((x: any) => x.Name === `${PREFIX}-net`)).toEqual([]);
  expect(cli("router", "list").filter((x: any) => x.Name === `${PREFIX}-router`)).toEqual([]);
});
