/**
 * The main job as the README says, through the real Pulumi CLI (scripts/pulumi-cli.sh) and the entry point
 * (`npm run lab` -> scripts/lab.js -> bin/cli/main.js, Automation API inline program): against the VBoxManage
 * stand-in, the real-sshd CentOS guest behind the "forwarded" SSH port, and the real test cloud.
 * `npm run lab` builds the lab from nothing (plain phase lines: stdout is not a terminal), `preview --refresh`
 * sees no drift, `report` writes the field report with every secret masked, a second `npm run lab` changes nothing
 * and shows last run's durations as estimates, `outputs` keeps the cloud secret, `destroy` removes everything.
 * Doctor runs before `up`; LAB_DOCTOR_SKIP=ports because the test cloud itself listens on 5000 and 9696 (the lab's
 * Keystone and Neutron forwards point at it). Build first: npx tsc -p tsconfig.json.
 */
import * as fs from "fs";
import * as path from "path";
import { adminCloud } from "../support/cloud";
import { pulumiCliDir } from "../support/pulumiCli";
import { cloudCli, LabWorld, packstackRunLogs, removeSeedObjects, seedRules, startLabWorld } from "../lab/support/labWorld";
import { isoWithLabel } from "./support/iso";
import { npmRunLab } from "./support/npmRunLab";

jest.setTimeout(8 * 60_000);

let world: LabWorld;
let env: Record<string, string>;
let logsBefore: Set<string>;
let stateDir: string;
/** What this stack made in the cloud (checked by id after destroy: other suites may make the seed's objects too). */
let made: { network: string; rules: string[] };
const lab = (...args: string[]) => npmRunLab(args, env);
const ok = (r: ReturnType<typeof lab>) => {
  if (r.status !== 0) throw new Error(`npm run lab failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

beforeAll(async () => {
  removeSeedObjects();
  logsBefore = new Set(packstackRunLogs());
  world = await startLabWorld("labcli");
  stateDir = path.join(world.dir, "lab state");  // a space in the path, as in C:\Users\First Last
  const iso = path.join(world.dir, "CentOS Stream 9.iso");
  fs.writeFileSync(iso, isoWithLabel("CentOS-Stream-9-BaseOS-x86_64"));
  env = {
    ...world.env,
    LAB_STATE_DIR: stateDir,
    LAB_STACK: "lab",
    LAB_PULUMI_CLI: pulumiCliDir(),
    LAB_ISO: iso,
    LAB_DOCTOR_SKIP: "ports",
  };
  for (const [k, v] of Object.entries({ sshPrivateKeyPath: world.keyPath, sshPort: String(world.proxy.port), natNetworkName: world.natNetworkName, vmName: world.vmName })) ok(lab("config", "set", k, v));
  ok(lab("config", "set", "adminPassword", adminCloud().password, "--secret")); // Packstack's keystonerc must log in to the test cloud
});

afterAll(async () => {
  try {
    if (world && fs.existsSync(stateDir)) lab("destroy", "--yes");
  } finally {
    removeSeedObjects();
    for (const f of packstackRunLogs()) if (!logsBefore.has(f)) fs.rmSync(f, { force: true });
    await world?.stop();
  }
});

test("npm run lab: doctor, then the whole lab from nothing, phase by phase", () => {
  const out = ok(lab());
  expect(out).toMatch(/\[ok {2}\] VirtualBox \(VBoxManage\): VirtualBox 7\./);
  expect(out).toMatch(/\[ok {2}\] CentOS Stream 9 ISO: .*CentOS-Stream-9-BaseOS-x86_64/);
  for (const phase of ["NAT Network", "VM install", "host preparation", "Packstack", "snapshot", "networks"]) {
    expect(out).toMatch(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${phase}: started$`, "m"));
    expect(out).toMatch(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${phase}: done in \\d+`, "m"));
  }
  expect(out).toContain('dashboardUrl: "http://127.0.0.1:8080/dashboard"');
  expect(out).toMatch(/cloud: \[secret\]/);
  expect(world.vbox("showvminfo", world.vmName, "--machinereadable")).toContain('VMState="running"');
  expect(world.vbox("snapshot", world.vmName, "list", "--machinereadable")).toContain('SnapshotName="after-packstack"');
  expect(world.prep.guest.state().packstack).toMatchObject({ runs: 1 });
  const network = cloudCli.json("network", "show", "external_network");
  expect(network).toMatchObject({ "provider:physical_network": "extnet", "router:external": true });
  made = { network: network.id, rules: seedRules().map((r) => r.ID) };
  expect(made.rules).toHaveLength(2);
  // the generated rootPassword is a stack secret
  expect(ok(lab("config", "get", "rootPassword"))).toContain("[secret]");
});

test("npm run lab -- preview --refresh: the live VM, guest and cloud match the inputs; refresh changes nothing", () => {
  const out = ok(lab("preview", "--refresh"));
  const summary = JSON.parse(/^preview: (.*)$/m.exec(out)![1]);
  expect(Object.keys(summary).filter((k) => k !== "same")).toEqual([]);
  expect(summary.same).toBeGreaterThanOrEqual(9);
  expect(ok(lab("refresh"))).toMatch(/^refresh: \{"same":\d+\}$/m);
});

test("npm run lab -- report: versions, doctor, resources against their inputs (a change by hand shown), Packstack's log; no secret in it", () => {
  const file = path.join(world.dir, "report.md");
  world.vbox("natnetwork", "modify", "--netname", world.natNetworkName, "--dhcp", "on"); // a change by hand the report must show
  try {
    ok(lab("report", "--out", file));
  } finally {
    world.vbox("natnetwork", "modify", "--netname", world.natNetworkName, "--dhcp", "off");
  }
  const report = fs.readFileSync(file, "utf8");
  expect(report).toMatch(/\| lab-natnet \| NatNetwork \| update: dhcp \(live true, input false\) \|/);
  expect(report).toMatch(/\| Node\.js \| v\d+/);
  expect(report).toMatch(/\| VirtualBox \| VirtualBox 7\./);
  expect(report).toMatch(/\| guest CentOS \| CentOS Stream release 9/);
  expect(report).toMatch(/\| lab-vm \| VirtualMachine \| same \|/);
  expect(report).toMatch(/\| lab-packstack \| PackstackInstall \| same \|/);
  expect(report).toContain("## Packstack log");
  const rootPassword = ok(lab("config", "get", "rootPassword", "--show-secrets")).trim().split("\n").pop()!;
  expect(rootPassword).toMatch(/^[A-Za-z0-9]{20}$/);
  for (const secret of [rootPassword, adminCloud().password, world.prep.guest.privateKey.split("\n")[1]]) expect(report).not.toContain(secret);
});

test("a second npm run lab changes nothing and estimates each phase from the first run", () => {
  const durations = JSON.parse(fs.readFileSync(path.join(stateDir, "phase-durations.json"), "utf8"));
  expect(Object.keys(durations).sort()).toEqual(["hostprep", "natnetwork", "networks", "packstack", "snapshot", "vm"]);
  const calls = world.vboxCalls().length;
  const out = ok(lab());
  expect(out).toMatch(/^\[\d\d:\d\d:\d\d\] Packstack: started \(about \d+\S* last time\)$/m);
  expect(out).toMatch(/^\[\d\d:\d\d:\d\d\] Packstack: unchanged$/m);
  expect(world.prep.guest.state().packstack).toMatchObject({ runs: 1 });
  // only doctor's reads ran VBoxManage (version, hostinfo, natnetwork list, systemproperties, the lab VM's nested
  // virtualization): up itself ran none
  expect(world.vboxCalls().slice(calls).map((a) => a.slice(0, 2).join(" ")).sort()).toEqual(["--version", "list hostinfo", "list systemproperties", "natnetwork list", `showvminfo ${world.vmName}`]);
});

test("npm run lab -- doctor on the built lab: healthy, then a stopped neutron-server named with its fix", () => {
  const healthy = ok(lab("doctor"));
  expect(healthy).toMatch(/^\[ok {2}\] lab health \(services, Horizon, nova DB, br-ex, virt_type, hypervisor\): healthy$/m);
  // the VM the stand-in shows has --nested-hw-virt on; the hostinfo capture's nested support decides ok or WARN
  expect(healthy).toMatch(/^\[(ok {2}|WARN)\] nested virtualization \(instances on the lab\): /m);
  expect(healthy).toMatch(/^\[ok {2}\] NAT Network .*: this lab's$/m);
  world.prep.guest.setState((g) => {
    g.services["neutron-server"] = { active: false, enabled: "enabled" };
  });
  const broken = lab("doctor");
  expect(broken.status).toBe(1);
  expect(broken.stdout).toMatch(/^\[FAIL\] OpenStack services: service neutron-server is not active\n {7}why: .+\n {7}fix: `npm run lab` restarts it/m);
  world.prep.guest.setState((g) => {
    g.services["neutron-server"] = { active: true, enabled: "enabled" };
  });
});

test("npm run lab -- outputs keeps the cloud credentials secret unless --show-secrets", () => {
  const plain = ok(lab("outputs"));
  expect(plain).toMatch(/^cloud: \[secret\]/m);
  expect(plain).not.toContain("authUrl");
  const shown = ok(lab("outputs", "--show-secrets"));
  expect(shown).toContain('"authUrl": "http://127.0.0.1:5000/v3"');
  expect(shown).toContain(`"password": ${JSON.stringify(adminCloud().password)}`);
});

test("npm run lab -- destroy removes the lab from VirtualBox and OpenStack", () => {
  const out = ok(lab("destroy", "--yes"));
  expect(out).toMatch(/^destroy: .*"delete":/m);
  expect(world.vbox("list", "vms")).not.toContain(world.vmName);
  expect(world.vbox("natnetwork", "list", world.natNetworkName)).not.toContain(world.natNetworkName);
  expect(cloudCli.exists("network", "show", made.network)).toBe(false);
  for (const id of made.rules) expect(cloudCli.exists("security", "group", "rule", "show", id)).toBe(false);
});
