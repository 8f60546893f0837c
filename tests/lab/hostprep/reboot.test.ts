/**
 * SELinux "disabled" when the running kernel refuses setenforce 0 (it still enforces): HostPrep reboots the guest,
 * waits for the connection to drop and come back (same pinned host key), and verifies getenforce says Disabled.
 */
import { provider } from "../../../provider/lab/hostprep/controller";
import { PrepGuest, startPrepGuest } from "./guest";
import { captureStdout, inputsFor } from "./inputs";

describe("lab.HostPrep reboots for SELinux when the kernel still enforces", () => {
  let g: PrepGuest;
  beforeAll(async () => {
    g = await startPrepGuest();
    // The kernel refuses to leave enforcing mode (as with enforcing=1 plus a locked policy); only a boot helps.
    g.writeUsr("local/sbin/setenforce", "#!/bin/sh\necho 'setenforce: security_setenforce() failed: Permission denied' >&2\nexit 1\n");
    await g.guest.restart(); // a fresh /usr overlay mount sees the replaced command
  });
  afterAll(async () => g?.stop());

  it("reboots once, reconnects and verifies getenforce", async () => {
    expect(g.guest.state()).toMatchObject({ selinux: "Enforcing", bootCount: 0 });
    const checked = await provider.check({}, inputsFor(g));
    const before = g.connections();
    const { result, error, out } = await captureStdout(() => provider.create(checked.inputs));
    expect(error).toBeUndefined();
    expect(g.guest.state()).toMatchObject({ selinux: "Disabled", bootCount: 1 });
    expect(g.connections() - before).toBe(2); // the operation's connection, and the same one re-opened after the boot
    expect(g.guest.callsOf("reboot").length + g.guest.callsOf("systemctl").filter((c) => c.args[0] === "reboot").length).toBe(1);
    expect(out).toContain("selinux: the kernel still runs enforcing; a reboot is needed");
    expect(out).toContain("host is back after the reboot");
    expect(out).toContain("host prepared (9 item(s) changed, rebooted)");
    expect(result!.outs.items.selinux).toBe("disabled (config: disabled)");
    expect(result!.outs.selinux).toBe("disabled");
    // Services came back as enabled: network up, NetworkManager and firewalld down.
    expect(g.guest.state().services).toMatchObject({ network: { active: true }, NetworkManager: { active: false }, firewalld: { active: false } });

    const again = await provider.create(checked.inputs);
    expect(g.guest.state().bootCount).toBe(1);
    expect(again.outs.drift).toEqual([]);
  });

  it("gives up at the deadline (customTimeouts) when the host does not come back", async () => {
    g.guest.setState({ selinux: "Enforcing" });
    require("fs").writeFileSync(g.guest.hostPath("/etc/selinux/config"), "SELINUX=enforcing\n");
    const checked = await provider.check({}, inputsFor(g, { customTimeouts: { create: "20s" } }));
    // The reboot stand-in drops every session; the operation's one connection gets through, and from then on the
    // host never answers again.
    g.refuseAfter(1);
    const err = await provider.create(checked.inputs).catch((e: Error) => e);
    expect(g.guest.state().bootCount).toBe(2);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/did not come back from its reboot before the deadline \(customTimeouts\)/);
    g.refuseConnections(false);
  });
});
