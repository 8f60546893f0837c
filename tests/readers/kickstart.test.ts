/**
 * The kickstart as its real consumers read it: VirtualBox fills the --script-template (./vbox.ts), then Anaconda's
 * pykickstart reads it (./kickstart.ts, ./shlex.ts). For every unattended input check() accepts, the installed
 * system gets exactly what was meant: root's password (the one the learner types at the SSH prompt verifies against
 * what lands in /etc/shadow), root's SSH key, the packages and the one environment; what cannot get through is
 * refused by check() naming the field. Pure unit test: no VirtualBox, no cloud.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as fc from "fast-check";
import { provider } from "../../provider/virtualbox/virtualmachine/controller";
import { configureUnattended } from "../../provider/virtualbox/virtualmachine/unattended";
import type { VirtualMachineInputs } from "../../provider/virtualbox/virtualmachine/types";
import { sha512Crypt } from "../../provider/virtualbox/kickstart/shaCrypt";
import { checkWith, Checked, expectRefused } from "./helpers";
import { readKickstart, ReadKickstart } from "./kickstart";
import { shlexSplit } from "./shlex";
import { fillTemplate, passwordFromFile } from "./vbox";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0a2V5dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA";
const vmInputs = (unattended: Record<string, unknown>) => ({
  name: "lab",
  memoryMb: 8192,
  installerIso: "/isos/CentOS-Stream-9-latest-x86_64-dvd1.iso",
  readiness: { port: 2222 },
  unattended: { rootPassword: "Lab-passw0rd", sshPublicKey: `${KEY} lab@host`, ...unattended },
});

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "readers-ks-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What VirtualBox receives from the provider's unattended step (argv, the template, the password file's bytes). */
async function provision(inputs: VirtualMachineInputs): Promise<{ argv: string[]; template: string; passwordFile?: Buffer }> {
  let seen: { argv: string[]; template: string; passwordFile?: Buffer } | undefined;
  const opt = (argv: string[], name: string) => argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const vbox = {
    change: async (argv: string[]) => {
      const pw = opt(argv, "--password-file");
      seen = { argv, template: fs.readFileSync(opt(argv, "--script-template")!, "utf8"), passwordFile: pw ? fs.readFileSync(pw) : undefined };
      if (opt(argv, "--password") !== undefined) seen.passwordFile = Buffer.from(opt(argv, "--password")!);
    },
  };
  const ctx = { progress: () => undefined };
  await configureUnattended(vbox as never, "lab", fs.mkdtempSync(path.join(tmp, "vm-")), inputs, ctx as never);
  return seen!;
}

/** The kickstart Anaconda reads: VirtualBox's placeholders filled from what VirtualBox was given. */
async function installedFrom(inputs: VirtualMachineInputs): Promise<{ ks: ReadKickstart; vboxPassword: string }> {
  const { argv, template, passwordFile } = await provision(inputs);
  // VirtualBox's own default when no password is given is "changeme" (Unattended::i_getPassword default).
  const vboxPassword = passwordFile ? passwordFromFile(passwordFile) : "changeme";
  const hostname = argv.find((a) => a.startsWith("--hostname="))?.slice(11) ?? "";
  const filled = fillTemplate(template, { ROOT_PASSWORD: vboxPassword, USER_PASSWORD: vboxPassword, HOSTNAME_FQDN: hostname, LOCALE: "en_US" });
  return { ks: readKickstart(filled), vboxPassword };
}

/** Would typing `typed` at the SSH prompt log root in (crypt(typed, salt) == the shadow entry)? */
function rootAccepts(ks: ReadKickstart, typed: string): boolean {
  const rootpw = ks.rootpw!;
  if (!rootpw.isCrypted) return rootpw.password === typed;
  const m = /^\$6\$(?:rounds=\d+\$)?([^$]{1,16})\$[./0-9A-Za-z]{86}$/.exec(rootpw.password);
  if (!m) return false;
  return sha512Crypt(typed, m[1]) === rootpw.password;
}

async function checkVm(unattended: Record<string, unknown>): Promise<Checked<VirtualMachineInputs>> {
  return checkWith<VirtualMachineInputs>(provider, vmInputs(unattended));
}

describe("root password: accepted means it logs in, or check() says why not", () => {
  const cases: Array<[string, string]> = [
    ["a # inside (shell-style comment for Anaconda)", "Secr#t-passw0rd"],
    ["a leading - (an option to rootpw's argparse)", "-starts-with-dash"],
    ["quotes, $, backtick, backslash, spaces", `p@ss 'q' "dq" $HOME \`id\` \\ end`],
    ["600 bytes (VirtualBox keeps 511 of a password file)", "x".repeat(600)],
    ["exactly 511 bytes", "y".repeat(511)],
    ["a TAB (VirtualBox's password file ends at a control character)", "tab\there-pw"],
    ["non-ASCII", "pässwörd-ünïcode-密码"],
    ["@@VBOX_INSERT_USER_LOGIN@@ inside", "pw@@VBOX_INSERT_USER_LOGIN@@x"],
  ];
  test.each(cases)("%s", async (_what, password) => {
    const c = await checkVm({ rootPassword: password });
    if (!c.ok) {
      expectRefused(c, "unattended.rootPassword", /control characters|at most 511 bytes/);
      return;
    }
    const { ks } = await installedFrom(c.inputs);
    expect(rootAccepts(ks, password)).toBe(true);
  });

  test("VirtualBox is not given the password at all, and the kickstart never holds it in clear", async () => {
    const password = "Never-in-clear-9";
    const c = await checkVm({ rootPassword: password });
    if (!c.ok) throw new Error(JSON.stringify(c.failures));
    const { argv, template, passwordFile } = await provision(c.inputs);
    expect(argv.some((a) => a.startsWith("--password"))).toBe(false);
    expect(passwordFile).toBeUndefined();
    expect(template).not.toContain(password);
    expect(readKickstart(template).rootpw).toMatchObject({ isCrypted: true });
  });

  test("property: every password check() accepts logs root in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", minLength: 1, maxLength: 40 }), async (password) => {
        const c = await checkVm({ rootPassword: password });
        if (!c.ok) return; // refused, with its reason (the cases above pin the reasons)
        const { ks } = await installedFrom(c.inputs);
        expect(rootAccepts(ks, password)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("root's SSH key reaches authorized_keys exactly", () => {
  test.each([
    ["a comment ending in a backslash", `${KEY} lab\\`],
    ["a comment with double quotes", `${KEY} "lab" host`],
    ["a comment with # and '", `${KEY} it's #1`],
    ["no comment", KEY],
  ])("%s", async (_what, key) => {
    const c = await checkVm({ sshPublicKey: key });
    if (!c.ok) throw new Error(`refused: ${JSON.stringify(c.failures)}`);
    const { ks } = await installedFrom(c.inputs);
    expect(ks.sshkeys).toEqual([{ username: "root", key }]);
  });

  test("property: any printable comment", async () => {
    const printable = fc.string({ unit: "grapheme", maxLength: 30 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) && !s.includes("@@"));
    await fc.assert(
      fc.asyncProperty(printable, async (comment) => {
        const key = `${KEY} ${comment}`.trim();
        const c = await checkVm({ sshPublicKey: key });
        if (!c.ok) throw new Error(`refused ${JSON.stringify(key)}: ${JSON.stringify(c.failures)}`);
        const { ks } = await installedFrom(c.inputs);
        expect(ks.sshkeys).toEqual([{ username: "root", key: c.inputs.unattended!.sshPublicKey }]);
        expect(c.inputs.unattended!.sshPublicKey).toBe(key);
      }),
      { numRuns: 60 },
    );
  });
});

describe("packages: one environment, every package and group as given", () => {
  test("an environment group is refused (it would replace @^minimal-environment)", async () => {
    const c = await checkVm({ packages: ["@^graphical-server-environment"] });
    if (c.ok) {
      const { ks } = await installedFrom(c.inputs);
      expect(ks.packages.environment).toBe("minimal-environment");
    }
    expectRefused(c, "unattended.packages[0]", /environment group.*keeps only one environment/);
  });

  test.each([["-kernel"], ["vim#comment"], ["pkg name"], [""]])("%j is refused with what is allowed", async (pkg) => {
    expectRefused(await checkVm({ packages: [pkg] }), "unattended.packages[0]", /package name or @group/);
  });

  test("property: the kickstart installs exactly the accepted packages and groups", async () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,20}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), name), { maxLength: 6 }), async (items) => {
        const packages = items.map(([group, n]) => (group ? `@${n}` : n));
        const c = await checkVm({ packages });
        if (!c.ok) throw new Error(`refused ${JSON.stringify(packages)}: ${JSON.stringify(c.failures)}`);
        const { ks } = await installedFrom(c.inputs);
        expect(ks.packages.environment).toBe("minimal-environment");
        expect(new Set(ks.packages.groups)).toEqual(new Set(packages.filter((p) => p.startsWith("@")).map((p) => p.slice(1))));
        expect(new Set(ks.packages.packages)).toEqual(new Set(["openssh-server", ...packages.filter((p) => !p.startsWith("@"))]));
        expect(ks.packages.excluded).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the whole kickstart", () => {
  test("the defaults read cleanly: RHEL9 commands only, static network, %post closed", async () => {
    const c = await checkVm({});
    if (!c.ok) throw new Error(JSON.stringify(c.failures));
    const { ks } = await installedFrom(c.inputs);
    const network = ks.commands.find((x) => x.name === "network")!;
    expect(network.args).toEqual(expect.arrayContaining(["--bootproto=static", "--ip=10.0.2.15", "--netmask=255.255.255.0", "--gateway=10.0.2.1", "--nameserver=10.0.2.1", "--hostname=openstack.lab.local"]));
    expect(ks.sections.map((s) => s.header[0])).toEqual(["%packages", "%post"]);
    expect(ks.commands.find((x) => x.name === "timezone")!.args).toEqual(["UTC", "--utc"]);
  });
});

describe("the reader models are the real ones", () => {
  const python = spawnSync("python3", ["-c", "import shlex"]).status === 0;
  (python ? test : test.skip)("shlex model = python3's shlex.split(comments=True) on 300 generated lines", () => {
    const lines = fc.sample(fc.string({ unit: fc.constantFrom("a", " ", "#", "'", '"', "\\", "b", "\t", "é"), maxLength: 16 }), { numRuns: 300, seed: 15 });
    const script = "import shlex,sys,json\nout=[]\nfor s in json.load(sys.stdin):\n  try: out.append(shlex.split(s, comments=True))\n  except ValueError as e: out.append(str(e))\nprint(json.dumps(out))";
    const py = spawnSync("python3", ["-c", script], { input: JSON.stringify(lines), encoding: "utf8" });
    const theirs = JSON.parse(py.stdout) as unknown[];
    lines.forEach((s, i) => {
      let mine: unknown;
      try {
        mine = shlexSplit(s);
      } catch (e) {
        mine = (e as Error).message;
      }
      expect([s, mine]).toEqual([s, theirs[i]]);
    });
  });

  test("VirtualBox's _SH quoting leaves # alone (why a plaintext rootpw lost everything after it)", () => {
    expect(fillTemplate("rootpw --plaintext @@VBOX_INSERT_ROOT_PASSWORD_SH@@", { ROOT_PASSWORD: "Secr#t" })).toBe("rootpw --plaintext Secr#t");
    expect(readKickstart("rootpw --plaintext Secr#t\n").rootpw!.password).toBe("Secr");
    expect(passwordFromFile(Buffer.from("tab\there"))).toBe("tab");
    expect(passwordFromFile(Buffer.from("z".repeat(600)))).toHaveLength(511);
  });
});
