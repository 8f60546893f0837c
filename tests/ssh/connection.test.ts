import * as fs from "fs";
import { connect, HostKeyMismatchError, SshAuthError, SshCommandError, SshConnectError, SshConnection, SshConnectionLostError, SshTimeoutError } from "../../provider/ssh";
import { Guest, startGuest } from "../support/guest";

const ROOT_PASSWORD = "r00t-Pa55-for-guest";

describe("SshConnection against a real sshd guest", () => {
  let guest: Guest;
  let conn: SshConnection;

  beforeAll(async () => {
    guest = await startGuest({ rootPassword: ROOT_PASSWORD });
    conn = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey });
  });
  afterAll(async () => {
    conn?.close();
    await guest?.stop();
  });

  it("connects with a key and pins the host key on first use (same fingerprint as ssh-keygen -l)", async () => {
    expect(conn.hostKeyFingerprint).toBe(guest.hostKeyFingerprint);
    const r = await conn.run(["id", "-un"]);
    expect(r).toEqual({ stdout: "root\n", stderr: "", code: 0 });
  });

  it("connects with a password", async () => {
    const c = await connect({ host: guest.host, port: guest.port, password: ROOT_PASSWORD, hostKeyFingerprint: guest.hostKeyFingerprint });
    try {
      expect((await c.run(["cat", "/etc/redhat-release"])).stdout).toBe("CentOS Stream release 9\n");
    } finally {
      c.close();
    }
  });

  it("fails a wrong password at once, without the password in the message", async () => {
    const wrong = "not-the-root-password";
    const err = await connect({ host: guest.host, port: guest.port, password: wrong, attempts: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(SshAuthError);
    expect(String(err.message)).not.toContain(wrong);
  });

  it("round-trips nasty arguments exactly through the remote shell", async () => {
    const nasty = ["", "two  words", "it's", '"double"', "$(touch /tmp/pwned)", "`id`", "a;b", "line1\nline2", "*", "/etc/*", "~", "#not-a-comment", "a|b&c>d", "{x,y}", "$HOME", "back\\slash", "tab\there", "ünïcödé"];
    const r = await conn.run(["printf", "%s\\0", ...nasty]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\0").slice(0, -1)).toEqual(nasty);
  });

  it("passes stdin and env, and returns non-zero codes without throwing", async () => {
    const r = await conn.run(["sh", "-c", 'cat; echo "$GREETING"; exit 7'], { stdin: "from stdin\n", env: { GREETING: "hello there" } });
    expect(r).toEqual({ stdout: "from stdin\nhello there\n", stderr: "", code: 7 });
  });

  it("never puts a secret sent on stdin into errors or progress lines", async () => {
    const secret = "s3cr3t-Admin-Pw";
    const lines: string[] = [];
    const err = await conn
      .runOk(["sh", "-c", "cat >&2; exit 3"], { stdin: `password=${secret}\n`, secrets: [secret], onLine: (l) => lines.push(l) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(SshCommandError);
    expect(err.code).toBe(3);
    expect(err.message).toContain("password=***");
    expect(err.message).not.toContain(secret);
    expect(lines).toEqual(["password=***"]);
  });

  it("sends scripts on stdin: the script text is not in the remote command line", async () => {
    const secret = "token-9f8e7d";
    const r = await conn.runScript(`TOKEN='${secret}'\ntr '\\0' ' ' < /proc/$$/cmdline; echo\necho "arg=$1 len=\${#TOKEN}"\n`, { args: ["first arg"], secrets: [secret] });
    expect(r.stdout).toBe(`bash -s -- first arg \narg=first arg len=${secret.length}\n`);
    const failed = await conn.runScript(`echo '${secret}' >&2\nexit 4\n`, { secrets: [secret] }).catch((e) => e);
    expect(failed).toBeInstanceOf(SshCommandError);
    expect(failed.message).not.toContain(secret);
  });

  it("kills a command that exceeds its time limit", async () => {
    const err = await conn.run(["sleep", "67"], { timeoutMs: 500 }).catch((e) => e);
    expect(err).toBeInstanceOf(SshTimeoutError);
    const left = await conn.run(["sh", "-c", "ps -eo args | grep -c '^sleep 67' || true"]);
    expect(left.stdout.trim()).toBe("0");
  });

  it("uploads and downloads files by SFTP with the requested mode", async () => {
    const content = "CONFIG_KEYSTONE_ADMIN_PW=abc123\n".repeat(2000);
    await conn.upload("/root/answers.txt", content, 0o640);
    expect((await conn.run(["stat", "-c", "%a", "/root/answers.txt"])).stdout.trim()).toBe("640");
    expect((await conn.download("/root/answers.txt")).toString()).toBe(content);
    expect(await conn.download("/root/nope").catch((e) => e.code)).toBe("ENOENT");
  });

  it("cannot touch this machine's /etc or /root from a session", async () => {
    const marker = `oslab-guest-marker-${process.pid}-${Date.now()}`;
    const r = await conn.run(["sh", "-c", `echo hi > /etc/${marker} && echo hi > /root/${marker}`]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(`/etc/${marker}`)).toBe(false);
    expect(fs.existsSync(`/root/${marker}`)).toBe(false);
    expect(guest.readFile(`/etc/${marker}`)).toBe("hi\n");
  });

  it("reconnects with backoff after sshd restarts, keeping the pinned key", async () => {
    const log: string[] = [];
    const c = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey, backoffMs: 200, log: (l) => log.push(l) });
    const restarting = guest.restart({ downMs: 1500 });
    while (c.connected) await new Promise((r) => setTimeout(r, 20));
    const r = await c.run(["echo", "back"]);
    await restarting;
    expect(r.stdout).toBe("back\n");
    expect(log.some((l) => /attempt 1 failed .*retrying/.test(l))).toBe(true);
    c.close();
    conn.close();
    conn = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey, hostKeyFingerprint: guest.hostKeyFingerprint });
  });

  it("reports a connection lost mid-command as an unknown outcome", async () => {
    const c = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey });
    const outcome = c.run(["sleep", "30"]).catch((e) => e);
    await new Promise((r) => setTimeout(r, 300));
    await guest.restart();
    expect(await outcome).toBeInstanceOf(SshConnectionLostError);
    c.close();
  });

  it("refuses a changed host key, naming both fingerprints", async () => {
    const pinned = guest.hostKeyFingerprint;
    await guest.restart({ newHostKey: true });
    const err = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey, hostKeyFingerprint: pinned }).catch((e) => e);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect(err.message).toContain(pinned);
    expect(err.message).toContain(guest.hostKeyFingerprint);
    expect(pinned).not.toBe(guest.hostKeyFingerprint);
  });

  it("gives up after the bounded number of attempts", async () => {
    const err = await connect({ host: "127.0.0.1", port: 1, privateKey: guest.privateKey, attempts: 3, backoffMs: 50 }).catch((e) => e);
    expect(err).toBeInstanceOf(SshConnectError);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/after 3 attempt/);
  });
});

describe("a guest without the sftp subsystem", () => {
  let guest: Guest;
  beforeAll(async () => {
    guest = await startGuest({ sftp: false });
  });
  afterAll(async () => guest?.stop());

  it("falls back to cat over exec for upload and download", async () => {
    const c = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey });
    try {
      const content = Buffer.from([0, 1, 2, 255, 10, 39, 34]);
      await c.upload("/root/bin.dat", content, 0o600);
      expect((await c.run(["stat", "-c", "%a", "/root/bin.dat"])).stdout.trim()).toBe("600");
      expect(Buffer.compare(await c.download("/root/bin.dat"), content)).toBe(0);
      expect(await c.download("/root/missing").catch((e) => e.code)).toBe("ENOENT");
    } finally {
      c.close();
    }
  });
});
