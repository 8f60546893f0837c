/**
 * RemoteHost (provider/lab/common/host.ts), the one SSH host class of HostPrep and PackstackInstall: what reaches
 * the SSH transport for a root login and for a non-root one (through `sudo -n --`, never prompting). Scripts and
 * file contents go on stdin, never on the command line. The transport itself is tests/ssh's; here it records.
 */
import { RemoteHost } from "../../../provider/lab/common";

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
