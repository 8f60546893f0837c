/**
 * lab.PackstackInstall and the bridge's ifcfg files, against the real-sshd CentOS guest: br-ex keeps the DNS
 * servers lab.HostPrep wrote into ifcfg-enp0s3 (not the guest's resolv.conf).
 */
import * as fs from "fs";
import { ifcfgContent } from "../../../provider/lab/hostprep/items/staticIp";
import { Guest } from "../../support/guest";
import { capture, checked, plain, preparedGuest, provider, rawInputs, removeRunLogs, runIds } from "./helpers";

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
});
