/**
 * Bad network inputs are rejected by check() with the field named, before anything is sent: the cloud is the
 * real (reachable) test cloud, so any request check made would succeed and show up in the client's trace, which
 * must stay empty. The last test proves the trace does see requests.
 */
import { provider } from "../../../provider/openstack/network/controller";
import { adminCloud } from "../../support/cloud";
import { traceRequests } from "../common/helpers";

const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["name too long", { name: "n".repeat(256) }, "name", /at most 255/],
  ["name not a string", { name: 42 }, "name", /string/i],
  ["flat without a physical network", { providerNetworkType: "flat" }, "providerPhysicalNetwork", /flat network needs a physical network/],
  ["flat with a segmentation id", { providerNetworkType: "flat", providerPhysicalNetwork: "extnet", providerSegmentationId: 5 }, "providerSegmentationId", /flat network has no segmentation id/],
  ["vlan id 0", { providerNetworkType: "vlan", providerPhysicalNetwork: "extnet", providerSegmentationId: 0 }, "providerSegmentationId", /between 1 and 4094/],
  ["vlan id 4095", { providerNetworkType: "vlan", providerPhysicalNetwork: "extnet", providerSegmentationId: 4095 }, "providerSegmentationId", /between 1 and 4094/],
  ["vxlan id too big", { providerNetworkType: "vxlan", providerSegmentationId: 16777216 }, "providerSegmentationId", /between 1 and 16777215/],
  ["vxlan with a physical network", { providerNetworkType: "vxlan", providerPhysicalNetwork: "extnet" }, "providerPhysicalNetwork", /vxlan network has no physical network/],
  ["unknown network type", { providerNetworkType: "ethernet" }, "providerNetworkType", /one of flat, vlan, vxlan/],
  ["physical network without a type", { providerPhysicalNetwork: "extnet" }, "providerPhysicalNetwork", /needs providerNetworkType/],
  ["segmentation id not whole", { providerNetworkType: "vlan", providerSegmentationId: 10.5 }, "providerSegmentationId", /whole number/],
  ["mtu below 68", { mtu: 67 }, "mtu", /at least 68/],
  ["mtu above 9216", { mtu: 9217 }, "mtu", /at most 9216/],
  ["external not a boolean", { external: "yes" }, "external", /boolean/i],
  ["tag not a string", { tags: ["ok", 7] }, "tags[1]", /string/],
  ["duplicate tag", { tags: ["a", "a"] }, "tags[1]", /duplicate tag "a"/],
  ["tag with a comma", { tags: ["a,b"] }, "tags[0]", /comma/],
  ["adopt without id or name", { adopt: {} }, "adopt", /id or the name/],
  ["cloud.authUrl not a URL", { cloud: { authUrl: "keystone", username: "u", password: "p", projectName: "x" } }, "cloud.authUrl", /http\(s\) URL/],
  ["customTimeouts.delete not a duration", { customTimeouts: { delete: "soon" } }, "customTimeouts.delete", /duration/],
];

describe("openstack.Network check rejects bad input without any request", () => {
  let trace: ReturnType<typeof traceRequests>;
  beforeAll(() => (trace = traceRequests()));
  afterAll(() => trace.stop());

  test.each(cases)("%s", async (_what, bad, property, reason) => {
    const res = await provider.check({}, { cloud: adminCloud(), name: "lab", ...bad });
    const failure = (res.failures ?? []).find((f: { property: string }) => f.property === property);
    expect(failure).toBeDefined();
    expect(failure!.reason).toMatch(reason);
    expect(failure!.reason.startsWith(`${property}:`)).toBe(true);
    expect(trace.entries()).toEqual([]);
  });

  test("the password never appears in a failure", async () => {
    const cloud = { ...adminCloud(), password: "hunter2-very-secret", authUrl: "nope" };
    const res = await provider.check({}, { cloud, mtu: 1 });
    expect(JSON.stringify(res.failures)).not.toContain("hunter2-very-secret");
  });

  test("good input passes check, still without any request", async () => {
    const res = await provider.check({}, {
      cloud: adminCloud(),
      name: "public",
      external: true,
      providerNetworkType: "flat",
      providerPhysicalNetwork: "extnet",
      mtu: 1500,
      tags: ["lab"],
    });
    expect(res.failures).toBeUndefined();
    expect(trace.entries()).toEqual([]);
  });

  test("(sanity) the trace does record requests the provider sends", async () => {
    expect(await provider.read("00000000-0000-0000-0000-000000000000", { cloud: adminCloud() })).toEqual({});
    expect(trace.entries().map((e) => `${e.method} ${e.path}`)).toContain("GET /v2.0/networks/00000000-0000-0000-0000-000000000000");
  });
});
