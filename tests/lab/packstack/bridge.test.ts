/**
 * lab.PackstackInstall and the bridge's ifcfg files, against the real-sshd CentOS guest: br-ex keeps the DNS
 * servers lab.HostPrep wrote into ifcfg-enp0s3 (not the guest's resolv.conf), and the health check sees a broken
 * bridge (ifcfg-enp0s3 rewritten as a plain static interface, the learner's "br-ex took over enp0s3 / connection
 * died") as healthy false; up repairs it by rewriting the two files and restarting the network, without Packstack.
 */
import * as fs from "fs";
import { ifcfgContent } from "../../../provider/lab/hostprep/items/staticIp";
import { Guest } from "../../support/guest";
import { capture, checked, drift, plain, preparedGuest, provider, rawInputs, removeRunLogs, runIds } from "./helpers";

jest.setTimeout(120_000);

const IFCFG = "/etc/sysconfig/network-scripts/ifcfg-enp0s3";
const BRIDGE = "/etc/sysconfig/network-scripts/ifcfg-br-ex";
const lines = (text: string | null) => (text ?? "").split("\n");

describe("lab.PackstackInstall and br-ex's ifcfg files", () => {
  let guest: Guest;
  let inputs: Record<string, any>;
  let id: string;
  let outs: Record<string, any>;
  const logs: string[] = [];
  /** ifcfg-enp0s3 exactly as lab.HostPrep writes it, with DNS servers the guest's resolv.conf does not list. */
  const hostPrepFile = ifcfgContent({ interface: "enp0s3", staticIp: "10.0.2.15/24", gateway: "10.0.2.1", dns: ["9.9.9.9", "1.1.1.1", "8.8.4.4"] } as any);

  beforeAll(async () => {
    process.env.OSLAB_PACKSTACK_POLL_SECONDS = "0.2";
    guest = await preparedGuest();
    fs.writeFileSync(guest.hostPath("/etc/resolv.conf"), "nameserver 10.0.2.3\n");
    fs.mkdirSync(guest.hostPath("/etc/sysconfig/network-scripts"), { recursive: true });
    fs.writeFileSync(guest.hostPath(IFCFG), hostPrepFile);
    inputs = await checked(rawInputs(guest));
  });
  afterAll(async () => {
    delete process.env.OSLAB_PACKSTACK_POLL_SECONDS;
    removeRunLogs(runIds(logs));
    await guest?.stop();
  });

  it("the install moves the address to br-ex with the DNS servers of HostPrep's ifcfg-enp0s3, not resolv.conf's", async () => {
    const { result, lines: progress } = await capture(() => provider.create(inputs));
    logs.push(...progress);
    id = result.id;
    outs = result.outs;
    const br = lines(guest.readFile(BRIDGE));
    expect(br).toEqual(expect.arrayContaining(["IPADDR=10.0.2.15", "DNS1=9.9.9.9", "DNS2=1.1.1.1", "DNS3=8.8.4.4"]));
    expect(br.join("\n")).not.toContain("10.0.2.3");
    expect(lines(guest.readFile(IFCFG))).toContain("OVS_BRIDGE=br-ex");
    // HostPrep's file is kept, as it was, for going back by hand.
    expect(guest.readFile("/root/.packstack-lab/ifcfg-enp0s3.before")).toBe(hostPrepFile);
    expect(plain(outs)).toMatchObject({ healthy: true, problems: [], runs: 1 });
  });

  it("ifcfg-enp0s3 rewritten as a plain static interface shows on refresh as healthy false, with the fix", async () => {
    fs.writeFileSync(guest.hostPath(IFCFG), hostPrepFile);
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    const live = plain(read.props);
    expect(live.healthy).toBe(false);
    expect(live.problems).toEqual([
      "/etc/sysconfig/network-scripts/ifcfg-enp0s3 is a plain interface with IPADDR=10.0.2.15, not an OVS port of br-ex (the external network and the host's address depend on it): " +
        "`pulumi up` rewrites ifcfg-br-ex and ifcfg-enp0s3 and restarts the network (Packstack is not re-run)",
    ]);
    expect(drift(read.props, inputs)).toEqual(["healthy"]);
    expect((await provider.diff(id, read.props, inputs)).changes).toBe(true);
    outs = read.props;
  });

  it("up repairs it: both files rewritten, the network restarted, Packstack run 0 times", async () => {
    const runsBefore = guest.state().packstack.runs;
    const restartsBefore = guest.callsOf("systemctl").filter((c) => c.args.join(" ") === "restart network").length;
    const { result, lines: progress } = await capture(() => provider.update(id, outs, inputs));
    expect(guest.state().packstack.runs).toBe(runsBefore);
    expect(guest.callsOf("systemctl").filter((c) => c.args.join(" ") === "restart network").length).toBe(restartsBefore + 1);
    expect(progress.some((l) => l.includes(`rewrote ${IFCFG}`))).toBe(true);
    const port = guest.readFile(IFCFG)!;
    expect(lines(port)).toEqual(expect.arrayContaining(["TYPE=OVSPort", "OVS_BRIDGE=br-ex"]));
    expect(port).not.toMatch(/^IPADDR=/m);
    expect(lines(guest.readFile(BRIDGE))).toEqual(expect.arrayContaining(["IPADDR=10.0.2.15", "DNS1=9.9.9.9", "DNS2=1.1.1.1", "DNS3=8.8.4.4"]));
    expect(plain(result.outs)).toMatchObject({ healthy: true, problems: [], runs: 1 });
    outs = result.outs;
  });

  it("a bridge holding another address is a problem too, and the next refresh after the repair is clean", async () => {
    fs.writeFileSync(guest.hostPath(BRIDGE), guest.readFile(BRIDGE)!.replace("IPADDR=10.0.2.15", "IPADDR=10.0.2.99"));
    const read = (await provider.read(id, outs)) as { id: string; props: Record<string, any> };
    expect(plain(read.props).problems).toEqual([expect.stringMatching(/^\/etc\/sysconfig\/network-scripts\/ifcfg-br-ex has 10\.0\.2\.99\/24 via 10\.0\.2\.1, not an OVS bridge holding 10\.0\.2\.15\/24 via 10\.0\.2\.1: `pulumi up` rewrites/)]);
    const runsBefore = guest.state().packstack.runs;
    const { result } = await capture(() => provider.update(id, read.props, inputs));
    expect(guest.state().packstack.runs).toBe(runsBefore);
    expect(lines(guest.readFile(BRIDGE))).toEqual(expect.arrayContaining(["IPADDR=10.0.2.15", "DNS1=9.9.9.9", "DNS2=1.1.1.1", "DNS3=8.8.4.4"])); // the bridge keeps its servers
    const again = (await provider.read(id, result.outs)) as { id: string; props: Record<string, any> };
    expect(plain(again.props)).toMatchObject({ healthy: true, problems: [] });
    expect(drift(again.props, inputs)).toEqual([]);
  });
});
