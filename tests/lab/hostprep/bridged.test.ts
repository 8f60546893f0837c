/**
 * lab.HostPrep on a host where lab.PackstackInstall has moved the static address to br-ex (ifcfg-br-ex holds it,
 * ifcfg-enp0s3 is an OVS port with no address): that is what HostPrep asked for, so read shows no drift and a
 * second apply changes nothing. A bridge holding another address is a clear error, and nothing is rewritten (a
 * plain static ifcfg-enp0s3 would take enp0s3 off br-ex and cut the host off the network).
 */
import * as fs from "fs";
import { provider } from "../../../provider/lab/hostprep/controller";
import { bridgeIfcfg, portIfcfg } from "../../../provider/lab/packstack/bridge";
import { describeCalls, isMutating, PrepGuest, startPrepGuest } from "./guest";
import { captureStdout, inputsFor } from "./inputs";

const IFCFG = "/etc/sysconfig/network-scripts/ifcfg-enp0s3";
const BRIDGE = "/etc/sysconfig/network-scripts/ifcfg-br-ex";
const NET = { hostIp: "10.0.2.15", externalInterface: "enp0s3", bridge: "br-ex", prefixLength: 24, gateway: "10.0.2.1" } as any;

describe("lab.HostPrep after Packstack moved the address to br-ex", () => {
  let g: PrepGuest;
  let inputs: Record<string, any>;
  let id: string;
  let outs: Record<string, any>;
  const files = () => [IFCFG, BRIDGE].map((f) => g.guest.readFile(f));

  /** Writes the two files with PackstackInstall's own functions (br-ex keeps the DNS servers HostPrep wrote). */
  const moveToBridge = (net = NET) => {
    fs.writeFileSync(g.guest.hostPath(BRIDGE), bridgeIfcfg(net, inputs.dns));
    fs.writeFileSync(g.guest.hostPath(IFCFG), portIfcfg(net));
  };

  beforeAll(async () => {
    g = await startPrepGuest();
    inputs = (await provider.check({}, inputsFor(g))).inputs;
    const created = await provider.create(inputs);
    id = created.id;
    outs = created.outs;
    moveToBridge();
  });
  afterAll(async () => g?.stop());

  it("read shows no drift: the address and gateway are read from ifcfg-br-ex (its DNS shown in items)", async () => {
    const callsBefore = g.guest.calls().length;
    const read = await provider.read(id, outs);
    const props = read.props as Record<string, any>;
    expect(props.drift).toEqual([]);
    expect(props.items.staticIp).toBe("10.0.2.15/24 via 10.0.2.1 on br-ex (enp0s3 is its OVS port), dns 8.8.8.8,8.8.4.4");
    expect(props).toMatchObject({ staticIp: "10.0.2.15/24", gateway: "10.0.2.1", dns: ["8.8.8.8", "8.8.4.4"] });
    expect(await provider.diff(id, props, inputs)).toMatchObject({ changes: false });
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([]);
    outs = props;
  });

  it("a second apply changes nothing: no mutating command, ifcfg-enp0s3 stays br-ex's OVS port, one connection", async () => {
    const before = files();
    const callsBefore = g.guest.calls().length;
    const connections = g.connections();
    const { result, error, out } = await captureStdout(() => provider.create(inputs));
    expect(error).toBeUndefined();
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([]);
    expect(files()).toEqual(before);
    expect(g.guest.readFile(IFCFG)).toMatch(/^OVS_BRIDGE=br-ex$/m);
    expect(g.guest.readFile(IFCFG)).not.toMatch(/^IPADDR=/m);
    expect(g.connections() - connections).toBe(1);
    expect(out).toContain("staticIp: ok (10.0.2.15/24 via 10.0.2.1 on br-ex (enp0s3 is its OVS port)");
    expect(out).toContain("host already prepared; nothing changed");
    expect(result!.outs.drift).toEqual([]);
  });

  it("a bridge holding another address is drift under staticIp; update fails naming ifcfg-br-ex and rewrites nothing", async () => {
    moveToBridge({ ...NET, hostIp: "10.0.2.20" });
    const before = files();
    const read = await provider.read(id, outs);
    const props = read.props as Record<string, any>;
    expect(props.staticIp).toBe("10.0.2.20/24");
    expect(props.drift).toEqual(["enp0s3 is an OVS port of br-ex, whose ifcfg-br-ex has address 10.0.2.20/24 (staticIp is 10.0.2.15/24)"]);
    expect(await provider.diff(id, props, inputs)).toMatchObject({ changes: true });

    const callsBefore = g.guest.calls().length;
    const { error } = await captureStdout(() => provider.update(id, props, inputs));
    expect(error?.message).toMatch(
      /enp0s3 is an Open vSwitch port of br-ex, so the host's address lives in \/etc\/sysconfig\/network-scripts\/ifcfg-br-ex, which has address 10\.0\.2\.20\/24 \(staticIp is 10\.0\.2\.15\/24\)\. lab\.PackstackInstall writes that file/,
    );
    expect(error?.message).toContain("Nothing was rewritten");
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([]);
    expect(files()).toEqual(before);
  });
});
