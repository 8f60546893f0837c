/**
 * RemoteHost (provider/lab/common/host.ts), the one SSH host class of HostPrep and PackstackInstall: what reaches
 * the SSH transport for a root login and for a non-root one (through `sudo -n --`, never prompting). Scripts and
 * file contents go on stdin, never on the command line; `sudo -n true` once per operation, a refusal named. The
 * transport itself is tests/ssh's; here it records. End to end on the sshd guest: tests/lab/packstack/sudo.test.ts.
 */
import { RemoteHost, SudoRefusedError } from "../../../provider/lab/common";
import * as connection from "../../../provider/lab/common/connection";

interface Call {
  how: string;
  argv: ReadonlyArray<string>;
  stdin?: string | Buffer;
  prefix?: ReadonlyArray<string>;
}

function recording(calls: Call[]) {
  const ok = { stdout: "text", stderr: "", code: 0 };
  return {
    target: "u@h:22",
    run: async (argv: ReadonlyArray<string>, o: { stdin?: string | Buffer } = {}) => (calls.push({ how: "run", argv, stdin: o.stdin }), ok),
    runOk: async (argv: ReadonlyArray<string>, o: { stdin?: string | Buffer } = {}) => (calls.push({ how: "runOk", argv, stdin: o.stdin }), ok),
    runScript: async (text: string, o: { args?: string[]; prefix?: string[] } = {}) => (calls.push({ how: "script", argv: o.args ?? [], stdin: text, prefix: o.prefix }), ok),
    upload: async (path: string) => void calls.push({ how: "sftp-upload", argv: [path] }),
    download: async (path: string) => (calls.push({ how: "sftp-download", argv: [path] }), Buffer.from("text")),
    close: () => undefined,
  };
}

/** A host bound to a recording connection, as `open()` gives one. */
function hostAs(user: string, calls: Call[]): RemoteHost {
  const Ctor = RemoteHost as unknown as new (...a: unknown[]) => RemoteHost;
  return new Ctor({ host: "h", port: 22, user }, { deadline: Date.now() + 60_000, progress: () => undefined }, { value: undefined }, recording(calls));
}

async function everyKind(host: RemoteHost) {
  await host.run(["systemctl", "restart", "network"]);
  await host.script("echo \"$1\"", ["a b"]);
  await host.upload("/root/packstack-answers-lab.txt", "CONFIG_KEYSTONE_ADMIN_PW=s3cret\n");
  await host.download("/root/packstack-answers-lab.txt");
}

test("as root: commands as they are, files by SFTP", async () => {
  const calls: Call[] = [];
  await everyKind(hostAs("root", calls));
  expect(calls.map((c) => [c.how, ...(c.prefix ?? []), ...c.argv])).toEqual([
    ["run", "systemctl", "restart", "network"],
    ["script", "a b"],
    ["sftp-upload", "/root/packstack-answers-lab.txt"],
    ["sftp-download", "/root/packstack-answers-lab.txt"],
  ]);
});

test("as another user: every command, script and file through sudo -n, a file's content on stdin only", async () => {
  const calls: Call[] = [];
  await everyKind(hostAs("lab", calls));
  for (const c of calls) expect([...(c.prefix ?? []), ...c.argv].slice(0, 3)).toEqual(["sudo", "-n", "--"]);
  const upload = calls[2];
  expect(upload.argv.join(" ")).not.toContain("s3cret");
  expect(String(upload.stdin)).toContain("s3cret");
  expect(upload.argv).toContain("/root/packstack-answers-lab.txt");
  expect(calls[3].argv.slice(3)).toEqual(["cat", "--", "/root/packstack-answers-lab.txt"]);
});

describe("open() as another user: sudo -n true, once per operation", () => {
  const opened: { argv: ReadonlyArray<string>[]; closed: number } = { argv: [], closed: 0 };
  let sudoSays = { code: 0, stderr: "" };
  beforeEach(() => {
    opened.argv = [];
    opened.closed = 0;
    jest.spyOn(connection, "openConnection").mockImplementation(async () => {
      const conn = {
        target: "lab@h:22",
        hostKeyFingerprint: "SHA256:" + "A".repeat(43),
        run: async (argv: ReadonlyArray<string>) => (opened.argv.push(argv), { stdout: "", ...sudoSays }),
        close: () => void opened.closed++,
      };
      return conn as unknown as Awaited<ReturnType<typeof connection.openConnection>>;
    });
  });
  afterEach(() => jest.restoreAllMocks());
  const op = (user: string) => RemoteHost.forOperation({ host: "h", port: 22, user }, { deadline: Date.now() + 60_000, progress: () => undefined });

  test("asked on the operation's first connection only; root is never asked", async () => {
    sudoSays = { code: 0, stderr: "" };
    const host = op("lab");
    (await host.open()).close();
    (await host.open()).close();
    expect(opened.argv).toEqual([["sudo", "-n", "true"]]);
    (await op("root").open()).close();
    expect(opened.argv).toHaveLength(1);
  });

  test("a refusal is a SudoRefusedError naming the user and sudo's own words (not its host-name warning); the connection is closed", async () => {
    sudoSays = { code: 1, stderr: "sudo: unable to resolve host lab: Name or service not known\nsudo: a password is required\n" };
    const e = await op("lab").open().catch((x) => x);
    expect(e).toBeInstanceOf(SudoRefusedError);
    expect(e.message).toMatch(/^connection\.user "lab" cannot run commands as root on lab@h:22: `sudo -n true` said "sudo: a password is required"\. .*NOPASSWD.*or connect as root$/);
    expect(opened.closed).toBe(1);
  });
});
