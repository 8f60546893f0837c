import { connect, SshConnection, SshConnectionLostError, SshTimeoutError } from "../../provider/ssh";
import { adminCloud } from "../support/cloud";
import { Guest, startGuest } from "../support/guest";

const answerKeys = (text: string) => Object.fromEntries([...text.matchAll(/^(CONFIG_[A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));

describe("CentOS stand-ins in the guest", () => {
  let guest: Guest;
  let conn: SshConnection;
  const sh = (script: string) => conn.run(["bash", "-c", script]);

  beforeAll(async () => {
    guest = await startGuest({ state: { packstack: { durationMs: 200 } } });
    conn = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey, backoffMs: 100 });
  });
  afterAll(async () => {
    conn?.close();
    await guest?.stop();
  });

  it("systemctl keeps unit state and every call is recorded with its argv", async () => {
    expect((await conn.run(["systemctl", "is-active", "firewalld"])).code).toBe(0);
    expect((await conn.run(["systemctl", "disable", "--now", "firewalld"])).code).toBe(0);
    const after = await conn.run(["systemctl", "is-active", "firewalld"]);
    expect(after).toMatchObject({ stdout: "inactive\n", code: 3 });
    expect((await conn.run(["systemctl", "is-enabled", "firewalld"])).stdout).toBe("disabled\n");
    const missing = await conn.run(["systemctl", "start", "network"]);
    expect(missing).toMatchObject({ code: 5, stderr: "Failed to start network.service: Unit network.service not found.\n" });
    expect(guest.callsOf("systemctl").map((c) => c.argv)).toEqual([
      ["systemctl", "is-active", "firewalld"],
      ["systemctl", "disable", "--now", "firewalld"],
      ["systemctl", "is-active", "firewalld"],
      ["systemctl", "is-enabled", "firewalld"],
      ["systemctl", "start", "network"],
    ]);
    expect(guest.state().services.firewalld).toEqual({ active: false, enabled: "disabled" });
  });

  it("the absolute /usr/bin/systemctl and /usr/sbin/reboot are stand-ins too", async () => {
    const r = await conn.run(["/usr/bin/systemctl", "is-enabled", "sshd"]);
    expect(r.stdout).toBe("enabled\n");
    expect(guest.callsOf("systemctl").at(-1)!.argv).toEqual(["systemctl", "is-enabled", "sshd"]);
  });

  it("dnf fails like a retired CentOS mirror in EOL mode", async () => {
    guest.setState({ mirror: "eol" });
    const r = await conn.run(["dnf", "install", "-y", "centos-release-openstack-zed"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Failed to download metadata for repo 'baseos': Cannot prepare internal mirrorlist: No URLs in mirrorlist");
    guest.setState({ mirror: "ok" });
  });

  it("dnf installs the RDO release, needs CRB for packstack, and rpm -q sees the result", async () => {
    expect((await conn.run(["dnf", "install", "-y", "openstack-packstack"])).stderr).toContain("Unable to find a match: openstack-packstack");
    expect((await conn.run(["dnf", "install", "-y", "centos-release-openstack-zed"])).code).toBe(0);
    const noCrb = await conn.run(["dnf", "install", "-y", "openstack-packstack"]);
    expect(noCrb.code).toBe(1);
    expect(noCrb.stderr).toContain("nothing provides");
    expect((await conn.run(["dnf", "config-manager", "--set-enabled", "crb"])).code).toBe(0);
    expect((await conn.run(["dnf", "repolist"])).stdout).toMatch(/^crb\s+CentOS Stream 9 - CRB$/m);
    expect((await conn.run(["dnf", "install", "-y", "openstack-packstack"])).code).toBe(0);
    expect(await conn.run(["rpm", "-q", "openstack-packstack", "nosuchpkg"])).toMatchObject({
      stdout: "openstack-packstack-21.0.0-1.el9s.noarch\npackage nosuchpkg is not installed\n",
      code: 1,
    });
  });

  it("packstack --gen-answer-file writes the Zed keys with fresh passwords every time", async () => {
    expect((await conn.run(["packstack", "--gen-answer-file=/root/a1.txt"])).code).toBe(0);
    expect((await conn.run(["packstack", "--gen-answer-file", "/root/a2.txt"])).code).toBe(0);
    const a1 = answerKeys(guest.readFile("/root/a1.txt")!);
    const a2 = answerKeys(guest.readFile("/root/a2.txt")!);
    expect(guest.readFile("/root/a1.txt")!.startsWith("[general]\n")).toBe(true);
    expect(a1).toMatchObject({
      CONFIG_NEUTRON_L2_AGENT: "ovn",
      CONFIG_NEUTRON_ML2_TYPE_DRIVERS: "geneve,flat",
      CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES: "geneve",
      CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS: "ovn",
      CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS: "extnet:br-ex",
      CONFIG_NEUTRON_OVS_BRIDGE_IFACES: "",
      CONFIG_PROVISION_DEMO: "y",
      CONFIG_CONTROLLER_HOST: "10.0.2.15",
      CONFIG_DEFAULT_PASSWORD: "",
    });
    for (const k of ["CONFIG_KEYSTONE_ADMIN_PW", "CONFIG_NOVA_DB_PW", "CONFIG_NEUTRON_DB_PW", "CONFIG_MARIADB_PW"]) {
      expect(a1[k]).toMatch(/^[0-9a-f]{16}$/);
      expect(a2[k]).not.toBe(a1[k]);
    }
  });

  it("packstack --answer-file prints real progress and writes a keystonerc that authenticates against the test cloud", async () => {
    const cloud = adminCloud();
    guest.setState({ packstack: { adminPassword: cloud.password, staleNovaDist: true } });
    const lines: string[] = [];
    const r = await conn.run(["packstack", "--answer-file=/root/a1.txt"], { onLine: (l) => lines.push(l) });
    expect(r.code).toBe(0);
    expect(lines).toContain("Applying 10.0.2.15_controller.pp");
    expect(lines.some((l) => /^10\.0\.2\.15_controller\.pp:\s+\[ DONE \]$/.test(l))).toBe(true);
    expect(lines).toContain(" **** Installation completed successfully ******");
    const rc = guest.readFile("/root/keystonerc_admin")!;
    expect(rc).toContain(`export OS_PASSWORD='${cloud.password}'`);
    expect(rc).toContain("export OS_AUTH_URL=http://127.0.0.1:5000/v3");
    const auth = await sh(
      `. /root/keystonerc_admin && curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d @- "$OS_AUTH_URL/auth/tokens" <<EOF
{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"$OS_USERNAME","domain":{"name":"$OS_USER_DOMAIN_NAME"},"password":"$OS_PASSWORD"}}},"scope":{"project":{"name":"$OS_PROJECT_NAME","domain":{"name":"$OS_PROJECT_DOMAIN_NAME"}}}}}
EOF`,
    );
    expect(auth.stdout).toBe("201");
    expect(guest.readFile("/usr/share/nova/nova-dist.conf")).toContain("connection = mysql://nova:nova@localhost/nova");
    expect((await conn.run(["systemctl", "is-active", "openstack-nova-api", "neutron-server", "httpd"])).code).toBe(0);
    expect((await conn.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://10.0.2.15/dashboard/"])).stdout).toBe("200");
    expect(guest.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
  });

  it("packstack can drop the caller's connection; a detached run survives it", async () => {
    guest.setState({ packstack: { killConnection: "always" } });
    const attached = await conn.run(["packstack", "--answer-file=/root/a1.txt"]).catch((e) => e);
    expect(attached).toBeInstanceOf(SshConnectionLostError);
    const detached = await conn.run(["bash", "-c", "nohup packstack --answer-file=/root/a1.txt > /root/ps.log 2>&1 & echo started"]);
    expect(detached.stdout).toBe("started\n");
    const finished = () => Object.keys(guest.state().packstack.results ?? {}).length;
    while (finished() < 3) await new Promise((r) => setTimeout(r, 100));
    guest.setState({ packstack: { killConnection: "never" } });
    expect(guest.state().packstack.results).toEqual({ 1: "succeeded", 2: "interrupted", 3: "succeeded" });
    expect(guest.readFile("/root/ps.log")).toContain("Installation completed successfully");
  });

  it("a stalled packstack stops printing after the controller manifest starts", async () => {
    guest.setState({ packstack: { stall: true } });
    const lines: string[] = [];
    const err = await conn.run(["packstack", "--answer-file=/root/a1.txt"], { timeoutMs: 2000, onLine: (l) => lines.push(l) }).catch((e) => e);
    expect(err).toBeInstanceOf(SshTimeoutError);
    expect(lines.at(-1)).toBe("Applying 10.0.2.15_controller.pp");
    guest.setState({ packstack: { stall: false } });
  });

  it("machine facts come from state: ip, ping, nproc, free, df, getenforce/setenforce, hostnamectl", async () => {
    guest.setState({ cpus: 2, memoryMb: 8192, disks: { "/": { sizeGb: 40, usedGb: 30 } } });
    expect((await conn.run(["nproc"])).stdout).toBe("2\n");
    expect((await conn.run(["free", "-m"])).stdout).toMatch(/^Mem:\s+8192\s/m);
    expect((await conn.run(["df", "-BG", "/var/lib"])).stdout).toMatch(/\s40G\s+30G\s+10G\s+75% \/$/m);
    expect((await conn.run(["ip", "-4", "addr", "show", "enp0s3"])).stdout).toContain("inet 10.0.2.15/24 brd 10.0.2.255");
    expect((await conn.run(["ip", "route", "show", "default"])).stdout).toBe("default via 10.0.2.1 dev enp0s3 proto dhcp src 10.0.2.15 metric 100 \n");
    expect((await conn.run(["ping", "-c", "1", "10.0.2.1"])).code).toBe(0);
    guest.setState({ reachable: [] });
    expect((await conn.run(["ping", "-c", "1", "10.0.2.1"])).stdout).toContain("100% packet loss");
    expect((await conn.run(["setenforce", "0"])).code).toBe(0);
    expect((await conn.run(["getenforce"])).stdout).toBe("Permissive\n");
    expect((await conn.run(["hostnamectl", "set-hostname", "openstack.lab"])).code).toBe(0);
    expect((await conn.run(["hostname"])).stdout).toBe("openstack.lab\n");
    expect(guest.readFile("/etc/hostname")).toBe("openstack.lab\n");
  });

  it("reboot drops the connection and brings back only enabled units and the configured SELinux mode", async () => {
    await conn.run(["systemctl", "start", "firewalld"]); // running but disabled: gone after a reboot
    await conn.run(["sed", "-i", "s/^SELINUX=enforcing/SELINUX=disabled/", "/etc/selinux/config"]);
    const r = await conn.run(["reboot"]).catch((e) => e);
    expect(r).toBeInstanceOf(SshConnectionLostError);
    expect((await conn.run(["getenforce"])).stdout).toBe("Disabled\n"); // reconnects by itself
    expect((await conn.run(["systemctl", "is-active", "firewalld"])).stdout).toBe("inactive\n");
    expect(guest.state().bootCount).toBe(1);
  });
});
