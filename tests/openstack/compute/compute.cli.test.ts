/**
 * openstack.Keypair, Flavor, Image and Server through the real Pulumi CLI against the real Nova (fake driver),
 * Glance (file store) and Placement of the test cloud: create, no-op, drift made with the `openstack` CLI named
 * field by field by `preview --refresh --diff`, restored by `up --refresh`, a server that goes to ERROR (Nova's
 * fault shown, nothing left), an image upload broken off and run again, get and import from a second stack, and a
 * destroy that leaves nothing. One stack set-up shared by the cases, which run in order.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { cloudCli } from "../../lab/support/labWorld";
import { adminCloud } from "../../support/cloud";
import type { CliFlags } from "../../support/cli/types";
import { CliStack } from "../../support/pulumiCli";

jest.setTimeout(600_000);

const PREFIX = `cmp-${process.pid}`;
const cli = (...args: string[]): any => cloudCli.json(...args);
const quiet = (...args: string[]) => cloudCli.exists(...args);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-compute-"));
const file = (name: string) => path.join(dir, name);
const secretConfig = { cloud: JSON.stringify(adminCloud()) };
const named = (list: any[], name: string) => list.filter((x) => x.Name === name);

let stack: CliStack;
let reader: CliStack | undefined;
let networkId: string;
let proxy: http.Server;
let cutUploads = true;
let files: http.Server;
/** The test's own HTTP server Glance's web-download fetches from (the test cloud's Glance allows 127.0.0.1). */
const FILES_PORT = 18451;
/** The config every run starts from; a case's changes are given per run, so one failing case cannot leave them set. */
const BASE = (): Record<string, string> => ({ role: "web", ram: "64", imageFile: file("disk.qcow2"), errorServer: "false", uploadEndpoint: "", bigImageFile: "", webImageUrl: "" });
const run = (command: "up" | "preview" | "destroy", flags: CliFlags = {}, config: Record<string, string> = {}) =>
  stack.run(command, flags, { config: { ...BASE(), ...config } });
const sha512 = (f: string) => `sha512:${createHash("sha512").update(fs.readFileSync(f)).digest("hex")}`;

/** In front of Glance: when `cutUploads`, an image upload's connection is broken off after its first 64 KiB. */
function startGlanceProxy(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (cutUploads && req.method === "PUT" && /\/file$/.test(req.url ?? "")) {
      let got = 0;
      req.on("data", (d: Buffer) => {
        got += d.length;
        if (got >= 65536) req.socket.destroy();
      });
      return;
    }
    const up = http.request({ host: "127.0.0.1", port: 9292, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Serves the files of `dir` (404 for anything else). */
function serveFiles(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const f = file(path.basename(req.url ?? "/"));
    if (req.method !== "GET" || !fs.existsSync(f)) return void res.writeHead(404, { "content-type": "text/plain" }).end("no such file");
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(fs.statSync(f).size) });
    fs.createReadStream(f).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  for (const [f, type] of [["ed", "ed25519"], ["rsa", "rsa"], ["hand", "ed25519"]]) {
    execFileSync("ssh-keygen", ["-q", "-t", type, "-N", "", "-C", `lab@${f}`, "-f", file(f)]);
  }
  // a real qcow2 made by qemu-img (Debian's qemu-utils), and a raw file big enough to break off mid-upload
  execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", file("disk.qcow2"), "16M"]);
  fs.writeFileSync(file("big.raw"), Buffer.alloc(4 << 20, 7));
  const net = cli("network", "create", `${PREFIX}-net`);
  networkId = net.id;
  cli("subnet", "create", "--network", networkId, "--subnet-range", `10.${150 + (process.pid % 50)}.3.0/24`, `${PREFIX}-sub`);
  proxy = await startGlanceProxy(18300);
  files = await serveFiles(FILES_PORT);
  stack = new CliStack({
    programDir: path.join(__dirname, "fixture"),
    config: {
      prefix: PREFIX, networkId, imageFile: file("disk.qcow2"),
      publicKey: fs.readFileSync(file("ed.pub"), "utf8"), rsaPublicKey: fs.readFileSync(file("rsa.pub"), "utf8"),
    },
    secretConfig,
  });
});

afterAll(async () => {
  try {
    await reader?.run("destroy");
    await stack?.run("destroy");
  } finally {
    for (const s of cli("server", "list", "--name", PREFIX)) quiet("server", "delete", "--wait", s.ID);
    for (const i of cli("image", "list", "--name", `${PREFIX}-img`).concat(cli("image", "list", "--name", `${PREFIX}-img2`))) quiet("image", "delete", i.ID);
    for (const f of cli("flavor", "list", "--all").filter((x: any) => x.Name.startsWith(PREFIX))) quiet("flavor", "delete", f.ID);
    for (const k of ["key", "rsa", "byhand"]) quiet("keypair", "delete", `${PREFIX}-${k}`);
    quiet("subnet", "delete", `${PREFIX}-sub`);
    quiet("network", "delete", `${PREFIX}-net`);
    proxy?.close();
    files?.close();
    for (const i of cli("image", "list", "--name", `${PREFIX}-web`)) quiet("image", "delete", i.ID);
    reader?.dispose();
    stack?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("up: key pairs (ed25519, RSA), flavor, image upload, server ACTIVE with its address and progress shown", async () => {
  const up = await run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ key: "create", rsa: "create", flavor: "create", image: "create", group: "create", server: "create" });
  const o = up.outputs;
  expect(o.serverStatus).toBe("ACTIVE");
  expect(o.imageStatus).toBe("active");
  expect(o.imageFormat).toBe("qcow2"); // from the file's header
  expect(o.imageHash).toBe(sha512(file("disk.qcow2")));
  expect(o.serverGroups).toEqual([o.groupId]);
  expect(Object.values(o.serverAddresses).flat()).toEqual([expect.stringMatching(/^10\.\d+\.3\.\d+$/)]);
  expect(o.serverPorts).toHaveLength(1);
  const md5 = (f: string) => execFileSync("ssh-keygen", ["-l", "-E", "md5", "-f", file(f)], { encoding: "utf8" }).split(" ")[1].replace(/^MD5:/, "");
  expect(o.keyFingerprint).toBe(md5("ed.pub"));
  expect(o.rsaFingerprint).toBe(md5("rsa.pub"));
  expect(up.progressDuringStep("server", /status BUILD/)).toBe(true);
  expect(up.progressDuringStep("image", /uploading: 100%/)).toBe(true);
  // as Nova and Glance see them
  const vm = cli("server", "show", o.serverId);
  expect(vm.status).toBe("ACTIVE");
  expect(vm.key_name).toBe(`${PREFIX}-key`);
  expect(cli("image", "show", o.imageId).properties.os_hash_value).toBe(o.imageHash.slice("sha512:".length));
  expect(cli("flavor", "show", o.flavorId).properties).toMatchObject({ "hw:cpu_policy": "shared" });
  // the user data is a secret in state
  expect(stack.stateText()).not.toContain("hostname: lab-vm");
});

test("the next up changes nothing (--expect-no-changes), nor does preview --refresh", async () => {
  expect((await run("up", { expectNoChanges: true })).error).toBeNull();
  expect((await run("preview", { refresh: true, expectNoChanges: true })).error).toBeNull();
});

test("drift made with the openstack CLI is named field by field; up --refresh puts it back", async () => {
  const id = stack.checkpoint().checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::server")).id as string;
  cloudCli.quiet("server", "stop", id);
  cloudCli.quiet("server", "set", "--name", `${PREFIX}-renamed`, "--property", "role=hacked", id);
  cloudCli.quiet("server", "remove", "security", "group", id, `${PREFIX}-sg`);
  const imageId = stack.checkpoint().checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::image")).id as string;
  const flavorId = stack.checkpoint().checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::flavor")).id as string;
  cloudCli.quiet("flavor", "set", "--property", "hw:cpu_policy=dedicated", flavorId);
  cloudCli.quiet("image", "set", "--min-ram", "128", "--property", "os_distro=other", imageId);
  cloudCli.quiet("keypair", "delete", `${PREFIX}-rsa`);
  // wait for the stop to finish (Nova's own state, not a timer)
  for (let i = 0; i < 60 && cli("server", "show", id).status !== "SHUTOFF"; i++) execFileSync("sleep", ["1"]);

  const drift = await run("preview", { refresh: true, diff: true });
  expect(drift.error).toBeNull();
  expect(drift.ops()).toMatchObject({ server: "update", flavor: "update", image: "update", rsa: "create", key: "same" });
  expect(drift.inputChanges()).toMatchObject({
    server: ["metadata", "name", "powerState", "securityGroups"],
    flavor: ["extraSpecs"],
    image: ["minRam", "properties"],
  });
  expect(drift.stdout).toMatch(/hacked/);

  const fix = await run("up", { refresh: true });
  expect(fix.error).toBeNull();
  const vm = cli("server", "show", id);
  expect(vm).toMatchObject({ status: "ACTIVE", name: `${PREFIX}-vm` });
  expect(vm.properties).toEqual({ role: "web" });
  expect(vm.security_groups.map((g: any) => g.name)).toEqual([`${PREFIX}-sg`]);
  expect(cli("flavor", "show", flavorId).properties).toEqual({ "hw:cpu_policy": "shared" });
  expect(cli("image", "show", imageId)).toMatchObject({ min_ram: 64 });
  expect(cli("image", "show", imageId).properties.os_distro).toBe("cirros");
  expect(quiet("keypair", "show", `${PREFIX}-rsa`)).toBe(true);
  expect((await run("preview", { refresh: true, expectNoChanges: true })).error).toBeNull();
});

test("in place vs replace: metadata updates in place; more RAM replaces the flavor (and so the server); a new file replaces the image", async () => {
  const meta = await run("preview", { diff: true }, { role: "db" });
  expect(meta.ops()).toMatchObject({ server: "update", flavor: "same", image: "same" });
  const ram = await run("preview", { diff: true }, { ram: "128" });
  expect(ram.ops()).toMatchObject({ flavor: expect.stringMatching(/replace/), server: expect.stringMatching(/replace/) });
  fs.writeFileSync(file("other.qcow2"), fs.readFileSync(file("disk.qcow2")));
  fs.appendFileSync(file("other.qcow2"), Buffer.alloc(512, 1));
  const img = await run("preview", { diff: true }, { imageFile: file("other.qcow2") });
  expect(img.ops()).toMatchObject({ image: expect.stringMatching(/replace/), server: expect.stringMatching(/replace/), flavor: "same" });
  // the same content under another path: nothing to do
  fs.copyFileSync(file("disk.qcow2"), file("copy.qcow2"));
  const same = await run("preview", { expectNoChanges: true }, { imageFile: file("copy.qcow2") });
  expect(same.error).toBeNull();
});

test("a server that goes to ERROR fails the up with Nova's fault message and leaves nothing behind", async () => {
  const up = await run("up", {}, { errorServer: "true" });
  expect(up.ok).toBe(false);
  expect(up.stdout).toMatch(/went to ERROR: No valid host was found/);
  expect(up.stdout).toMatch(/the server was deleted again/);
  expect(named(cli("server", "list", "--name", `${PREFIX}-err`), `${PREFIX}-err`)).toEqual([]);
  const down = await run("up");
  expect(down.error).toBeNull();
  expect(cli("flavor", "list", "--all").filter((f: any) => f.Name === `${PREFIX}-huge`)).toEqual([]);
});

test("an image upload broken off mid-way fails, leaves no image, and the next up uploads it", async () => {
  const config = { uploadEndpoint: "http://127.0.0.1:18300", bigImageFile: file("big.raw") };
  cutUploads = true;
  const broken = await run("up", {}, config);
  expect(broken.ok).toBe(false);
  expect(broken.stdout).toMatch(/uploading .*big\.raw failed .*deleted again/);
  expect(cli("image", "list", "--name", `${PREFIX}-img2`)).toEqual([]);
  cutUploads = false;
  const again = await run("up", {}, config);
  expect(again.error).toBeNull();
  const images = cli("image", "list", "--name", `${PREFIX}-img2`, "--long");
  expect(images).toHaveLength(1);
  expect(images[0].Status).toBe("active");
  expect((await run("up")).error).toBeNull();
  expect(cli("image", "list", "--name", `${PREFIX}-img2`)).toEqual([]);
});

test("an image imported by Glance from a URL (web-download): active with the file's hash; a new URL replaces it; a bad URL fails with Glance's message and leaves nothing", async () => {
  const url = `http://127.0.0.1:${FILES_PORT}/disk.qcow2`;
  const up = await run("up", {}, { webImageUrl: url });
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({ webImage: "create", image: "same" });
  expect(up.progressDuringStep("webImage", /Glance is downloading .*disk\.qcow2/)).toBe(true);
  const o = up.outputs;
  expect(o.webImageStatus).toBe("active");
  expect(o.webImageHash).toBe(sha512(file("disk.qcow2")));
  expect(o.webImageChecksum).toBe(createHash("md5").update(fs.readFileSync(file("disk.qcow2"))).digest("hex"));
  expect(cli("image", "show", o.webImageId)).toMatchObject({ status: "active", disk_format: "qcow2", size: fs.statSync(file("disk.qcow2")).size });
  expect((await run("preview", { refresh: true, expectNoChanges: true }, { webImageUrl: url })).error).toBeNull();

  fs.copyFileSync(file("disk.qcow2"), file("moved.qcow2"));
  const moved = await run("preview", { diff: true }, { webImageUrl: `http://127.0.0.1:${FILES_PORT}/moved.qcow2` });
  expect(moved.ops()).toMatchObject({ webImage: expect.stringMatching(/replace/) });

  const bad = await run("up", {}, { webImageUrl: `http://127.0.0.1:${FILES_PORT}/missing.qcow2` });
  expect(bad.ok).toBe(false);
  // Glance's own task message (Zed says only "Task failed due to Internal Error" for a 404; its log has the 404)
  expect(bad.stdout).toMatch(/Glance could not import http:\/\/127\.0\.0\.1:\d+\/missing\.qcow2: Task failed/);
  expect(bad.stdout).toMatch(/was deleted again/);
  // the replacement never came to be: only the first image is there, untouched
  expect(cli("image", "list", "--name", `${PREFIX}-web`).map((i: any) => i.ID)).toEqual([o.webImageId]);

  const down = await run("up");
  expect(down.error).toBeNull();
  expect(cli("image", "list", "--name", `${PREFIX}-web`)).toEqual([]);
});

test("a second stack: get reads server, image, flavor and key pair; import takes hand-made ones over; its destroy keeps the got ones", async () => {
  const ids = Object.fromEntries(stack.checkpoint().checkpoint.latest.resources.filter((r: any) => r.id).map((r: any) => [r.urn.split("::").pop(), r.id]));
  cli("keypair", "create", "--public-key", file("hand.pub"), `${PREFIX}-byhand`);
  const handFlavor = cli("flavor", "create", "--vcpus", "1", "--ram", "128", "--disk", "0", `${PREFIX}-byhand`);
  reader = new CliStack({
    programDir: path.join(__dirname, "fixture"),
    stateDir: stack.stateDir,
    stack: "reader",
    config: {
      mode: "reader", prefix: PREFIX, serverId: ids.server, imageId: ids.image, flavorId: ids.flavor, handFlavorId: handFlavor.id,
      publicKey: fs.readFileSync(file("hand.pub"), "utf8"),
    },
    secretConfig,
  });
  const up = await reader.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ server: "read", image: "read", flavor: "read", key: "read", imported: "create", importedFlavor: "create" });
  expect(up.outputs).toMatchObject({ serverName: `${PREFIX}-vm`, serverStatus: "ACTIVE", imageName: `${PREFIX}-img`, flavorRam: 64, keyName: `${PREFIX}-key`, importedFlavorId: handFlavor.id });
  expect(cli("keypair", "list").filter((k: any) => k.Name === `${PREFIX}-byhand`)).toHaveLength(1);
  expect((await reader.run("preview", { expectNoChanges: true })).error).toBeNull();
  const down = await reader.run("destroy");
  expect(down.error).toBeNull();
  expect(cli("server", "show", ids.server).status).toBe("ACTIVE");
  expect(quiet("image", "show", ids.image)).toBe(true);
  expect(quiet("keypair", "show", `${PREFIX}-byhand`)).toBe(false);
  expect(quiet("flavor", "show", handFlavor.id)).toBe(false);
});

test("destroy deletes everything: no server, image, flavor or key pair of the stack is left", async () => {
  const down = await run("destroy");
  expect(down.error).toBeNull();
  expect(cli("server", "list", "--name", PREFIX)).toEqual([]);
  expect(cli("image", "list", "--name", `${PREFIX}-img`)).toEqual([]);
  expect(cli("flavor", "list", "--all").filter((f: any) => f.Name.startsWith(PREFIX))).toEqual([]);
  expect(cli("keypair", "list").filter((k: any) => k.Name.startsWith(PREFIX))).toEqual([]);
  expect(cli("security", "group", "list").filter((g: any) => g.Name === `${PREFIX}-sg`)).toEqual([]);
});
