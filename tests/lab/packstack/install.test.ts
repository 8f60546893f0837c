/**
 * lab.PackstackInstall lifecycle against the real-sshd CentOS guest and the real test cloud: install, a second
 * `up` that runs nothing, a changed extraAnswers that re-runs Packstack with the SAME passwords, health drift and
 * repairs that never re-run Packstack.
 */
import { clientFor, forgetClients } from "../../../provider/openstack/client";
import { Guest } from "../../support/guest";
import { answers, capture, checked, drift, isSecretWire, passwords, plain, preparedGuest, provider, rawInputs, removeRunLogs, runIds } from "./helpers";

jest.setTimeout(120_000);

describe("lab.PackstackInstall lifecycle", () => {
  let guest: Guest;
  let inputs: Record<string, any>;
  let id: string;
  let outs: Record<string, any>;
  const logs: string[] = [];

  beforeAll(async () => {
    process.env.OSLAB_PACKSTACK_POLL_SECONDS = "0.2";
    guest = await preparedGuest({ packstack: { durationMs: 1500 } });
    inputs = await checked(rawInputs(guest));
  });
  afterAll(async () => {
    delete process.env.OSLAB_PACKSTACK_POLL_SECONDS;
    forgetClients();
    removeRunLogs(runIds(logs));
    await guest?.stop();
  });

  it("installs: one generated answer file with the OVS/vxlan answers, bridge files, progress, working keystonerc", async () => {
    const { result, lines } = await capture(() => provider.create(inputs));
    logs.push(...lines);
    id = result.id;
    outs = result.outs;
    expect(guest.state().packstack).toMatchObject({ runs: 1, generated: 1, lastRun: { result: "succeeded", answerFile: "/root/packstack-answers-lab.txt" } });

    // Secrets stay secrets in state.
    expect(isSecretWire(outs.answerFile)).toBe(true);
    expect(isSecretWire(outs.keystonerc)).toBe(true);
    const o = plain(outs);
    expect(o).toMatchObject({ runs: 1, healthy: true, problems: [], dashboardUrl: "http://10.0.2.15/dashboard", hostKeyFingerprint: guest.hostKeyFingerprint });
    expect(o.services.length).toBe(17);
    expect(o.services.every((s: { active: boolean }) => s.active)).toBe(true);

    // The answer file that ran is the one in state, with every input-owned key set explicitly.
    expect(guest.readFile("/root/packstack-answers-lab.txt")).toBe(o.answerFile);
    expect(answers(o.answerFile)).toMatchObject({
      CONFIG_KEYSTONE_ADMIN_PW: inputs.adminPassword,
      CONFIG_CONTROLLER_HOST: "10.0.2.15",
      CONFIG_COMPUTE_HOSTS: "10.0.2.15",
      CONFIG_NETWORK_HOSTS: "10.0.2.15",
      CONFIG_PROVISION_DEMO: "n",
      CONFIG_NEUTRON_L2_AGENT: "openvswitch",
      CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS: "openvswitch",
      CONFIG_NEUTRON_ML2_TYPE_DRIVERS: "vxlan,flat",
      CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES: "vxlan",
      CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS: "extnet:br-ex",
      CONFIG_NEUTRON_OVS_BRIDGE_IFACES: "br-ex:enp0s3",
      // Nova's virt_type follows the VM: kvm with /dev/kvm (nested virtualization), qemu without
      CONFIG_NOVA_LIBVIRT_VIRT_TYPE: o.kvm ? "kvm" : "qemu",
    });
    expect(o.virtType).toBe("auto");
    expect(guest.readFile("/etc/nova/nova.conf")).toMatch(new RegExp(`^\\[libvirt\\]\\nvirt_type=${o.kvm ? "kvm" : "qemu"}$`, "m"));
    expect(lines.some((l) => l.includes(`Nova virt_type ${o.kvm ? "kvm" : "qemu"}`))).toBe(true);
    expect(Object.keys(passwords(o.answerFile)).length).toBeGreaterThan(10);

    // br-ex holds the address; enp0s3 is a bare OVS port.
    const br = guest.readFile("/etc/sysconfig/network-scripts/ifcfg-br-ex")!;
    for (const l of ["DEVICE=br-ex", "DEVICETYPE=ovs", "TYPE=OVSBridge", "BOOTPROTO=static", "IPADDR=10.0.2.15", "PREFIX=24", "GATEWAY=10.0.2.1", "ONBOOT=yes", 'OVS_EXTRA="set bridge br-ex fail_mode=standalone"']) {
      expect(br.split("\n")).toContain(l);
    }
    expect(br).toMatch(/^DNS1=\d+\.\d+\.\d+\.\d+$/m);
    const port = guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!;
    expect(port.split("\n")).toEqual(expect.arrayContaining(["DEVICE=enp0s3", "DEVICETYPE=ovs", "TYPE=OVSPort", "OVS_BRIDGE=br-ex", "ONBOOT=yes"]));
    expect(port).not.toMatch(/IPADDR|PREFIX|GATEWAY/);

    // Progress: Packstack's step lines, each once, never a password of the answer file.
    const applying = lines.filter((l) => l.includes("Applying 10.0.2.15_controller.pp"));
    expect(applying).toHaveLength(1);
    expect(lines.some((l) => /Preparing MariaDB entries\s+\[ DONE \]/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("Installation completed successfully"))).toBe(true);
    expect(lines.filter((l) => /Clean Up\s+\[ DONE \]/.test(l))).toHaveLength(1);
    const generated = Object.values(passwords(o.answerFile)).filter((p) => p !== inputs.adminPassword);
    for (const pw of generated) expect(lines.join("\n")).not.toContain(pw);

    // Only the secret outputs carry the answer file or its passwords.
    const { answerFile: _a, keystonerc: _k, adminPassword: _p, connection: _c, extraAnswers: _e, __inputs: _i, ...open } = outs;
    expect(Object.values(open).some(isSecretWire)).toBe(false);
    for (const pw of generated) expect(JSON.stringify(open)).not.toContain(pw);
    for (const k of ["adminPassword", "connection", "extraAnswers"]) expect(isSecretWire(outs[k])).toBe(true);
  });

  it("keystonerc output authenticates against the real test cloud", async () => {
    const cloud = plain(outs).keystonerc;
    expect(cloud).toEqual({
      authUrl: "http://127.0.0.1:5000/v3",
      username: "admin",
      password: inputs.adminPassword,
      projectName: "admin",
      userDomainName: "Default",
      projectDomainName: "Default",
      regionName: "RegionOne",
    });
    forgetClients();
    const client = await clientFor(cloud);
    expect(client.projectId).toMatch(/^[0-9a-f]{32}$/);
    const res = await client.request<{ networks: unknown[] }>("network", "GET", "/v2.0/networks", { query: { limit: 1 } });
    expect(res.status).toBe(200);
  });

  it("a second up sees no change and runs Packstack 0 times", async () => {
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    expect(plain(read.props)).toMatchObject({ healthy: true, problems: [], runs: 1, answerFile: plain(outs).answerFile });
    const again = await checked(rawInputs(guest));
    expect(await provider.diff(id, read.props, again)).toMatchObject({ changes: false, replaces: [] });
    expect(guest.state().packstack.runs).toBe(1);
    outs = read.props;
  });

  it("a changed extraAnswers re-runs Packstack with the same passwords, rewriting only that key", async () => {
    const before = plain(outs).answerFile as string;
    const news = await checked(rawInputs(guest, { extraAnswers: { CONFIG_CINDER_VOLUMES_SIZE: "30G" } }));
    const d = await provider.diff(id, outs, news);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    expect(drift(outs, news)).toEqual(["extraAnswers"]);

    const { result, lines } = await capture(() => provider.update(id, outs, news));
    logs.push(...lines);
    const after = plain(result.outs).answerFile as string;
    expect(lines.some((l) => l.includes("re-running Packstack with the same passwords: CONFIG_CINDER_VOLUMES_SIZE (extraAnswers) changed"))).toBe(true);
    expect(guest.state().packstack).toMatchObject({ runs: 2, generated: 1 });
    expect(plain(result.outs).runs).toBe(2);
    expect(passwords(after)).toEqual(passwords(before));
    const changed = Object.keys({ ...answers(before), ...answers(after) }).filter((k) => answers(before)[k] !== answers(after)[k]);
    expect(changed).toEqual(["CONFIG_CINDER_VOLUMES_SIZE"]);
    expect(guest.readFile("/root/packstack-answers-lab.txt")).toBe(after);
    // nova.conf was written by this run from the same CONFIG_NOVA_DB_PW.
    expect(guest.readFile("/etc/nova/nova.conf")).toContain(`nova:${answers(before).CONFIG_NOVA_DB_PW}@`);
    outs = result.outs;
    inputs = news;
  });

  it("a stopped service shows on refresh as healthy false; up restarts it without running Packstack", async () => {
    guest.setState({ services: { "neutron-server": { active: false }, "openstack-nova-compute": { active: false } } });
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    const live = plain(read.props);
    expect(live.healthy).toBe(false);
    expect(live.services).toContainEqual({ name: "neutron-server", active: false });
    expect(live.problems).toEqual([
      expect.stringContaining("service openstack-nova-compute is not active: `pulumi up` restarts it"),
      expect.stringContaining("service neutron-server is not active: `pulumi up` restarts it"),
    ]);
    expect(drift(read.props, inputs)).toEqual(["healthy"]);
    expect((await provider.diff(id, read.props, inputs)).changes).toBe(true);

    const runsBefore = guest.state().packstack.runs;
    const { result, lines } = await capture(() => provider.update(id, read.props, inputs));
    expect(lines.some((l) => l.includes("restarted openstack-nova-compute, neutron-server"))).toBe(true);
    expect(plain(result.outs)).toMatchObject({ healthy: true, problems: [], runs: 2 });
    expect(guest.state().packstack.runs).toBe(runsBefore);
    expect(guest.state().services["neutron-server"].active).toBe(true);
    outs = result.outs;
  });

  it("virt_type changed by hand in nova.conf is drift of virtType; up sets it back and restarts nova-compute, no Packstack run", async () => {
    const kvm = plain(outs).kvm as boolean;
    const wrong = kvm ? "qemu" : "kvm";
    const conf = guest.hostPath("/etc/nova/nova.conf");
    const fs = require("fs");
    fs.writeFileSync(conf, fs.readFileSync(conf, "utf8").replace(/^virt_type=.*$/m, `virt_type=${wrong}`));
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    const live = plain(read.props);
    expect(live.virtType).toBe(wrong);
    expect(live.problems).toEqual([expect.stringContaining(`[libvirt] virt_type is ${wrong}, but the VM ${kvm ? "has" : "has no"} /dev/kvm`)]);
    expect(drift(read.props, inputs)).toEqual(["virtType", "healthy"]);

    const runsBefore = guest.state().packstack.runs;
    const { result, lines } = await capture(() => provider.update(id, read.props, inputs));
    expect(lines).toContainEqual(expect.stringContaining(`set [libvirt] virt_type=${kvm ? "kvm" : "qemu"} in /etc/nova/nova.conf`));
    expect(plain(result.outs)).toMatchObject({ healthy: true, problems: [], virtType: "auto" });
    expect(guest.readFile("/etc/nova/nova.conf")).toMatch(new RegExp(`^virt_type=${kvm ? "kvm" : "qemu"}$`, "m"));
    expect(guest.callsOf("systemctl").filter((c) => c.args[0] === "restart").at(-1)!.args).toContain("openstack-nova-compute");
    expect(guest.state().packstack.runs).toBe(runsBefore);
    outs = result.outs;
  });

  it("no hypervisor registered in Nova (the seed's Compute -> Hypervisor) is a problem on refresh", async () => {
    guest.setState({ packstack: { hypervisors: [] } });
    try {
      const live = plain(((await provider.read(id, outs)) as { props: Record<string, any> }).props);
      expect(live.healthy).toBe(false);
      expect(live.problems).toEqual([expect.stringContaining("no hypervisor is registered (`openstack hypervisor list` is empty)")]);
    } finally {
      guest.setState({ packstack: { hypervisors: null } });
    }
    expect(plain(((await provider.read(id, outs)) as { props: Record<string, any> }).props)).toMatchObject({ healthy: true, problems: [] });
  });

  it("a stale nova-dist.conf is a problem line; up disables it without running Packstack", async () => {
    const dist = guest.hostPath("/usr/share/nova/nova-dist.conf");
    require("fs").writeFileSync(dist, "[DEFAULT]\nlog_dir = /var/log/nova\n\n[database]\nconnection = mysql://nova:nova@localhost/nova\n");
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    const live = plain(read.props);
    expect(live.healthy).toBe(false);
    expect(live.problems).toEqual([expect.stringMatching(/^\/usr\/share\/nova\/nova-dist.conf has a stale \[database\] connection \(nova@localhost\/nova\).*`pulumi up` disables that line/)]);
    expect(live.problems[0]).not.toContain(answers(live.answerFile).CONFIG_NOVA_DB_PW);

    const runsBefore = guest.state().packstack.runs;
    const { result } = await capture(() => provider.update(id, read.props, inputs));
    expect(plain(result.outs)).toMatchObject({ healthy: true, problems: [] });
    expect(guest.state().packstack.runs).toBe(runsBefore);
    const fixed = guest.readFile("/usr/share/nova/nova-dist.conf")!;
    expect(fixed).not.toMatch(/^connection\s*=/m);
    expect(fixed).toContain("# stale, disabled by pulumi-openstack-lab");
    const restarts = guest.callsOf("systemctl").filter((c) => c.args[0] === "restart").at(-1)!;
    expect(restarts.args).toEqual(expect.arrayContaining(["openstack-nova-api", "openstack-nova-compute"]));
    outs = result.outs;
  });

  it("delete leaves the install in place (there is no uninstall) and touches nothing", async () => {
    const callsBefore = guest.calls().length;
    const { lines } = await capture(() => provider.delete(id, outs));
    expect(lines.join("\n")).toContain("Packstack has no uninstall");
    expect(guest.calls().length).toBe(callsBefore);
    expect(guest.readFile("/root/keystonerc_admin")).not.toBeNull();
  });
});
