/**
 * The VBoxManage driver on its own: where it looks for VBoxManage, the version gate, how failures are shown
 * (secrets masked), which errors are retried, and per-VM serialisation. Uses small fake executables written
 * into a temp dir (each logs its argv and answers from a script), so each behaviour is forced exactly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { candidates, locateVBoxManage } from "../../provider/virtualbox/vboxmanage/locate";
import { showCommand } from "../../provider/virtualbox/vboxmanage/errors";
import { runVBoxManage } from "../../provider/virtualbox/vboxmanage/run";
import { resetVersionCache, versionWarning } from "../../provider/virtualbox/vboxmanage/version";
import { vboxManage, VBoxManageError } from "../../provider/virtualbox/vboxmanage";
import { isNotFound } from "../../provider/core/errors";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vbox-driver-"));
  resetVersionCache();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake VBoxManage: `body` is JS run with `argv`, `n` (this call's number), `log` (append a line to calls). */
function fake(body: string, name = "VBoxManage"): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `#!${process.execPath}
const fs = require("fs"); const argv = process.argv.slice(2);
const logFile = ${JSON.stringify(path.join(dir, "calls.log"))};
fs.appendFileSync(logFile, JSON.stringify({ argv, t: Date.now() }) + "\\n");
const n = fs.readFileSync(logFile, "utf8").trim().split("\\n").length;
${body}
`,
    { mode: 0o755 },
  );
  return file;
}
const calls = () =>
  fs.existsSync(path.join(dir, "calls.log"))
    ? fs.readFileSync(path.join(dir, "calls.log"), "utf8").trim().split("\n").map((l) => JSON.parse(l).argv as string[])
    : [];
const ctx = (deadlineMs = 60_000) => ({ progress: (m: string) => lines.push(m), deadline: Date.now() + deadlineMs });
let lines: string[] = [];
beforeEach(() => (lines = []));

describe("locating VBoxManage", () => {
  test("the vboxManagePath input wins, then VBOXMANAGE_PATH, then PATH", () => {
    const onPath = fake("", "VBoxManage");
    const other = path.join(dir, "other");
    fs.mkdirSync(other);
    const explicit = path.join(other, "VBoxManage");
    fs.copyFileSync(onPath, explicit);
    fs.chmodSync(explicit, 0o755);
    const env = { PATH: `/nonexistent:${dir}` };
    expect(locateVBoxManage(undefined, env, "linux")).toBe(onPath);
    expect(locateVBoxManage(undefined, { ...env, VBOXMANAGE_PATH: explicit }, "linux")).toBe(explicit);
    expect(locateVBoxManage(explicit, { PATH: "" }, "linux")).toBe(explicit);
  });

  test("missing everywhere: the error says how to point at it", () => {
    expect(() => locateVBoxManage(undefined, { PATH: "/nonexistent" }, "linux")).toThrow(/VBoxManage not found on PATH.*vboxManagePath.*VBOXMANAGE_PATH/);
    expect(() => locateVBoxManage("/no/such/VBoxManage", {}, "linux")).toThrow(/vboxManagePath: \/no\/such\/VBoxManage does not exist/);
  });

  test("on Windows: PATH, then VBOX_MSI_INSTALL_PATH / VBOX_INSTALL_PATH, then Program Files", () => {
    const c = candidates({ PATH: "C:\\bin", VBOX_MSI_INSTALL_PATH: "D:\\VBox\\", VBOX_INSTALL_PATH: "E:\\VirtualBox", ProgramFiles: "C:\\Program Files" }, "win32");
    const exes = c.filter((p) => p.endsWith(".exe"));
    expect(exes[0]).toMatch(/^C:\\bin[\\/]VBoxManage\.exe$/);
    expect(exes.slice(1)).toEqual(["D:\\VBox\\VBoxManage.exe", "E:\\VirtualBox\\VBoxManage.exe", "C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe"]);
  });
});

describe("version gate", () => {
  test("VirtualBox 6.1 is refused with a clear message before the command runs", async () => {
    const exe = fake(`if (argv[0] === "--version") console.log("6.1.50r161033");`);
    const err = await vboxManage(exe, ctx()).change(["natnetwork", "add", "--netname", "x", "--network", "10.0.2.0/24"]).catch((e) => e);
    expect(err.message).toMatch(/VirtualBox 6\.1\.50r161033 .* too old: .* needs VirtualBox 7\.0 or later/);
    expect(calls()).toEqual([["--version"]]);
  });

  test("7.2.2 works with a warning naming the NAT Network regressions; the check runs once per process", async () => {
    const exe = fake(`if (argv[0] === "--version") console.log("7.2.2r170000");`);
    const vbox = vboxManage(exe, ctx());
    await vbox.change(["modifyvm", "a"]);
    await vboxManage(exe, ctx()).change(["modifyvm", "b"]);
    await vbox.read(["showvminfo", "a", "--machinereadable"]);
    expect(calls()).toEqual([["--version"], ["modifyvm", "a"], ["modifyvm", "b"], ["showvminfo", "a", "--machinereadable"]]);
    expect(lines.join("\n")).toMatch(/warning: VirtualBox 7\.2\.2r170000 has NAT Network regressions \(VirtualBox\/virtualbox#232, #271\)/);
    expect(versionWarning({ major: 7, minor: 2, patch: 4, raw: "7.2.4" })).toBeNull();
    expect(versionWarning({ major: 7, minor: 1, patch: 0, raw: "7.1.0" })).toBeNull();
  });
});

describe("running and errors", () => {
  test("arguments reach VBoxManage verbatim, one argv item each (no shell)", async () => {
    const exe = fake("");
    const tricky = ["a b", "$(touch pwned)", "x;y|z", "'q'", '"dq"', "*", "`id`"];
    await runVBoxManage(exe, ["modifyvm", ...tricky]);
    expect(calls()).toEqual([["modifyvm", ...tricky]]);
    expect(fs.existsSync(path.join(process.cwd(), "pwned"))).toBe(false);
  });

  test("a syntax error (exit 2) fails at once, showing the command with the password masked", async () => {
    const exe = fake(`process.stderr.write("VBoxManage: error: Unknown option: --bogus\\n"); process.exit(2);`);
    const err = await runVBoxManage(exe, ["unattended", "install", "vm", "--password=hunter2-secret", "--bogus"]).catch((e) => e);
    expect(err).toBeInstanceOf(VBoxManageError);
    expect(err.kind).toBe("syntax");
    expect(err.message).toMatch(/Unknown option: --bogus \(command: .*unattended install vm --password=\*\*\* --bogus, exit 2\)/);
    expect(err.message).not.toContain("hunter2-secret");
    expect(calls()).toHaveLength(1);
  });

  test("'already locked' is retried with backoff and then succeeds", async () => {
    const exe = fake(`if (n <= 2) { process.stderr.write("VBoxManage: error: The machine 'lab' is already locked for a session (or being unlocked)\\nVBoxManage: error: Details: code VBOX_E_INVALID_OBJECT_STATE (0x80bb0007), component MachineWrap, interface IMachine, callee nsISupports\\n"); process.exit(1); }`);
    const r = await runVBoxManage(exe, ["modifyvm", "lab", "--memory", "4096"], { backoffMs: 10 });
    expect(r.exitCode).toBe(0);
    expect(calls()).toHaveLength(3);
  });

  test("retries are bounded", async () => {
    const exe = fake(`process.stderr.write("VBoxManage: error: The machine 'lab' is already locked for a session (or being unlocked)\\n"); process.exit(1);`);
    const err = await runVBoxManage(exe, ["modifyvm", "lab"], { backoffMs: 5, attempts: 4 }).catch((e) => e);
    expect(err.kind).toBe("locked");
    expect(calls()).toHaveLength(4);
  });

  test("not found is not retried and reads as NotFound (resource gone)", async () => {
    const exe = fake(`process.stderr.write("VBoxManage: error: Could not find a registered machine named 'lab'\\nVBoxManage: error: Details: code VBOX_E_OBJECT_NOT_FOUND (0x80bb0001), component VirtualBoxWrap, interface IVirtualBox, callee nsISupports\\n"); process.exit(1);`);
    const err = await runVBoxManage(exe, ["showvminfo", "lab", "--machinereadable"]).catch((e) => e);
    expect(err.kind).toBe("not-found");
    expect(isNotFound(err)).toBe(true);
    expect(calls()).toHaveLength(1);
  });

  test("an error line with exit 0 is still a failure; CRLF output is normalised", async () => {
    const bad = fake(`process.stderr.write("VBoxManage.exe: error: Something broke\\r\\n");`);
    await expect(runVBoxManage(bad, ["list", "vms"])).rejects.toThrow(/Something broke/);
    const crlf = fake(`process.stdout.write('"lab" {4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11}\\r\\n');`, "VBoxManage.exe");
    expect((await runVBoxManage(crlf, ["list", "vms"])).stdout).toBe('"lab" {4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11}\n');
  });

  test("calls on one VM run one at a time; calls on different VMs overlap", async () => {
    const exe = fake(`const t0 = Date.now(); fs.appendFileSync(logFile.replace("calls", "spans"), JSON.stringify({ vm: argv[1], start: t0 }) + "\\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150); fs.appendFileSync(logFile.replace("calls", "spans"), JSON.stringify({ vm: argv[1], end: Date.now() }) + "\\n");`);
    const vbox = vboxManage(exe, ctx());
    await Promise.all([
      vbox.read(["showvminfo", "a"], { vm: "a" }),
      vbox.read(["showvminfo", "a"], { vm: "a" }),
      vbox.read(["showvminfo", "a"], { vm: "a" }),
      vbox.read(["showvminfo", "b"], { vm: "b" }),
    ]);
    const events = fs.readFileSync(path.join(dir, "spans.log"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    // For VM a, every start comes after the previous end: the sequence alternates start/end.
    const a = events.filter((e) => e.vm === "a").map((e) => ("start" in e ? "start" : "end"));
    expect(a).toEqual(["start", "end", "start", "end", "start", "end"]);
    // VM b did not wait for all of a's calls.
    const order = events.map((e) => `${e.vm}:${"start" in e ? "start" : "end"}`);
    expect(order.indexOf("b:start")).toBeLessThan(order.lastIndexOf("a:start"));
  });
});

test("showCommand masks password options in both spellings and quotes odd arguments", () => {
  expect(showCommand("VBoxManage", ["unattended", "install", "x", "--password", "p4ss-word", "--user-password=abc123"])).toBe(
    "VBoxManage unattended install x --password *** --user-password=***",
  );
  expect(showCommand("VBoxManage", ["createvm", "--name", "my vm; rm"])).toBe('VBoxManage createvm --name "my vm; rm"');
});
