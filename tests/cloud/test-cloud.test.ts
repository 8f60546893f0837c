/**
 * The test cloud that scripts/test-cloud.sh runs is what every other suite relies on: these tests prove its
 * accounts and its networking model with the real `openstack` CLI and with raw HTTP, the two ways users reach it.
 */
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import { adminCloud, cliEnv, demoCloud, TestCloud } from "../support/cloud";

const run = promisify(execFile);
const NEUTRON = "http://127.0.0.1:9696/v2.0";
const unique = `cloudtest-${process.pid}-${Date.now().toString(36)}`;

/** Runs `openstack ARGS -f json` as CLOUD and parses its output. */
async function openstack(cloud: TestCloud, ...args: string[]): Promise<any> {
  const { stdout } = await run("openstack", [...args, "-f", "json"], { env: cliEnv(cloud), timeout: 120_000 });
  return JSON.parse(stdout);
}

/** `openstack ARGS` for commands that print nothing. */
async function openstackQuiet(cloud: TestCloud, ...args: string[]): Promise<void> {
  await run("openstack", args, { env: cliEnv(cloud), timeout: 120_000 });
}

interface Auth {
  status: number;
  token: string | null;
  body: any;
}

async function authenticate(cloud: TestCloud): Promise<Auth> {
  const res = await fetch(`${cloud.authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: cloud.username, domain: { name: cloud.userDomainName }, password: cloud.password } },
        },
        scope: { project: { name: cloud.projectName, domain: { name: cloud.projectDomainName } } },
      },
    }),
  });
  return { status: res.status, token: res.headers.get("x-subject-token"), body: await res.json() };
}

const tokens = new Map<string, string>();
async function tokenOf(cloud: TestCloud): Promise<string> {
  if (!tokens.has(cloud.username)) {
    const auth = await authenticate(cloud);
    if (auth.status !== 201 || !auth.token) throw new Error(`${cloud.username} could not authenticate: ${auth.status}`);
    tokens.set(cloud.username, auth.token);
  }
  return tokens.get(cloud.username)!;
}

async function neutron(cloud: TestCloud, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${NEUTRON}${path}`, {
    method,
    headers: { "X-Auth-Token": await tokenOf(cloud), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * A flat physnet carries one network, and other suites share this cloud: while another test holds the
 * physnet, Neutron answers 409 (FlatNetworkInUse). Wait for it to be released, then create.
 */
async function whenPhysnetFree<T>(create: () => Promise<T>, isInUse: (err: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      if (!isInUse(err) || attempt >= 30) throw err;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe("accounts", () => {
  test("admin gets a project-scoped admin token whose catalog points at Neutron on 127.0.0.1:9696", async () => {
    const auth = await authenticate(adminCloud());
    expect(auth.status).toBe(201);
    expect(auth.token).toBeTruthy();
    expect(auth.body.token.project.name).toBe("admin");
    expect(auth.body.token.roles.map((r: any) => r.name)).toContain("admin");
    const network = auth.body.token.catalog.find((s: any) => s.type === "network");
    const publicUrl = network.endpoints.find((e: any) => e.interface === "public" && e.region_id === "RegionOne").url;
    expect(publicUrl.replace(/\/$/, "")).toBe("http://127.0.0.1:9696");
  });

  test("demo is a member of project demo and not an admin", async () => {
    const auth = await authenticate(demoCloud());
    expect(auth.status).toBe(201);
    expect(auth.body.token.project.name).toBe("demo");
    const roles = auth.body.token.roles.map((r: any) => r.name);
    expect(roles).toContain("member");
    expect(roles).not.toContain("admin");
  });

  test("a wrong password is refused", async () => {
    const auth = await authenticate({ ...demoCloud(), password: "not-the-password" });
    expect(auth.status).toBe(401);
    expect(auth.token).toBeNull();
  });

  test("the openstack CLI authenticates as admin and as demo, each in its own project", async () => {
    const [admin, demo] = await Promise.all([
      openstack(adminCloud(), "token", "issue"),
      openstack(demoCloud(), "token", "issue"),
    ]);
    const adminProject = await openstack(adminCloud(), "project", "show", "admin");
    const demoProject = await openstack(adminCloud(), "project", "show", "demo");
    expect(admin.project_id).toBe(adminProject.id);
    expect(demo.project_id).toBe(demoProject.id);
  });

  test("Neutron refuses a request without a token and answers one with a token", async () => {
    const anonymous = await fetch(`${NEUTRON}/networks`);
    expect(anonymous.status).toBe(401);
    const listed = await neutron(demoCloud(), "GET", "/networks");
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body.networks)).toBe(true);
  });
});

describe("networking model", () => {
  test("admin creates a flat external network on physnet extnet, routes to it, and deletes it", async () => {
    const admin = adminCloud();
    const name = `${unique}-ext`;
    const net = await whenPhysnetFree(
      () => openstack(admin, "network", "create", name, "--external",
        "--provider-network-type", "flat", "--provider-physical-network", "extnet"),
      (err: any) => /in use/i.test(String(err?.stderr)),
    );
    cleanups.push(() => openstackQuiet(admin, "network", "delete", net.id));
    expect(net["provider:network_type"]).toBe("flat");
    expect(net["provider:physical_network"]).toBe("extnet");
    expect(net["router:external"]).toBe(true);

    const subnet = await openstack(admin, "subnet", "create", `${name}-subnet`, "--network", net.id, "--no-dhcp",
      "--subnet-range", "10.0.2.0/24", "--gateway", "10.0.2.1", "--allocation-pool", "start=10.0.2.100,end=10.0.2.200");
    cleanups.push(() => openstackQuiet(admin, "subnet", "delete", subnet.id));
    const router = await openstack(admin, "router", "create", `${name}-router`);
    cleanups.push(() => openstackQuiet(admin, "router", "delete", router.id));
    await openstackQuiet(admin, "router", "set", router.id, "--external-gateway", net.id);
    const gateway = (await neutron(admin, "GET", `/routers/${router.id}`)).body.router.external_gateway_info;
    expect(gateway.network_id).toBe(net.id);
    const gatewayIp: string = gateway.external_fixed_ips[0].ip_address;
    const lastOctet = Number(gatewayIp.split(".")[3]);
    expect(gatewayIp.startsWith("10.0.2.")).toBe(true);
    expect(lastOctet).toBeGreaterThanOrEqual(100);
    expect(lastOctet).toBeLessThanOrEqual(200);

    await openstackQuiet(admin, "router", "unset", "--external-gateway", router.id);
    await openstackQuiet(admin, "router", "delete", router.id);
    await openstackQuiet(admin, "network", "delete", net.id);
    expect((await neutron(admin, "GET", `/networks/${net.id}`)).status).toBe(404);
  });

  test.each(["testnet1", "testnet2", "testnet3"])("spare flat physnet %s takes a network", async (physnet) => {
    const admin = adminCloud();
    const created = await whenPhysnetFree(
      async () => {
        const res = await neutron(admin, "POST", "/networks", {
          network: { name: `${unique}-${physnet}`, "provider:network_type": "flat", "provider:physical_network": physnet },
        });
        if (res.status === 409) throw Object.assign(new Error("physnet in use"), { inUse: true });
        return res;
      },
      (err: any) => err?.inUse === true,
    );
    expect(created.status).toBe(201);
    const id = created.body.network.id;
    cleanups.push(() => neutron(admin, "DELETE", `/networks/${id}`));
    expect(created.body.network["provider:physical_network"]).toBe(physnet);
    expect((await neutron(admin, "DELETE", `/networks/${id}`)).status).toBe(204);
  });

  test("a flat network on a physnet the cloud does not know is rejected", async () => {
    const res = await neutron(adminCloud(), "POST", "/networks", {
      network: { name: `${unique}-unknown`, "provider:network_type": "flat", "provider:physical_network": "nosuchnet" },
    });
    if (res.status === 201) cleanups.push(() => neutron(adminCloud(), "DELETE", `/networks/${res.body.network.id}`));
    expect(res.status).toBe(400);
    expect(res.body.NeutronError.message).toMatch(/nosuchnet/);
  });

  test("a tenant network that demo creates is vxlan with a segmentation id in 1..1000", async () => {
    const demo = demoCloud();
    const net = await openstack(demo, "network", "create", `${unique}-tenant`);
    cleanups.push(() => openstackQuiet(demo, "network", "delete", net.id));
    // provider attributes are visible to admin only
    const seen = (await neutron(adminCloud(), "GET", `/networks/${net.id}`)).body.network;
    expect(seen["provider:network_type"]).toBe("vxlan");
    expect(seen["provider:segmentation_id"]).toBeGreaterThanOrEqual(1);
    expect(seen["provider:segmentation_id"]).toBeLessThanOrEqual(1000);
    expect(seen.port_security_enabled).toBe(true);
    await openstackQuiet(demo, "network", "delete", net.id);
  });

  test("demo creates a router and deletes it", async () => {
    const demo = demoCloud();
    const router = await openstack(demo, "router", "create", `${unique}-router`);
    cleanups.push(() => openstackQuiet(demo, "router", "delete", router.id));
    expect(router.name).toBe(`${unique}-router`);
    expect(router.status).toBe("ACTIVE");
    await openstackQuiet(demo, "router", "delete", router.id);
    expect((await neutron(demo, "GET", `/routers/${router.id}`)).status).toBe(404);
  });
});

describe("the script's verbs", () => {
  const SCRIPT = path.join(__dirname, "..", "..", "scripts", "test-cloud.sh");
  /** `bash scripts/test-cloud.sh ARGS`: exit code, stdout, stderr (a non-zero exit is a result, not a throw). */
  async function script(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run("bash", [SCRIPT, ...args], { encoding: "utf8", timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (err: any) {
      if (typeof err.code !== "number") throw err;
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  test("env prints export lines that the openstack CLI authenticates with as admin", async () => {
    const env = await script("env");
    expect(env.code).toBe(0);
    const { stdout } = await run("bash", ["-c", `${env.stdout}\nopenstack token issue -f value -c project_id`],
      { env: { PATH: cliEnv().PATH, HOME: cliEnv().HOME }, encoding: "utf8", timeout: 120_000 });
    const adminProject = await openstack(adminCloud(), "project", "show", "admin");
    expect(stdout.trim()).toBe(adminProject.id);
  });

  test("status names Keystone and Neutron on their ports as answering and exits 0", async () => {
    const status = await script("status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^ {2}keystone +http:\/\/127\.0\.0\.1:5000\/v3 +answers \(HTTP \d+\)$/m);
    expect(status.stdout).toMatch(/^ {2}neutron +http:\/\/127\.0\.0\.1:9696\/ +answers \(HTTP \d+\)$/m);
    expect(status.stdout).toMatch(/^ {2}neutron-server +running \(pid \d+\)$/m);
  });

  test("stop takes only the OpenStack services' daemons: MariaDB is refused, names the ones it takes, and keeps running", async () => {
    const mariadbLine = (out: string) => out.split("\n").find((line) => /^ {2}mariadb /.test(line));
    const before = mariadbLine((await script("status")).stdout);
    const refused = await script("stop", "mariadb");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("stop keystone|neutron-server|placement|glance-api|nova-api|nova-conductor|nova-scheduler|nova-compute");
    const wrongFlag = await script("stop", "keystone", "--gently");
    expect(wrongFlag.code).toBe(2);
    expect(wrongFlag.stderr).toContain("stop SERVICE [--kill]");
    expect(mariadbLine((await script("status")).stdout)).toBe(before);
    expect((await authenticate(adminCloud())).status).toBe(201);
  });
});
