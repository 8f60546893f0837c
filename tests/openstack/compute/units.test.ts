/**
 * The compute resources' pure parts: how a server's live security groups are named (as the inputs name them, so a
 * drift shows exactly the entry that changed), the image file's format from its header (a real qcow2 made by
 * qemu-img), the image patch ops, and Nova's microversion headers.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { microversionHeaders } from "../../../provider/openstack/client/compute";
import { detectFormat, fileHash } from "../../../provider/openstack/image/file";
import { patchOps } from "../../../provider/openstack/image/requests";
import { ApiServer, serverOutputs } from "../../../provider/openstack/server/results";

const server = (over: Partial<ApiServer> = {}): ApiServer => ({
  id: "s1", name: "vm", status: "SHUTOFF", image: { id: "img" }, flavor: { id: "f1" }, key_name: "k", metadata: { a: "b" },
  addresses: { net: [{ addr: "10.0.0.5", version: 4, "OS-EXT-IPS:type": "fixed" }, { addr: "203.0.113.9", version: 4, "OS-EXT-IPS:type": "floating" }] },
  ...over,
});
const groups = [{ id: "g-web", name: "web" }, { id: "g-def", name: "default" }];

test("security groups are named as the inputs name them (by id or by name); unknown ones by id, or by name when unmanaged", () => {
  const ports = [{ id: "p1", network_id: "n", security_groups: ["g-web", "g-def"], fixed_ips: [] }];
  expect(serverOutputs(server(), ports, groups, ["g-web", "default"]).securityGroups).toEqual(["default", "g-web"]);
  expect(serverOutputs(server(), ports, groups, ["web"]).securityGroups).toEqual(["g-def", "web"]);
  expect(serverOutputs(server(), ports, groups, undefined).securityGroups).toEqual(["default", "web"]);
});

test("server outputs: power state from the status, fixed IPv4 as accessIpV4, addresses per network, port ids", () => {
  const o = serverOutputs(server(), [{ id: "p2", network_id: "n", security_groups: [], fixed_ips: [] }, { id: "p1", network_id: "n", security_groups: [], fixed_ips: [] }], [], undefined);
  expect(o).toMatchObject({ powerState: "shutoff", accessIpV4: "10.0.0.5", addresses: { net: ["10.0.0.5", "203.0.113.9"] }, portIds: ["p1", "p2"], imageId: "img", flavorId: "f1", keyPair: "k" });
  expect(serverOutputs(server({ status: "ACTIVE", image: "" }), [], [], undefined)).toMatchObject({ powerState: "active", imageId: "" });
});

test("image files: qcow2 (qemu-img) and raw told apart by their header; the hash is sha512 of the content", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-units-"));
  try {
    execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", path.join(dir, "a.qcow2"), "1M"]);
    execFileSync("qemu-img", ["create", "-q", "-f", "vdi", path.join(dir, "a.vdi"), "1M"]);
    fs.writeFileSync(path.join(dir, "a.raw"), Buffer.alloc(1024));
    expect(detectFormat(path.join(dir, "a.qcow2"))).toBe("qcow2");
    expect(detectFormat(path.join(dir, "a.vdi"))).toBe("vdi");
    expect(detectFormat(path.join(dir, "a.raw"))).toBeNull();
    expect(fileHash(path.join(dir, "a.raw"))).toBe(`sha512:${require("crypto").createHash("sha512").update(Buffer.alloc(1024)).digest("hex")}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("image patch: only the changed fields; properties set, replaced and removed (Glance's own attributes left alone)", () => {
  const live = { id: "i", name: "old", min_ram: 0, os_distro: "cirros", hw_disk_bus: "ide", os_hash_value: "x", "owner_specified.openstack.md5": "" } as any;
  const news = { name: "new", minRam: 64, properties: { hw_disk_bus: "virtio", hw_qemu_guest_agent: "yes" } } as any;
  expect(patchOps(live, news, ["name", "properties"])).toEqual([
    { op: "replace", path: "/name", value: "new" },
    { op: "replace", path: "/hw_disk_bus", value: "virtio" },
    { op: "add", path: "/hw_qemu_guest_agent", value: "yes" },
    { op: "remove", path: "/os_distro" },
  ]);
});

test("Nova requests name their microversion in both headers", () => {
  expect(microversionHeaders("2.37")).toEqual({ "OpenStack-API-Version": "compute 2.37", "X-OpenStack-Nova-API-Version": "2.37" });
});

test("image check: file or sourceUrl, never both, each refused naming its field; a URL needs diskFormat and no credentials", async () => {
  const { provider } = require("../../../provider/openstack/image/controller");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-imgchk-"));
  try {
    const img = path.join(dir, "a.raw");
    fs.writeFileSync(img, Buffer.alloc(1024));
    const failures = async (inputs: Record<string, unknown>) => ((await provider.check({}, { name: "i", ...inputs })).failures ?? []).map((f: any) => `${f.property}: ${f.reason}`);
    expect(await failures({ file: img, sourceUrl: "http://127.0.0.1/a.qcow2", diskFormat: "raw" })).toEqual([expect.stringMatching(/^sourceUrl: .*cannot be given with file/)]);
    expect(await failures({})).toEqual([expect.stringMatching(/^file: .*is required .*unless sourceUrl/)]);
    expect(await failures({ sourceUrl: "http://127.0.0.1/a.qcow2" })).toEqual([expect.stringMatching(/^diskFormat: .*is required with sourceUrl/)]);
    expect(await failures({ sourceUrl: "ftp://host/a.qcow2", diskFormat: "qcow2" })).toEqual([expect.stringMatching(/^sourceUrl: .*http:\/\/ or https:\/\//)]);
    expect(await failures({ sourceUrl: "http://u:pw@host/a.qcow2", diskFormat: "qcow2" })).toEqual([expect.stringMatching(/^sourceUrl: .*user name or password/)]);
    expect(await failures({ sourceUrl: "http://host/a b.qcow2", diskFormat: "qcow2" })).toEqual([expect.stringMatching(/^sourceUrl: .*spaces/)]);
    const ok = await provider.check({}, { name: "i", sourceUrl: "https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img", diskFormat: "qcow2" });
    expect(ok.failures ?? []).toEqual([]);
    expect(ok.inputs).toMatchObject({ sourceUrl: "https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img", diskFormat: "qcow2", containerFormat: "bare" });
    expect(ok.inputs.fileHash).toBeUndefined();
    expect((await provider.check({}, { name: "i", file: img })).inputs.fileHash).toMatch(/^sha512:/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("console URL (remote-consoles)", () => {
  const { rebase, remoteConsoleUrl } = require("../../../provider/openstack/server/console") as typeof import("../../../provider/openstack/server/console");
  test("Nova's URL names the guest: the lab's forward replaces scheme, host and port, the token stays", () => {
    const nova = "http://10.0.2.15:6080/vnc_auto.html?path=%3Ftoken%3Dabc-123";
    expect(rebase(nova, "http://127.0.0.1:6080")).toBe("http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3Dabc-123");
    expect(rebase(nova, "https://lab.example:8443/console/")).toBe("https://lab.example:8443/console/vnc_auto.html?path=%3Ftoken%3Dabc-123");
    expect(rebase(nova, undefined)).toBe(nova);
  });
  test("a protocol and type that do not go together are refused before any request", async () => {
    await expect(remoteConsoleUrl({ serverId: "x", protocol: "vnc", type: "spice-html5" })).rejects.toThrow(/does not go with protocol vnc \(novnc, xvpvnc\)/);
    await expect(remoteConsoleUrl({ serverId: "x", protocol: "telnet" as never })).rejects.toThrow(/not one of vnc, spice, rdp, serial/);
  });
});
