/**
 * The Windows code paths, on this Linux machine: paths with spaces, CRLF output, VBOX_MSI_INSTALL_PATH, `Path`
 * spelled the Windows way, PATHEXT, arguments cmd would split or expand (spawned without a shell), npm found
 * beside node.exe, and the file backend URL of a drive-letter folder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../../cli/args";
import { gatherFacts } from "../../cli/doctor/facts";
import { runHostCommand } from "../../cli/hostCommand";
import { fileBackendUrl } from "../../cli/paths";
import { findOnPath, prependPath } from "../../cli/pulumiCli";
import { cliEnv } from "../../cli/stack";
import { candidates } from "../../provider/virtualbox/vboxmanage/locate";
import { SETTINGS } from "./support/facts";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { npmCommand } = require("../../scripts/lab.js");
const STANDIN_EXE = path.resolve(__dirname, "../standins/vboxmanage/VBoxManage.exe");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "labcli win "));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("arguments that cmd would split or expand reach the program whole (no shell), from a folder with spaces", async () => {
  const folder = path.join(dir, "Program Files", "Some Tool");
  fs.mkdirSync(folder, { recursive: true });
  const exe = path.join(folder, "print args");
  fs.writeFileSync(exe, "#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)) + '\\r\\n');\n", { mode: 0o755 });
  const args = ["/enum", "{current}", "C:\\Users\\First Last\\CentOS Stream 9.iso", "a&b|c", "%PATH%", '"quoted"', "$(whoami)", "^caret"];
  const r = await runHostCommand(exe, args);
  expect(r.ok).toBe(true);
  expect(JSON.parse(r.stdout)).toEqual(args);
});

test("the verb's arguments keep a Windows path with spaces and & as one value", () => {
  expect(parseArgs(["config", "set", "installerIso", "C:\\Users\\First Last\\a&b.iso"]).rest).toEqual(["set", "installerIso", "C:\\Users\\First Last\\a&b.iso"]);
});

test("VBoxManage.exe at a path with spaces (VBOXMANAGE_PATH), CRLF output: version, hostinfo, NAT Networks and machine folder read", async () => {
  const folder = path.join(dir, "Oracle", "Virtual Box");
  fs.mkdirSync(folder, { recursive: true });
  const exe = path.join(folder, "VBoxManage.exe");
  fs.symlinkSync(STANDIN_EXE, exe);
  const state = fs.mkdtempSync(path.join(dir, "state "));
  const saved = { ...process.env };
  Object.assign(process.env, { VBOX_STANDIN_STATE: state, VBOX_STANDIN_HOME: state, USERNAME: "First Last" });
  try {
    const out = await runHostCommand(exe, ["natnetwork", "add", "--netname", "Other Net", "--network", "10.0.2.0/24", "--enable"]);
    expect(out.ok).toBe(true);
    const ports = SETTINGS.ports.map((p, i) => ({ ...p, port: 40000 + ((process.pid * 7 + i) % 20000) }));
    const f = await gatherFacts({ ...SETTINGS, ports, installerIso: undefined }, { labBuilt: false, env: { ...process.env, VBOXMANAGE_PATH: exe }, platform: "linux" });
    expect(f.vbox).toEqual({ exe, version: { major: 7, minor: 1, patch: 4, raw: "7.1.4r165100" } });
    expect(f.hostInfo).toMatchObject({ hwVirtualization: true, memoryMb: 16384 });
    expect(f.natNetworks).toEqual([expect.objectContaining({ name: "Other Net", cidr: "10.0.2.0/24" })]);
    expect(f.disk?.folder).toMatch(/First Last.*VirtualBox VMs$/);
  } finally {
    process.env = saved;
  }
});

test("VBOX_MSI_INSTALL_PATH (as the installer sets it, trailing backslash) is searched after PATH on Windows", () => {
  const list = candidates({ Path: "C:\\Windows\\system32", VBOX_MSI_INSTALL_PATH: "D:\\Apps\\Oracle VirtualBox\\" }, "win32");
  expect(list).toContain("D:\\Apps\\Oracle VirtualBox\\VBoxManage.exe");
  expect(list.indexOf("D:\\Apps\\Oracle VirtualBox\\VBoxManage.exe")).toBeGreaterThan(list.indexOf("C:\\Windows\\system32\\VBoxManage.exe"));
});

test("npm is run as node.exe + npm-cli.js beside it (C:\\Program Files\\nodejs), never through cmd", () => {
  const node = "C:\\Program Files\\nodejs\\node.exe";
  expect(npmCommand(node, "win32", {}, (p: string) => p === "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js")).toEqual([node, ["C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js"]]);
  expect(npmCommand("/usr/local/bin/node", "linux", {}, (p: string) => p === "/usr/local/lib/node_modules/npm/bin/npm-cli.js")).toEqual(["/usr/local/bin/node", ["/usr/local/lib/node_modules/npm/bin/npm-cli.js"]]);
  // nvm-windows and friends: npm_execpath (set by `npm run`) when npm-cli.js is elsewhere
  expect(npmCommand(node, "win32", { npm_execpath: "D:\\nvm\\npm\\bin\\npm-cli.js" }, (p: string) => p.startsWith("D:"))).toEqual([node, ["D:\\nvm\\npm\\bin\\npm-cli.js"]]);
});

test("the pulumi on a Windows Path is found by PATHEXT, and the CLI's folder goes first on `Path`", () => {
  const bin = path.join(dir, "Pulumi CLI", "bin");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, "pulumi.exe"), "");
  expect(findOnPath({ Path: `${path.join(dir, "none")};${bin}`, PATHEXT: ".COM;.EXE;.BAT;.CMD" }, "win32")).toBe(bin);
  expect(findOnPath({ Path: bin, PATHEXT: ".COM;.BAT" }, "win32")).toBeUndefined();
  const env: NodeJS.ProcessEnv = { Path: "C:\\Windows\\system32" };
  prependPath(env, "C:\\Users\\First Last\\pulumi\\bin", "win32");
  expect(env).toEqual({ Path: "C:\\Users\\First Last\\pulumi\\bin;C:\\Windows\\system32" });
});

test("the file backend URL of a folder on a drive: each segment percent-encoded (the CLI's fileblob opens the decoded path)", () => {
  expect(fileBackendUrl("C:\\Users\\First Last\\pulumi-openstack-lab\\.pulumi-state", "win32")).toBe("file:///C:/Users/First%20Last/pulumi-openstack-lab/.pulumi-state");
  expect(fileBackendUrl("C:\\Users\\Jörg\\My Labs #1 100%\\.pulumi-state", "win32")).toBe("file:///C:/Users/J%C3%B6rg/My%20Labs%20%231%20100%25/.pulumi-state");
  expect(fileBackendUrl("/home/me/lab/.pulumi-state", "linux")).toBe("file:///home/me/lab/.pulumi-state");
});

test("the Pulumi CLI's environment on Windows: Path extended under its own name, the drive-letter backend, the passphrase file", () => {
  const state = "C:\\Users\\First Last\\lab\\.pulumi-state";
  const paths = { repoRoot: "C:\\Users\\First Last\\lab", stateDir: state, passphraseFile: `${state}\\passphrase`, keyPath: "", durationsFile: "", stack: "lab", mainFile: "" };
  const env = cliEnv(paths, { binDir: "C:\\Program Files\\Pulumi\\bin" }, { Path: "C:\\Windows\\system32" }, "win32");
  expect(env).toEqual({
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PULUMI_BACKEND_URL: "file:///C:/Users/First%20Last/lab/.pulumi-state",
    PULUMI_CONFIG_PASSPHRASE_FILE: `${state}\\passphrase`,
    NODE_COMPILE_CACHE: `${state}\\node-compile-cache`,
    Path: "C:\\Program Files\\Pulumi\\bin;C:\\Windows\\system32",
  });
  // a passphrase of the user's own is left alone
  expect(cliEnv(paths, {}, { PULUMI_CONFIG_PASSPHRASE: "mine" }, "win32")).not.toHaveProperty("PULUMI_CONFIG_PASSPHRASE_FILE");
  // so is a compile cache folder of the user's own
  expect(cliEnv(paths, {}, { NODE_COMPILE_CACHE: "D:\\cache" }, "win32")).not.toHaveProperty("NODE_COMPILE_CACHE");
});
