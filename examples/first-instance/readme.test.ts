/**
 * Doc test: README.md's bash lines run as written (tests/docs/readme.ts) with the real Pulumi CLI, the Node.js
 * language host stand-in (tests/support/language-host) and the real test cloud (Nova with the fake driver, Glance,
 * Placement, Neutron). `LAB_STATE_DIR` names a backend holding a stand-in of the lab stack (tests/docs/labStandIn.ts:
 * `cloud` as a secret, an external network with 203.0.113.0/24, the passphrase file and the lab's key pair, as
 * `npm run lab` leaves them). The test machine is offline: the CirrOS download is replaced by a small real qcow2
 * of the same name (the fake driver boots nothing). `pulumi up` must build everything with the server ACTIVE and a
 * floating IP from the lab's external network on its port; `pulumi stack output sshCommand` prints the ssh line;
 * the floating IP disassociated by hand (README step 3) shows as drift in `preview --refresh --diff` and
 * `up --refresh` puts it back; `destroy` leaves nothing of the stack and the lab's external network as it was.
 */
import * as fs from "fs";
import * as path from "path";
import { cloudCli } from "../../tests/lab/support/labWorld";
import { adminCloud } from "../../tests/support/cloud";
import { describeReadme } from "../../tests/docs/readme";
import { StandInLab, startStandInLab } from "../../tests/docs/labStandIn";

jest.setTimeout(600_000);

const cli = (...args: string[]): any => cloudCli.json(...args);
const IMAGE = "cirros-0.6.2-x86_64-disk.img";
const DOWNLOAD = `curl -LO https://download.cirros-cloud.net/0.6.2/${IMAGE}`;

let lab: StandInLab | undefined;
let afterUp: { outputs: any; stateText: string; server: any; fip: any; ports: any[] };
let afterFix: { fip: any; ports: any[] };

/** What the README's names ("first-...") left in the test cloud after a failed run; the floating IPs before the lab goes. */
function cleanup() {
  for (const s of cli("server", "list", "--name", "^first-vm$")) cloudCli.exists("server", "delete", "--wait", s.ID);
  for (const f of cli("floating", "ip", "list", "--long").filter((x: any) => x.Description === "first-vm")) cloudCli.exists("floating", "ip", "delete", f.ID);
  for (const r of cli("router", "list").filter((x: any) => x.Name === "first-router")) {
    for (const p of cli("port", "list", "--router", r.ID, "--device-owner", "network:router_interface")) cloudCli.exists("router", "remove", "port", r.ID, p.ID);
    cloudCli.exists("router", "delete", r.ID);
  }
  for (const n of cli("network", "list").filter((x: any) => x.Name === "first-net")) cloudCli.exists("network", "delete", n.ID);
  for (const g of cli("security", "group", "list").filter((x: any) => x.Name === "first-ssh-ping")) cloudCli.exists("security", "group", "delete", g.ID);
  cloudCli.exists("keypair", "delete", "first-key");
  cloudCli.exists("flavor", "delete", "first-tiny");
  for (const i of cli("image", "list", "--name", "first-cirros")) cloudCli.exists("image", "delete", i.ID);
}

const stackOutputs = () => {
  const stateText = fs.readFileSync(path.join(lab!.stateDir, ".pulumi", "stacks", "first-instance", "dev.json"), "utf8");
  return { stateText, outputs: JSON.parse(stateText).checkpoint.latest.resources.find((r: any) => r.type === "pulumi:pulumi:Stack").outputs };
};

const ranClean = () => {
  try {
    return suite.run.ok;
  } catch {
    return false;
  }
};

const suite = describeReadme({
  readme: path.join(__dirname, "README.md"),
  before: async () => {
    cleanup();
    lab = await startStandInLab(`firstlab-${process.pid}`);
  },
  env: () => ({ LAB_STATE_DIR: lab!.stateDir }),
  more: () => ({ instead: { [DOWNLOAD]: `qemu-img create -q -f qcow2 ${IMAGE} 32M` } }),
  pauses: {
    "pulumi up": () => {
      const { stateText, outputs } = stackOutputs();
      afterUp = {
        outputs,
        stateText,
        server: cli("server", "show", outputs.serverId),
        fip: cli("floating", "ip", "show", outputs.floatingIpAddress),
        ports: cli("port", "list", "--device-id", outputs.serverId),
      };
    },
    // README step 3: a change by hand in the dashboard
    "pulumi stack output sshCommand": () => cloudCli.quiet("floating", "ip", "unset", "--port", afterUp.outputs.floatingIpAddress),
    "pulumi up --refresh": () => {
      afterFix = { fip: cli("floating", "ip", "show", afterUp.outputs.floatingIpAddress), ports: cli("port", "list", "--device-id", afterUp.outputs.serverId) };
    },
  },
  after: async () => {
    try {
      if (!ranClean()) cleanup(); // after the README's own destroy (checked below) there is nothing to clean: ~10 openstack CLI calls saved
    } finally {
      fs.rmSync(path.join(__dirname, IMAGE), { force: true });
      await lab?.stop();
    }
  },
});

test("pulumi up: server ACTIVE, a floating IP from the lab's external network on its port", () => {
  const out = suite.run.output("pulumi up");
  expect(out).toMatch(/11 created/); // the stack + network, subnet, router, interface, keypair, image, flavor, group, server, floating IP
  expect(out).toMatch(/read pulumi-nodejs:dynamic\/openstack:Network external-network/); // the lab's: read, not created
  const { outputs, server, fip, ports } = afterUp;
  expect(outputs.serverStatus).toBe("ACTIVE");
  expect(server.status).toBe("ACTIVE");
  expect(ports).toHaveLength(1);
  expect(fip.port_id).toBe(ports[0].ID);
  expect(fip.floating_network_id).toBe(lab!.externalNetworkId);
  expect(fip.fixed_ip_address).toBe(outputs.fixedIp);
  expect(outputs.floatingIpAddress).toMatch(/^203\.0\.113\./);
  // the lab's credentials came through the StackReference as a secret and stay one in this stack's state
  expect(afterUp.stateText).not.toMatch(/"password"\s*:/);
  for (const r of suite.run.results) expect(r.output.replace(/\[secret\]/g, "")).not.toContain(adminCloud().password); // the test cloud's is "secret"
});

test("pulumi stack output sshCommand prints the ssh line: the lab's key, user cirros, the floating IP", () => {
  expect(suite.run.output("pulumi stack output sshCommand").trim()).toBe(`ssh -i ${path.join(lab!.stateDir, "id_ed25519")} cirros@${afterUp.outputs.floatingIpAddress}`);
});

test("a floating IP disassociated by hand: preview --refresh --diff names portId, up --refresh puts it back", () => {
  const drift = suite.run.output("pulumi preview --refresh --diff");
  // the refresh reads the address without a port; the plan then sets it again
  expect(drift).toMatch(/FloatingIp: \(update\)\s*\n\s*\[id=[^\]]*\]\s*\n\s*\[urn=[^\]]*::floating-ip\][\s\S]*?[~+] portId\s*:/);
  expect(drift).toMatch(/1 to update/);
  expect(suite.run.output("pulumi up --refresh")).toMatch(/1 updated/);
  expect(afterFix.fip.port_id).toBe(afterFix.ports[0].ID);
});

test("pulumi destroy leaves nothing of the stack; the lab's external network stays", () => {
  expect(suite.run.output("pulumi destroy")).toMatch(/11 deleted/);
  expect(cloudCli.exists("server", "show", afterUp.outputs.serverId)).toBe(false);
  expect(cloudCli.exists("floating", "ip", "show", afterUp.outputs.floatingIpAddress)).toBe(false);
  expect(cli("image", "list", "--name", "first-cirros")).toEqual([]);
  expect(cli("flavor", "list", "--all").filter((f: any) => f.Name === "first-tiny")).toEqual([]);
  expect(cli("keypair", "list").filter((k: any) => k.Name === "first-key")).toEqual([]);
  expect(cli("network", "list").filter((n: any) => n.Name === "first-net")).toEqual([]);
  expect(cloudCli.exists("network", "show", lab!.externalNetworkId)).toBe(true);
});
