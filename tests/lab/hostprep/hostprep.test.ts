/**
 * lab.HostPrep against a real sshd guest with CentOS stand-ins: a fresh CentOS Stream 9 minimal install is
 * prepared for Packstack over one SSH connection; a second run changes nothing; firewalld turned back on out of
 * band shows as drift under disableFirewalld and update fixes only that.
 */
import { provider } from "../../../provider/lab/hostprep/controller";
import { describeCalls, isMutating, PrepGuest, startPrepGuest, STATIC_IP } from "./guest";
import { captureStdout, inputsFor } from "./inputs";

/** read() as the engine sees it: the live props (never undefined here: the host is still there). */
async function readLive(id: string, outs: Record<string, any>): Promise<{ props: Record<string, any> }> {
  const res = await provider.read(id, outs);
  expect(res.props).toBeDefined();
  return { props: res.props as Record<string, any> };
}

const FILES = ["/etc/sysconfig/network-scripts/ifcfg-enp0s3", "/etc/environment", "/etc/selinux/config", "/etc/hostname", "/etc/hosts", "/root/.ssh/authorized_keys", "/root/.ssh/id_rsa.pub", "/root/.ssh/known_hosts"];

describe("lab.HostPrep on a fresh CentOS Stream 9 guest", () => {
  let g: PrepGuest;
  let inputs: Record<string, any>;
  let created: { id: string; outs: Record<string, any> };

  beforeAll(async () => {
    g = await startPrepGuest();
    const checked = await provider.check({}, inputsFor(g));
    expect(checked.failures).toBeUndefined();
    inputs = checked.inputs;
  });
  afterAll(async () => g?.stop());

  it("prepares the host: every item checked, then acted on, over one SSH connection", async () => {
    const before = g.connections();
    const { result, error, out } = await captureStdout(() => provider.create(inputs));
    expect(error).toBeUndefined();
    created = result as typeof created;
    expect(g.connections() - before).toBe(1);
    expect(created.id).toBe(`hostprep:127.0.0.1:${g.port}`);

    const ifcfg = g.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")!;
    for (const line of ["BOOTPROTO=none", "ONBOOT=yes", `IPADDR=${STATIC_IP}`, "PREFIX=24", "GATEWAY=10.0.2.1", "DNS1=8.8.8.8", "DNS2=8.8.4.4", "DEVICE=enp0s3"]) {
      expect(ifcfg.split("\n")).toContain(line);
    }
    expect(ifcfg).not.toMatch(/^BOOTPROTO=dhcp/im);
    expect(g.guest.readFile("/etc/environment")).toBe("LANG=en_US.utf-8\nLC_ALL=en_US.utf-8\n");
    expect(g.guest.readFile("/etc/selinux/config")).toMatch(/^SELINUX=disabled$/m);
    expect(g.guest.readFile("/etc/selinux/config")).toMatch(/^SELINUXTYPE=targeted$/m);
    expect(g.guest.readFile("/etc/hostname")).toBe("openstack.lab\n");
    expect(g.guest.readFile("/etc/hosts")).toMatch(new RegExp(`^${STATIC_IP.replace(/\./g, "\\.")} openstack\\.lab openstack$`, "m"));
    expect(g.guest.readFile("/etc/hosts")).toMatch(/^127\.0\.0\.1 localhost$/m);

    const s = g.guest.state();
    expect(s.services.firewalld).toEqual({ active: false, enabled: "disabled" });
    expect(s.services.NetworkManager).toEqual({ active: false, enabled: "disabled" });
    expect(s.services.network).toEqual({ active: true, enabled: "enabled" });
    expect(s.selinux).toBe("Permissive"); // setenforce 0 was enough: no reboot
    expect(s.bootCount).toBe(0);
    expect(s.repos.crb.enabled).toBe(true);
    expect(Object.keys(s.packages)).toEqual(expect.arrayContaining(["centos-release-openstack-zed", "network-scripts", "openstack-packstack"]));
    expect(s.hostname).toBe("openstack.lab");

    const pub = g.guest.readFile("/root/.ssh/id_rsa.pub")!.trim();
    expect(pub).toMatch(/^ssh-rsa /);
    const authorized = g.guest.readFile("/root/.ssh/authorized_keys")!.split("\n");
    expect(authorized).toContain(pub);
    expect(authorized.some((l) => l.includes("oslab-test-guest"))).toBe(true); // the key we log in with is kept
    expect(g.guest.readFile("/root/.ssh/known_hosts")).toContain(`[127.0.0.1]:${g.guest.port}`);

    expect(created.outs.items).toEqual({
      staticIp: `static ${STATIC_IP}/24 gateway 10.0.2.1 dns 8.8.8.8,8.8.4.4 onboot yes`,
      hostname: `openstack.lab (/etc/hosts: ${STATIC_IP})`,
      locale: "LANG=en_US.utf-8 LC_ALL=en_US.utf-8",
      firewalld: "inactive (disabled)",
      selinux: "permissive (config: disabled)",
      repos: "crb enabled; openstack zed",
      networkManager: "NetworkManager inactive (disabled); network.service active (enabled); network-scripts installed",
      packages: "installed: openstack-packstack",
      rootSsh: `root@${STATIC_IP} key login works (PermitRootLogin without-password)`,
    });
    expect(created.outs.drift).toEqual([]);
    expect(created.outs.warnings).toEqual([]);
    expect(created.outs.hostKeyFingerprint).toBe(g.guest.hostKeyFingerprint);
    expect(created.outs).toMatchObject({ disableFirewalld: true, networkScripts: true, selinux: "disabled", openstackRelease: "zed", packages: ["openstack-packstack"], rootSshForPackstack: true, staticIp: "10.0.2.15/24", hostname: "openstack.lab", locale: "en_US.utf-8" });
    expect(out).toContain("firewalld: disabling and stopping");
    expect(out).toContain("host prepared (9 item(s) changed)");
  });

  it("the CentOS commands it ran: prechecks and checks first, then only the needed changes", () => {
    const mutating = describeCalls(g.guest.calls().filter(isMutating));
    expect(mutating).toEqual([
      "hostnamectl set-hostname openstack.lab",
      "systemctl disable --now firewalld",
      "setenforce 0",
      "dnf config-manager --set-enabled crb",
      "dnf install -y centos-release-openstack-zed",
      "dnf install -y network-scripts",
      "systemctl enable network",
      "systemctl disable --now NetworkManager",
      "systemctl start network",
      "dnf install -y openstack-packstack",
    ]);
    const firstChange = g.guest.calls().findIndex(isMutating);
    const prechecks = describeCalls(g.guest.calls().slice(0, firstChange));
    expect(prechecks).toEqual(expect.arrayContaining(["free -m", "nproc", "df -P -BG /", "ping -c 1 -W 2 10.0.2.1", "dnf -q makecache"]));
  });

  it("a second run changes nothing: only read-only checks, same files, one connection", async () => {
    const files = FILES.map((f) => g.guest.readFile(f));
    const callsBefore = g.guest.calls().length;
    const before = g.connections();
    const again = await provider.create(inputs);
    const calls = g.guest.calls().slice(callsBefore);
    expect(calls.length).toBeGreaterThan(0);
    expect(describeCalls(calls.filter(isMutating))).toEqual([]);
    expect(FILES.map((f) => g.guest.readFile(f))).toEqual(files);
    expect(g.connections() - before).toBe(1);
    expect(again.outs.items).toEqual(created.outs.items);
  });

  it("read finds no drift on the prepared host and diff reports no change", async () => {
    const callsBefore = g.guest.calls().length;
    const read = await readLive(created.id, created.outs);
    expect(read.props.drift).toEqual([]);
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([]);
    const diff = await provider.diff(created.id, read.props, inputs);
    expect(diff.changes).toBe(false);
  });

  it("firewalld turned back on out of band is drift named disableFirewalld, and update fixes only that", async () => {
    g.guest.setState({ services: { firewalld: { active: true, enabled: "enabled" } } });
    const { result: read, out } = await captureStdout(() => readLive(created.id, created.outs));
    expect(read!.props.disableFirewalld).toBe(false);
    expect(read!.props.items.firewalld).toBe("active (enabled)");
    expect(read!.props.drift).toEqual(["firewalld is active again"]);
    expect(out).toContain("drift: firewalld is active again");

    const diff = await provider.diff(created.id, read!.props, inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [] });

    const callsBefore = g.guest.calls().length;
    const before = g.connections();
    const updated = await provider.update(created.id, read!.props, inputs);
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual(["systemctl disable --now firewalld"]);
    expect(g.connections() - before).toBe(1);
    expect(updated.outs.disableFirewalld).toBe(true);
    expect(updated.outs.drift).toEqual([]);
    expect(g.guest.state().services.firewalld).toEqual({ active: false, enabled: "disabled" });
  });

  it("other drift names its own field: NetworkManager back on, a package removed, DHCP again", async () => {
    g.guest.setState((s) => {
      s.services.NetworkManager = { active: true, enabled: "enabled" };
      delete s.packages["openstack-packstack"];
    });
    const ifcfg = g.guest.hostPath("/etc/sysconfig/network-scripts/ifcfg-enp0s3");
    require("fs").writeFileSync(ifcfg, "DEVICE=enp0s3\nBOOTPROTO=dhcp\nONBOOT=yes\n");
    const read = await readLive(created.id, created.outs);
    expect(read.props).toMatchObject({ networkScripts: false, packages: [], staticIp: "dhcp", disableFirewalld: true });
    expect(read.props.drift).toEqual([
      `enp0s3 is not set to static 10.0.2.15/24 via 10.0.2.1 (found: dhcp gateway none dns none onboot yes)`,
      "NetworkManager is running again",
      "not installed: openstack-packstack",
    ]);
    const callsBefore = g.guest.calls().length;
    const updated = await provider.update(created.id, read.props, inputs);
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([
      "systemctl restart network",
      "systemctl disable --now NetworkManager",
      "dnf install -y openstack-packstack",
    ]);
    expect(updated.outs.drift).toEqual([]);
  });
});
