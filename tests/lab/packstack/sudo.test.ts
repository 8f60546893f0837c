/**
 * lab.HostPrep then lab.PackstackInstall logging in as a user who is not root, end to end on the real-sshd guest
 * (tests/support/guest). The users are made inside the guest only (`guest.addUser`: its own /etc/passwd, group,
 * shadow and sudoers.d, its private /home), nothing on this machine changes; sudo is this machine's real
 * /usr/bin/sudo reading the guest's /etc (Debian's sudoers with `@includedir /etc/sudoers.d`; its secure_path
 * starts with /usr/local/sbin, where the guest's CentOS stand-ins are, as CentOS's reaches /usr/bin).
 * - learner: in `wheel`, with CentOS's `%wheel ALL=(ALL) NOPASSWD: ALL` line switched on (a sudoers.d file).
 * - student: no sudo rights; clerk: sudo with a password (`clerk ALL=(ALL) ALL`, CentOS's default for wheel).
 * Root cannot log in with the test key (its authorized_keys is emptied), so whatever works went through the
 * learner's login and `sudo -n`; sudo's own log (a test-only `Defaults logfile`) shows what it ran as root.
 */
import * as fs from "fs";
import { provider as hostprep } from "../../../provider/lab/hostprep/controller";
import { connect } from "../../../provider/ssh";
import { describeCalls, isMutating, PrepGuest, startPrepGuest } from "../hostprep/guest";
import { answers, capture, checked, plain, provider, rawInputs } from "./helpers";

jest.setTimeout(120_000);

const WHEEL_NOPASSWD = "## Same thing without a password\n%wheel\tALL=(ALL)\tNOPASSWD: ALL\n";
const SUDO_LOG = "/var/log/sudo.log";

describe("a non-root connection.user with password-less sudo (HostPrep, PackstackInstall)", () => {
  let g: PrepGuest;
  let learnerUid: number;
  const as = (user: string) => ({ connection: { host: "127.0.0.1", port: g.port, user, privateKey: g.guest.privateKey } });
  const owner = (p: string) => fs.statSync(g.guest.hostPath(p)).uid;
  /** sudo's log lines: who ran what as whom. */
  const sudoLog = () =>
    (g.guest.readFile(SUDO_LOG) ?? "")
      .split("\n")
      .map((l) => / : (\S+) : .*?(?:USER=(\S+) ; )?COMMAND=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ user: m[1], as: m[2], command: m[3] }));
  let packOuts: Record<string, any>;
  let packId: string;

  beforeAll(async () => {
    process.env.OSLAB_PACKSTACK_POLL_SECONDS = "0.2";
    g = await startPrepGuest({ state: { packstack: { durationMs: 400 } } });
    learnerUid = g.guest.addUser("learner", { groups: ["wheel"] }).uid;
    g.guest.addUser("student");
    g.guest.addUser("clerk", { sudoers: "clerk\tALL=(ALL)\tALL\n" });
    fs.writeFileSync(g.guest.hostPath("/etc/sudoers.d/wheel"), WHEEL_NOPASSWD, { mode: 0o440 });
    fs.writeFileSync(g.guest.hostPath("/etc/sudoers.d/zz-test-log"), `Defaults logfile=${SUDO_LOG}\nDefaults loglinelen=0\n`, { mode: 0o440 });
    fs.writeFileSync(g.guest.hostPath("/root/.ssh/authorized_keys"), "");
  });
  afterAll(async () => {
    delete process.env.OSLAB_PACKSTACK_POLL_SECONDS;
    await g?.stop();
  });

  it("the guest: root cannot log in with the key; learner can, and is root through sudo -n", async () => {
    await expect(connect({ host: "127.0.0.1", port: g.guest.port, user: "root", privateKey: g.guest.privateKey })).rejects.toMatchObject({ name: "SshAuthError" });
    const conn = await connect({ host: "127.0.0.1", port: g.guest.port, user: "learner", privateKey: g.guest.privateKey });
    try {
      expect((await conn.runOk(["id", "-un"])).stdout.trim()).toBe("learner");
      expect((await conn.runOk(["sudo", "-n", "--", "id", "-un"])).stdout.trim()).toBe("root");
    } finally {
      conn.close();
    }
  });

  it("HostPrep as learner prepares the host as root: root's files, units and packages changed", async () => {
    const inputs = (await hostprep.check({}, as("learner"))).inputs;
    const { result, lines } = await capture(() => hostprep.create(inputs));
    expect(result.outs.drift).toEqual([]);
    expect(result.outs.items.packages).toBe("installed: openstack-packstack");
    expect(lines.join("\n")).toContain(`connected to learner@127.0.0.1:${g.port}`);
    expect(describeCalls(g.guest.calls().filter(isMutating))).toEqual(
      expect.arrayContaining(["systemctl disable --now firewalld", "setenforce 0", "dnf install -y openstack-packstack", "hostnamectl set-hostname openstack.lab"]),
    );
    for (const f of ["/etc/sysconfig/network-scripts/ifcfg-enp0s3", "/etc/hosts", "/etc/selinux/config", "/root/.ssh/id_rsa", "/root/.ssh/authorized_keys"]) expect([f, owner(f)]).toEqual([f, 0]);
    expect(g.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")).toMatch(/^BOOTPROTO=none$/m);
    // the second up looks (as root) and changes nothing
    const calls = g.guest.calls().length;
    expect((await hostprep.create(inputs)).outs.items).toEqual(result.outs.items);
    expect(describeCalls(g.guest.calls().slice(calls).filter(isMutating))).toEqual([]);
  });

  it("PackstackInstall as learner runs Packstack as root: answer file, keystonerc_admin and run log in root's places, owned by root", async () => {
    const inputs = await checked({ ...rawInputs(g.guest), ...as("learner") });
    const { result, lines } = await capture(() => provider.create(inputs));
    packId = result.id;
    packOuts = result.outs;
    const o = plain(result.outs);
    expect(g.guest.state().packstack).toMatchObject({ runs: 1, generated: 1, lastRun: { result: "succeeded", answerFile: "/root/packstack-answers-lab.txt" } });
    expect(o).toMatchObject({ runs: 1, healthy: true, problems: [], keystonerc: { username: "admin", password: inputs.adminPassword } });
    expect(o.services.length).toBeGreaterThan(10);

    const id = /Packstack started detached \(run (\S+), log (\S+)\)/.exec(lines.join("\n"));
    expect(id?.[2]).toBe(`/var/log/packstack-lab/${id?.[1]}.log`);
    const runLog = g.guest.readFile(id![2])!;
    expect(runLog).toContain("Installation completed successfully");
    for (const f of ["/root/packstack-answers-lab.txt", "/root/keystonerc_admin", id![2], `/var/log/packstack-lab/${id![1]}.rc`, "/root/.packstack-lab/current"]) {
      expect([f, owner(f)]).toEqual([f, 0]);
    }
    expect(fs.statSync(g.guest.hostPath("/root/packstack-answers-lab.txt")).mode & 0o777).toBe(0o600);
    expect(g.guest.readFile("/root/packstack-answers-lab.txt")).toBe(o.answerFile);
    expect(answers(o.answerFile)).toMatchObject({ CONFIG_KEYSTONE_ADMIN_PW: inputs.adminPassword, CONFIG_NEUTRON_L2_AGENT: "openvswitch" });
    expect(owner("/etc/nova/nova.conf")).toBe(0);
    // nothing of the install landed in the learner's home
    expect(fs.readdirSync(g.guest.hostPath("/home/learner")).sort()).toEqual([".ssh"]);

    // sudo ran it all as root for learner, Packstack's answer file generation among it; nobody else used sudo
    const log = sudoLog();
    expect(log.length).toBeGreaterThan(10);
    expect(new Set(log.map((l) => `${l.user}->${l.as}`))).toEqual(new Set(["learner->root"]));
    expect(log.some((l) => /^\/usr\/local\/sbin\/packstack --gen-answer-file=\/root\/\.packstack-lab\//.test(l.command))).toBe(true);
    expect(learnerUid).toBeGreaterThanOrEqual(1000);
  });

  it("read is a health check through sudo; the same inputs show no change", async () => {
    const read = (await provider.read(packId, packOuts)) as { id: string; props: Record<string, any> };
    expect(plain(read.props)).toMatchObject({ healthy: true, problems: [], runs: 1, answerFile: plain(packOuts).answerFile });
    const again = await checked({ ...rawInputs(g.guest), ...as("learner") });
    expect(await provider.diff(packId, read.props, again)).toMatchObject({ changes: false, replaces: [] });
    expect(g.guest.state().packstack.runs).toBe(1);
  });

  it("a rerun takes the install over and runs Packstack no second time (state lost; adopt)", async () => {
    const inputs = await checked({ ...rawInputs(g.guest), ...as("learner") });
    const lost = await capture(() => provider.create(inputs));
    expect(lost.lines.join("\n")).toMatch(/finished successfully; taking over its install/);
    const adopted = await checked({ ...rawInputs(g.guest), ...as("learner"), adopt: {} });
    const adopt = await capture(() => provider.create(adopted));
    expect(adopt.lines.join("\n")).toContain("taking over /root/packstack-answers-lab.txt");
    for (const r of [lost, adopt]) expect(plain(r.result.outs)).toMatchObject({ healthy: true, answerFile: plain(packOuts).answerFile });
    expect(g.guest.state().packstack).toMatchObject({ runs: 1, generated: 1 });
  });

  describe.each([
    ["student", "without sudo rights"],
    ["clerk", "whose sudo asks for a password"],
  ])("%s (%s)", (user) => {
    const refused = new RegExp(
      `connection\\.user "${user}" cannot run commands as root on ${user}@127\\.0\\.0\\.1:\\d+: \`sudo -n true\` said "sudo: a password is required"\\. ` +
        `.*give ${user} password-less sudo \\(a line "${user} ALL=\\(ALL\\) NOPASSWD: ALL" in /etc/sudoers\\.d/${user}.*or connect as root`,
    );

    it("HostPrep and PackstackInstall refuse at once with an error naming the user and sudo; nothing changes", async () => {
      const calls = g.guest.calls().length;
      const files = ["/etc/hosts", "/root/packstack-answers-lab.txt", "/root/keystonerc_admin"].map((f) => g.guest.readFile(f));
      const prep = await hostprep.check({}, as(user));
      await expect(hostprep.create(prep.inputs)).rejects.toThrow(refused);
      const pack = await checked({ ...rawInputs(g.guest), ...as(user) });
      await expect(provider.create(pack)).rejects.toThrow(refused);
      await expect(provider.read(packId, { ...packOuts, connection: as(user).connection })).rejects.toThrow(refused);
      expect(g.guest.calls().slice(calls)).toEqual([]);
      expect(["/etc/hosts", "/root/packstack-answers-lab.txt", "/root/keystonerc_admin"].map((f) => g.guest.readFile(f))).toEqual(files);
      expect(g.guest.state().packstack.runs).toBe(1);
    });
  });

  it("last: the guest's sudo kept its time stamps in the guest: none on this machine", () => {
    for (const user of ["learner", "student", "clerk"]) expect([user, fs.existsSync(`/run/sudo/ts/${user}`)]).toEqual([user, false]);
  });
});
