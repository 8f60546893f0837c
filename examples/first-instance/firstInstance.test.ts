/**
 * The first-instance example through the real Pulumi CLI against the real test cloud (Nova with the fake driver,
 * Glance, Placement, Neutron), with the stand-in for the lab stack on the same file backend
 * (tests/import/fixtures/lab-outputs: `cloud` as a secret and an external network, as examples/whole-lab exports):
 * `pulumi up` builds everything, the server is ACTIVE with the floating IP associated to its port, the ssh
 * command and the noVNC console URL printed; a preview then has nothing to do; destroy leaves nothing of this stack.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cloudCli } from "../../tests/lab/support/labWorld";
import { adminCloud } from "../../tests/support/cloud";
import { CliStack } from "../../tests/support/pulumiCli";

jest.setTimeout(300_000);

const cli = (...args: string[]): any => cloudCli.json(...args);
const PREFIX = `first-${process.pid}`;
const segment = () => String(100 + Math.floor(Math.random() * 3900));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-first-"));

let lab: CliStack;
let stack: CliStack;

beforeAll(async () => {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "learner", "-f", path.join(dir, "id_ed25519")]);
  // a small real qcow2 stands in for the CirrOS download (the fake driver boots nothing)
  execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", path.join(dir, "cirros.qcow2"), "32M"]);
  lab = new CliStack({
    programDir: path.join(__dirname, "..", "..", "tests", "import", "fixtures", "lab-outputs"),
    stack: "lab",
    config: { prefix: PREFIX, segment: segment() },
    secretConfig: { cloud: JSON.stringify(adminCloud()) },
  });
  let up = await lab.run("up");
  if (!up.ok) up = await lab.run("up", {}, { config: { segment: segment() } }); // a VLAN id another suite holds
  expect(up.error).toBeNull();
  stack = new CliStack({
    programDir: __dirname,
    stateDir: lab.stateDir,
    config: {
      labStack: `organization/${lab.projectName}/lab`, prefix: PREFIX, cidr: `192.168.${150 + (process.pid % 50)}.0/24`,
      publicKeyFile: path.join(dir, "id_ed25519.pub"), imageFile: path.join(dir, "cirros.qcow2"),
    },
  });
});

afterAll(async () => {
  try {
    await stack?.run("destroy");
    await lab?.run("destroy");
  } finally {
    for (const s of cli("server", "list", "--name", PREFIX)) cloudCli.exists("server", "delete", "--wait", s.ID);
    for (const n of cli("network", "list").filter((x: any) => x.Name.startsWith(PREFIX))) cloudCli.exists("network", "delete", n.ID);
    stack?.dispose();
    lab?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("pulumi up: server ACTIVE, floating IP from the lab's external network associated with its port, ssh command and console URL printed", async () => {
  const up = await stack.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({
    "external-network": "read", network: "create", subnet: "create", router: "create", "router-interface": "create",
    keypair: "create", cirros: "create", flavor: "create", "ssh-and-ping": "create", server: "create", "floating-ip": "create",
  });
  const o = up.outputs;
  expect(o.serverStatus).toBe("ACTIVE");
  expect(cli("server", "show", o.serverId).status).toBe("ACTIVE");
  const fip = cli("floating", "ip", "show", o.floatingIpAddress);
  const ports = cli("port", "list", "--device-id", o.serverId);
  expect(ports).toHaveLength(1);
  expect(fip.port_id).toBe(ports[0].ID);
  expect(fip.fixed_ip_address).toBe(o.fixedIp);
  expect(o.floatingIpAddress).toMatch(/^203\.0\.113\./);
  expect(o.sshCommand).toBe(`ssh -i ${path.join(dir, "id_ed25519")} cirros@${o.floatingIpAddress}`);
  expect(up.stdout).toMatch(/sshCommand\s*:\s*"ssh -i /);
  // Nova's noVNC console URL (remote-consoles, fake driver), its origin put on the lab's forward, printed in clear
  expect(o.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:18406\/vnc_auto\.html\?path=%3Ftoken%3D[0-9a-f-]{20,}$/);
  expect(up.stdout).toMatch(/consoleUrl\s*:\s*"http:\/\/127\.0\.0\.1:18406\/vnc_auto\.html\?path=/);
  expect(up.stdout).toContain(o.consoleUrl);
  expect(stack.stateText()).not.toMatch(/"password"\s*:/);
});

test("pulumi preview --expect-no-changes then passes; a floating IP disassociated by hand shows as drift and up --refresh puts it back", async () => {
  expect((await stack.run("preview", { expectNoChanges: true })).error).toBeNull();
  const { floatingIpAddress, serverId } = (await stack.run("preview")).outputs;
  cloudCli.quiet("floating", "ip", "unset", "--port", floatingIpAddress);
  const drift = await stack.run("preview", { refresh: true, diff: true });
  expect(drift.ops()).toMatchObject({ "floating-ip": "update", server: "same" });
  expect(drift.inputChanges()["floating-ip"]).toEqual(expect.arrayContaining(["portId"]));
  expect((await stack.run("up", { refresh: true })).error).toBeNull();
  expect(cli("floating", "ip", "show", floatingIpAddress).port_id).toBe(cli("port", "list", "--device-id", serverId)[0].ID);
});

test("destroy leaves nothing of the stack (the lab's external network stays)", async () => {
  const { serverId, floatingIpAddress } = (await stack.run("preview")).outputs;
  const down = await stack.run("destroy");
  expect(down.error).toBeNull();
  expect(cloudCli.exists("server", "show", serverId)).toBe(false);
  expect(cli("image", "list", "--name", `${PREFIX}-cirros`)).toEqual([]);
  expect(cli("flavor", "list", "--all").filter((f: any) => f.Name === `${PREFIX}-tiny`)).toEqual([]);
  expect(cli("keypair", "list").filter((k: any) => k.Name === `${PREFIX}-key`)).toEqual([]);
  expect(cli("network", "list").filter((n: any) => n.Name === `${PREFIX}-net`)).toEqual([]);
  expect(cloudCli.exists("floating", "ip", "show", floatingIpAddress)).toBe(false);
  expect(cli("network", "list").filter((n: any) => n.Name === `${PREFIX}-ext`)).toHaveLength(1);
});
