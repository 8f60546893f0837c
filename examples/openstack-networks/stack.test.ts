/**
 * The example stack through the real Pulumi CLI (tests/support/pulumiCli.ts) against the real test cloud, twice:
 * in place (the package resolved from this repository) and copied into a user's directory that has the package in
 * node_modules (as after `npm install pulumi-openstack-lab`), run there as the user runs it. The objects it makes
 * must equal what the seed's openstack CLI commands make; `pulumi up --expect-no-changes` passes; `pulumi preview
 * --refresh --expect-no-changes` passes; the credentials are secret in state; destroy removes everything. Flat
 * networks allow one per physical network, so any `external_network` is removed first.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { adminCloud, cliEnv } from "../../tests/support/cloud";
import { CliStack } from "../../tests/support/pulumiCli";

jest.setTimeout(300_000);
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

const cloud = adminCloud();
const env = { ...cliEnv(cloud), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" };
const os_ = (...args: string[]): any => JSON.parse(execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8" }) || "null");
const osQuiet = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore" });
const exists = (...args: string[]) => {
  try {
    osQuiet(...args);
    return true;
  } catch {
    return false;
  }
};

const ROOT = path.resolve(__dirname, "../..");
let defaultGroupId: string;
let userDir: string;
/** What the seed's CLI commands produce, for comparison. */
let seed: { network: any; subnet: any; icmp: any; ssh: any };

const NETWORK_FIELDS = ["provider:network_type", "provider:physical_network", "router:external", "shared", "admin_state_up", "mtu", "port_security_enabled", "status"];
const SUBNET_FIELDS = ["cidr", "ip_version", "gateway_ip", "enable_dhcp", "allocation_pools", "dns_nameservers", "host_routes"];
const RULE_FIELDS = ["IP Protocol", "Ethertype", "IP Range", "Port Range", "Direction", "Remote Security Group"];
const pick = (o: any, fields: string[]) => Object.fromEntries(fields.map((f) => [f, o[f]]));

function ourRules(): any[] {
  return os_("security", "group", "rule", "list", defaultGroupId).filter(
    (r: any) => r.Direction === "ingress" && (r["IP Protocol"] === "icmp" || (r["IP Protocol"] === "tcp" && r["Port Range"] === "22:22")),
  );
}

/** Removes what the seed commands or an earlier run left: the network (and its subnet) and the two rules. */
function cleanup() {
  if (exists("network", "show", "external_network")) osQuiet("network", "delete", "external_network");
  for (const r of ourRules()) osQuiet("security", "group", "rule", "delete", r.ID);
}

beforeAll(() => {
  defaultGroupId = os_("security", "group", "list", "--project", cloud.projectName).find((g: any) => g.Name === "default").ID;
  cleanup();
  // the seed's commands, verbatim
  osQuiet("network", "create", "external_network", "--provider-network-type", "flat", "--provider-physical-network", "extnet", "--external");
  osQuiet("subnet", "create", "public_subnet", "--network", "external_network", "--no-dhcp", "--allocation-pool", "start=10.0.2.100,end=10.0.2.200", "--gateway", "10.0.2.1", "--subnet-range", "10.0.2.0/24");
  osQuiet("security", "group", "rule", "create", "--proto", "icmp", defaultGroupId);
  osQuiet("security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "22", defaultGroupId);
  const rules = ourRules();
  seed = {
    network: os_("network", "show", "external_network"),
    subnet: os_("subnet", "show", "public_subnet"),
    icmp: rules.find((r) => r["IP Protocol"] === "icmp"),
    ssh: rules.find((r) => r["IP Protocol"] === "tcp"),
  };
  cleanup();

  userDir = fs.mkdtempSync(path.join(os.tmpdir(), "user-openstack-networks-"));
  for (const f of ["Pulumi.yaml", "index.ts"]) fs.copyFileSync(path.join(__dirname, f), path.join(userDir, f));
  fs.mkdirSync(path.join(userDir, "node_modules"));
  fs.symlinkSync(ROOT, path.join(userDir, "node_modules", "pulumi-openstack-lab"), "dir");
  fs.symlinkSync(path.join(ROOT, "node_modules", "@pulumi"), path.join(userDir, "node_modules", "@pulumi"), "dir");
});

afterAll(() => {
  cleanup();
  if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
});

describe.each([
  ["in place (examples/openstack-networks)", () => ({ programDir: __dirname })],
  ["from a user's directory", () => ({ programDir: userDir, inPlace: true })],
])("%s: pulumi up / up --expect-no-changes / preview --refresh / destroy", (_label, where) => {
  let outputs: Record<string, any>;
  let stack: CliStack;
  beforeAll(() => {
    stack = new CliStack({ ...where(), secretConfig: { cloud: JSON.stringify(cloud) } });
  });
  afterAll(async () => {
    try {
      await stack.run("destroy");
    } finally {
      cleanup(); // a failed run must not block the next one (one flat network per physical network)
      stack.dispose();
    }
  });

  test("pulumi up creates the seed's objects, equal to what the seed's CLI commands make", async () => {
    const up = await stack.run("up");
    expect(up.error).toBeNull();
    expect(up.summary).toEqual({ create: 5 }); // the stack + 4
    outputs = up.outputs;

    const network = os_("network", "show", "external_network");
    expect(network.id).toBe(outputs.networkId);
    expect(pick(network, NETWORK_FIELDS)).toEqual(pick(seed.network, NETWORK_FIELDS));
    expect(network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });

    const subnet = os_("subnet", "show", "public_subnet");
    expect(subnet).toMatchObject({ id: outputs.subnetId, network_id: outputs.networkId });
    expect(pick(subnet, SUBNET_FIELDS)).toEqual(pick(seed.subnet, SUBNET_FIELDS));
    expect(subnet).toMatchObject({ cidr: "10.0.2.0/24", gateway_ip: "10.0.2.1", enable_dhcp: false, allocation_pools: [{ start: "10.0.2.100", end: "10.0.2.200" }] });

    const rules = ourRules();
    expect(rules).toHaveLength(2);
    const icmp = rules.find((r) => r["IP Protocol"] === "icmp");
    const ssh = rules.find((r) => r["IP Protocol"] === "tcp");
    expect(icmp.ID).toBe(outputs.icmpRuleId);
    expect(ssh.ID).toBe(outputs.sshRuleId);
    expect(pick(icmp, RULE_FIELDS)).toEqual(pick(seed.icmp, RULE_FIELDS));
    expect(pick(ssh, RULE_FIELDS)).toEqual(pick(seed.ssh, RULE_FIELDS));
    expect(outputs.securityGroupId).toBe(defaultGroupId);
  });

  test("the credentials stay secret: encrypted in state, never in clear, never printed", async () => {
    const checkpoint = stack.checkpoint().checkpoint;
    const ours = checkpoint.latest.resources.filter((r: any) => r.type.startsWith("pulumi-nodejs:dynamic"));
    expect(ours).toHaveLength(4);
    for (const r of ours) {
      expect(r.inputs.cloud[SECRET_SIG]).toBeDefined();
      expect(r.inputs.cloud.ciphertext).toEqual(expect.any(String));
      expect(r.outputs.cloud[SECRET_SIG]).toBeDefined();
      expect(r.outputs.__provider).not.toContain(cloud.authUrl);
    }
    const text = stack.stateText();
    expect(text).not.toContain(JSON.stringify(cloud.password)); // the value as JSON would hold it in clear
    expect(text).not.toContain('"username"');
  });

  test("pulumi up --expect-no-changes passes and the outputs stay the same", async () => {
    const again = await stack.run("up", { expectNoChanges: true });
    expect(again.error).toBeNull();
    expect(again.summary).toEqual({ same: 5 });
    expect(again.outputs).toEqual(outputs);
  });

  test("pulumi preview --refresh --expect-no-changes passes: no drift, nothing planned", async () => {
    const preview = await stack.run("preview", { refresh: true, diff: true, expectNoChanges: true });
    expect(preview.error).toBeNull();
    expect(Object.values(preview.ops())).toEqual(["same", "same", "same", "same"]);
    expect(preview.stdout).not.toContain(cloud.password);
  });

  test("pulumi destroy removes every object", async () => {
    const destroy = await stack.run("destroy");
    expect(destroy.error).toBeNull();
    expect(destroy.summary).toEqual({ delete: 5 });
    expect(exists("network", "show", "external_network")).toBe(false);
    expect(exists("subnet", "show", "public_subnet")).toBe(false);
    expect(ourRules()).toEqual([]);
  });
});
