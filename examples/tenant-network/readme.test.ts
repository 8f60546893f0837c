/**
 * Doc test: README.md's "Run it" lines run as written (tests/docs/readme.ts) with the real Pulumi CLI, the Node.js
 * language host stand-in (tests/support/language-host) and the real test cloud. `LAB_STATE_DIR` names a backend
 * holding a stand-in of the lab stack (tests/import/fixtures/lab-outputs, run as the project
 * `pulumi-openstack-lab`, stack `lab`, with the passphrase file the lab CLI writes): it exports `cloud` as a secret
 * and the `externalNetworkId` of an external VLAN network it makes, as the lab does. `pulumi up` must build the
 * tenant network, subnet, router (gateway on the lab's external network) and interface, reading the external
 * network only; `preview --refresh` then has nothing to do; `destroy` leaves the lab's external network; nothing is
 * left in the repository.
 */
import * as fs from "fs";
import * as path from "path";
import { cloudCli } from "../../tests/lab/support/labWorld";
import { adminCloud } from "../../tests/support/cloud";
import { describeReadme } from "../../tests/docs/readme";
import { StandInLab, startStandInLab } from "../../tests/docs/labStandIn";

jest.setTimeout(600_000);

const cloud = adminCloud();
const cli = (...args: string[]): any => cloudCli.json(...args);
const PREFIX = `tenantlab-${process.pid}`;

let lab: StandInLab | undefined;
let afterUp: { outputs: any; stateText: string; router: any; subnet: any; port: any };

function cleanupTenant() {
  for (const r of cli("router", "list").filter((x: any) => x.Name === "tenant-router")) {
    for (const p of cli("port", "list", "--router", r.ID, "--device-owner", "network:router_interface")) cloudCli.exists("router", "remove", "port", r.ID, p.ID);
    cloudCli.exists("router", "delete", r.ID);
  }
  for (const n of cli("network", "list").filter((x: any) => x.Name === "tenant-net")) cloudCli.exists("network", "delete", n.ID);
}

const suite = describeReadme({
  readme: path.join(__dirname, "README.md"),
  before: async () => {
    cleanupTenant();
    lab = await startStandInLab(PREFIX);
  },
  env: () => ({ LAB_STATE_DIR: lab!.stateDir }),
  pauses: {
    "pulumi up": () => {
      const stateText = fs.readFileSync(path.join(lab!.stateDir, ".pulumi", "stacks", "tenant-network", "dev.json"), "utf8");
      const outputs = JSON.parse(stateText).checkpoint.latest.resources.find((r: any) => r.type === "pulumi:pulumi:Stack").outputs;
      afterUp = {
        outputs,
        stateText,
        router: cli("router", "show", outputs.routerId),
        subnet: cli("subnet", "show", outputs.subnetId),
        port: cli("port", "show", outputs.routerInterfacePortId),
      };
    },
  },
  after: async () => {
    try {
      cleanupTenant(); // what a failed run left on the lab's external network
    } finally {
      await lab?.stop();
    }
  },
});

test("pulumi up builds the tenant network, subnet and router on the lab's external network, which it only reads", () => {
  const out = suite.run.output("pulumi up");
  expect(out).toMatch(/5 created/); // the stack + network, subnet, router, interface
  expect(out).toMatch(/read pulumi-nodejs:dynamic\/openstack:Network external-network/); // a get: read, not created
  const { outputs, router, subnet, port } = afterUp;
  expect(outputs.externalNetworkName).toBe(`${PREFIX}-ext`);
  expect(router.name).toBe("tenant-router");
  expect(router.external_gateway_info.network_id).toBe(lab!.externalNetworkId);
  expect(router.external_gateway_info.external_fixed_ips[0].subnet_id).toBe(lab!.publicSubnetId);
  expect(subnet).toMatchObject({ cidr: "192.168.100.0/24", network_id: outputs.networkId, name: "tenant-subnet" });
  expect(port.device_id).toBe(outputs.routerId);
  expect(port.fixed_ips.map((f: any) => f.subnet_id)).toEqual([outputs.subnetId]);
  // the lab's credentials came through the StackReference as a secret and stay one in this stack's state
  expect(afterUp.stateText).not.toMatch(/"password"\s*:/);
  for (const r of suite.run.results) expect(r.output).not.toContain(cloud.password);
});

test("pulumi preview --refresh then has nothing to do", () => {
  const out = suite.run.output("pulumi preview --refresh");
  expect(out).not.toMatch(/to (create|update|delete|replace)/);
  expect(out).toMatch(/unchanged/);
});

test("pulumi destroy removes the tenant objects and leaves the lab's external network", () => {
  expect(suite.run.output("pulumi destroy")).toMatch(/4 deleted|5 deleted/);
  expect(cli("network", "show", lab!.externalNetworkId).name).toBe(`${PREFIX}-ext`);
  expect(cli("network", "list").filter((x: any) => x.Name === "tenant-net")).toEqual([]);
  expect(cli("router", "list").filter((x: any) => x.Name === "tenant-router")).toEqual([]);
});
