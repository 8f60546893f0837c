/** The IP/CIDR helpers every OpenStack input check relies on. */
import { cidrContains, ipVersionOf, normalizeCidr, normalizeIp, parseCidr } from "../../../provider/openstack/common";

describe("common/ip", () => {
  test("ipVersionOf accepts dotted quads and IPv6, nothing else", () => {
    expect(ipVersionOf("10.0.2.1")).toBe(4);
    expect(ipVersionOf("fd00::1")).toBe(6);
    expect(ipVersionOf("::ffff:10.0.0.1")).toBe(6);
    for (const bad of ["10.0.2", "010.0.2.1x", "0x0a.0.0.1", "10.0.2.256", "fe80::1%eth0", "host", ""]) expect(ipVersionOf(bad)).toBeNull();
  });

  test("parseCidr gives the range and notices host bits", () => {
    const c = parseCidr("10.0.2.0/24")!;
    expect(c).toMatchObject({ version: 4, prefix: 24, hostBitsSet: false });
    expect(cidrContains(c, "10.0.2.255")).toBe(true);
    expect(cidrContains(c, "10.0.3.0")).toBe(false);
    expect(cidrContains(c, "fd00::1")).toBe(false);
    expect(parseCidr("10.0.2.7/24")!.hostBitsSet).toBe(true);
    expect(parseCidr("fd00:2::/64")).toMatchObject({ version: 6, prefix: 64, hostBitsSet: false });
    for (const bad of ["10.0.2.0", "10.0.2.0/33", "fd00::/129", "10.0.2.0/x", "10.0.2.0/24/1"]) expect(parseCidr(bad)).toBeNull();
  });

  test("normalize makes equal addresses equal text", () => {
    expect(normalizeIp("fd00:0:0::0:1")).toBe("fd00::1");
    expect(normalizeIp("FD00::A")).toBe("fd00::a");
    expect(normalizeCidr("fd00:2:0:0::/064")).toBe("fd00:2::/64");
    expect(normalizeCidr("10.0.2.0/24")).toBe("10.0.2.0/24");
  });
});
