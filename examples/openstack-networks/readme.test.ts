/**
 * Doc test: README.md's "Run it" commands, run as written from the repository's root (tests/docs/readme.ts), with
 * the real Pulumi CLI, the Node.js language host stand-in (tests/support/language-host) and the real test cloud,
 * which listens where the lab's forwards do (Keystone 127.0.0.1:5000, Neutron 127.0.0.1:9696). After `pulumi up`
 * the objects must equal what the seed's openstack CLI commands make and the password must be encrypted in the
 * stack's state; `pulumi preview --refresh` then has nothing to do; `pulumi destroy` removes everything; and the
 * commands leave no file in the repository and no global Pulumi login. Flat networks allow one per physical
 * network, so any `external_network` is removed first.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { adminCloud, cliEnv } from "../../tests/support/cloud";
import { describeReadme, testNothingToDo } from "../../tests/docs/readme";

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

const README = path.join(__dirname, "README.md");
const STATE = path.join(__dirname, ".pulumi");
let defaultGroupId: string;
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

let afterUp: { outputs: any; network: any; subnet: any; rules: any[]; state: any; stateText: string } | undefined;

const suite = describeReadme({
  readme: README,
  before: () => {
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
  },
  env: () => ({ OS_PASSWORD: cloud.password }),
  pauses: {
    "pulumi up": () => {
      const stateText = fs.readFileSync(path.join(STATE, "stacks", "openstack-networks", "dev.json"), "utf8");
      const state = JSON.parse(stateText);
      const stack = state.checkpoint.latest.resources.find((r: any) => r.type === "pulumi:pulumi:Stack");
      afterUp = {
        outputs: stack.outputs,
        network: exists("network", "show", "external_network") ? os_("network", "show", "external_network") : null,
        subnet: exists("subnet", "show", "public_subnet") ? os_("subnet", "show", "public_subnet") : null,
        rules: ourRules(),
        state,
        stateText,
      };
    },
  },
  after: cleanup,
});

describe("the README's commands, as written", () => {
  test("pulumi up creates the seed's objects, equal to what the seed's CLI commands make", () => {
    expect(suite.run.output("pulumi up")).toMatch(/5 created/); // the stack + 4
    const { outputs, network, subnet, rules } = afterUp!;
    expect(network.id).toBe(outputs.networkId);
    expect(pick(network, NETWORK_FIELDS)).toEqual(pick(seed.network, NETWORK_FIELDS));
    expect(network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });
    expect(subnet).toMatchObject({ id: outputs.subnetId, network_id: outputs.networkId });
    expect(pick(subnet, SUBNET_FIELDS)).toEqual(pick(seed.subnet, SUBNET_FIELDS));
    expect(rules).toHaveLength(2);
    const icmp = rules.find((r) => r["IP Protocol"] === "icmp");
    const ssh = rules.find((r) => r["IP Protocol"] === "tcp");
    expect(icmp.ID).toBe(outputs.icmpRuleId);
    expect(ssh.ID).toBe(outputs.sshRuleId);
    expect(pick(icmp, RULE_FIELDS)).toEqual(pick(seed.icmp, RULE_FIELDS));
    expect(pick(ssh, RULE_FIELDS)).toEqual(pick(seed.ssh, RULE_FIELDS));
    expect(outputs.securityGroupId).toBe(defaultGroupId);
  });

  test("the password stays secret: encrypted in state, never printed", () => {
    const ours = afterUp!.state.checkpoint.latest.resources.filter((r: any) => r.type.startsWith("pulumi-nodejs:dynamic"));
    expect(ours).toHaveLength(4);
    for (const r of ours) {
      expect(r.inputs.cloud[SECRET_SIG]).toBeDefined();
      expect(r.outputs.cloud[SECRET_SIG]).toBeDefined();
      expect(r.outputs.__provider).not.toContain(cloud.authUrl);
    }
    expect(afterUp!.stateText).not.toContain(JSON.stringify(cloud.password));
    for (const r of suite.run.results) expect(r.output).not.toContain(cloud.password);
  });

  testNothingToDo("pulumi preview --refresh: no drift, nothing planned", suite, 5);

  test("pulumi destroy removes every object", () => {
    expect(suite.run.output("pulumi destroy")).toMatch(/5 deleted/);
    expect(exists("network", "show", "external_network")).toBe(false);
    expect(exists("subnet", "show", "public_subnet")).toBe(false);
    expect(ourRules()).toEqual([]);
  });
});
