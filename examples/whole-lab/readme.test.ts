/**
 * Doc test: README.md's "Without the script" lines run as written (tests/docs/readme.ts) with the real Pulumi CLI
 * and the Node.js language host stand-in (tests/support/language-host), in the whole lab's test world
 * (tests/lab/support/labWorld.ts): the VBoxManage stand-in first on PATH, the real-sshd CentOS guest reached on
 * 127.0.0.1:2222 (the lab's default SSH forward; a small forwarder here in front of the world's counting proxy), the
 * key in ~/.ssh/id_ed25519, and the real test cloud on 127.0.0.1:5000/9696. `pulumi up` must build the lab from
 * nothing to the seed's networks, `preview --refresh` find nothing to do, `destroy` remove it from VirtualBox and
 * OpenStack, and nothing be left in the repository. (tests/lab/wholeLab.e2e.test.ts runs the same program with
 * the read budget and drift checks.)
 */
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { adminCloud } from "../../tests/support/cloud";
import { STANDIN_DIR } from "../../tests/virtualbox/standin";
import { cloudCli, LabWorld, removeSeedObjects, seedRules, startLabWorld } from "../../tests/lab/support/labWorld";
import { describe as account, portableCommands, readmeScript, ReadmeRun, runReadme, untracked } from "../../tests/docs/readme";

jest.setTimeout(10 * 60_000);

const README = path.join(__dirname, "README.md");
const STATE = path.join(__dirname, ".pulumi");
const STACK_CONFIG = path.join(__dirname, "Pulumi.dev.yaml");

let world: LabWorld;
let forwarder: net.Server;
let run: ReadmeRun;
let afterUp: { natnets: string; info: string; snapshots: string; network: any; subnet: any; rules: string[]; packstackRuns: number; stateText: string };

/** 127.0.0.1:2222 -> the world's proxy: the NAT Network's SSH forward the README's defaults expect. */
const sockets = new Set<net.Socket>();
function forward(port: number): Promise<net.Server> {
  const server = net.createServer((c) => {
    const up = net.connect(port, "127.0.0.1");
    for (const s of [c, up]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    c.pipe(up).pipe(c);
    const end = () => {
      c.destroy();
      up.destroy();
    };
    c.on("error", end);
    up.on("error", end);
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e) => reject(new Error(`127.0.0.1:2222 is taken (${e.message}): the README's default SSH forward`)));
    server.listen(2222, "127.0.0.1", () => resolve(server));
  });
}

beforeAll(async () => {
  for (const f of [STATE, STACK_CONFIG]) {
    if (fs.existsSync(f)) throw new Error(`${f} exists (a stack of yours?): remove it to run this test`);
  }
  removeSeedObjects();
  world = await startLabWorld("wholelab-readme");
  forwarder = await forward(world.proxy.port);
  const { PATH: _path, ...worldEnv } = world.env;
  run = await runReadme(
    readmeScript(README),
    // Packstack's keystonerc must authenticate against the test cloud: its admin password
    { ...worldEnv, LAB_ISO: world.isoPath, LAB_ROOT_PASSWORD: "Lab-root-pw-1", LAB_ADMIN_PASSWORD: adminCloud().password },
    {
      "pulumi up": () => {
        afterUp = {
          natnets: world.vbox("natnetwork", "list", "LabNatNetwork"),
          info: world.vbox("showvminfo", "openstack-lab", "--machinereadable"),
          snapshots: world.vbox("snapshot", "openstack-lab", "list", "--machinereadable"),
          network: cloudCli.json("network", "show", "external_network"),
          subnet: cloudCli.json("subnet", "show", "public_subnet"),
          rules: seedRules().map((r) => `${r["IP Protocol"]} ${r["Port Range"]}`).sort(),
          packstackRuns: world.prep.guest.state().packstack.runs,
          stateText: fs.readFileSync(path.join(STATE, "stacks", "whole-lab", "dev.json"), "utf8"),
        };
      },
    },
    {
      pathPrefix: [STANDIN_DIR],
      home: (home) => {
        fs.mkdirSync(path.join(home, ".ssh"), { mode: 0o700 });
        fs.copyFileSync(world.keyPath, path.join(home, ".ssh", "id_ed25519"));
        fs.chmodSync(path.join(home, ".ssh", "id_ed25519"), 0o600);
        fs.copyFileSync(`${world.keyPath}.pub`, path.join(home, ".ssh", "id_ed25519.pub"));
      },
    },
  );
});

afterAll(async () => {
  forwarder?.close();
  for (const s of sockets) s.destroy(); // close() waits for open connections: jest must not hang holding the cloud lock
  removeSeedObjects();
  fs.rmSync(STATE, { recursive: true, force: true });
  fs.rmSync(STACK_CONFIG, { force: true });
  await world?.stop();
});

test("the PowerShell lines say what the bash lines say", () => {
  const script = readmeScript(README);
  expect(portableCommands(script.powershell)).toEqual(portableCommands(script.bash));
});

test("every command succeeds", () => {
  expect({ ok: run.ok, account: run.ok ? "" : account(run) }).toEqual({ ok: true, account: "" });
});

test("pulumi up builds the lab from nothing to the seed's networks", () => {
  expect(run.output("pulumi up")).toMatch(/11 created/); // 9 + the OpenStackLab component + the stack
  expect(afterUp.natnets).toMatch(/DHCP Server:\s+No/);
  for (const fwd of ["ssh:tcp:[127.0.0.1]:2222:[10.0.2.15]:22", "http:tcp:[127.0.0.1]:8080:[10.0.2.15]:80", "keystone:tcp:[127.0.0.1]:5000:[10.0.2.15]:5000", "neutron:tcp:[127.0.0.1]:9696:[10.0.2.15]:9696"]) {
    expect(afterUp.natnets).toContain(fwd);
  }
  expect(afterUp.info).toContain('VMState="running"');
  expect(afterUp.snapshots).toContain('SnapshotName="after-packstack"');
  expect(afterUp.packstackRuns).toBe(1);
  expect(afterUp.network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });
  expect(afterUp.subnet).toMatchObject({ cidr: "10.0.2.0/24", gateway_ip: "10.0.2.1", enable_dhcp: false });
  expect(afterUp.rules).toEqual(["icmp ", "tcp 22:22"]);
  expect(afterUp.stateText).not.toContain("Lab-root-pw-1");
  expect(afterUp.stateText).not.toContain(JSON.stringify(adminCloud().password));
});

test("pulumi preview --refresh right after: nothing to do", () => {
  const out = run.output("pulumi preview --refresh");
  expect(out).toMatch(/11 unchanged/);
  expect(out).not.toMatch(/to (create|update|delete|replace)/);
});

test("pulumi destroy removes the lab; nothing is left in the repository", () => {
  expect(run.output("pulumi destroy")).toMatch(/11 deleted/);
  expect(world.vbox("list", "vms")).not.toContain("openstack-lab");
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(seedRules()).toEqual([]);
  expect(untracked(__dirname)).toEqual([]);
  expect(fs.existsSync(STACK_CONFIG)).toBe(false);
});
