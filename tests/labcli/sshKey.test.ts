/**
 * The lab's SSH key, made with Node only (ssh2's ed25519 generator, no ssh-keygen): a real sshd (the CentOS guest
 * of tests/support/guest) accepts it through the project's SSH transport, OpenSSH reads the private key file, and an
 * existing key is kept. The passwords and the passphrase file are generated once.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureKeyPair, ensurePassphraseFile, randomPassword } from "../../cli/generate";
import { connect } from "../../provider/ssh";
import { Guest, startGuest } from "../support/guest";

jest.setTimeout(60_000);

let guest: Guest;
let dir: string;
beforeAll(async () => {
  guest = await startGuest();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "labcli key "));
});
afterAll(async () => {
  await guest?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the generated ed25519 key logs in to a real sshd as root", async () => {
  const keyPath = path.join(dir, ".pulumi-state", "id_ed25519");
  expect(ensureKeyPair(keyPath)).toBe(true);
  const pub = fs.readFileSync(`${keyPath}.pub`, "utf8");
  expect(pub).toMatch(/^ssh-ed25519 [A-Za-z0-9+/=]+ openstack-lab\n$/);
  expect(fs.statSync(keyPath).mode & 0o077).toBe(0);
  fs.appendFileSync(guest.hostPath("/root/.ssh/authorized_keys"), pub);
  const conn = await connect({ host: guest.host, port: guest.port, privateKey: fs.readFileSync(keyPath), attempts: 2 });
  try {
    expect((await conn.run(["id", "-un"])).stdout.trim()).toBe("root");
  } finally {
    conn.close();
  }
  // OpenSSH itself reads the private key file (what `ssh -i` would use) and derives the same public key
  expect(execFileSync("ssh-keygen", ["-y", "-f", keyPath], { encoding: "utf8" }).split(" ").slice(0, 2)).toEqual(pub.split(" ").slice(0, 2));
});

test("a key the sshd does not know is refused (the login above is the key's doing)", async () => {
  const other = path.join(dir, "other");
  ensureKeyPair(other);
  await expect(connect({ host: guest.host, port: guest.port, privateKey: fs.readFileSync(other), attempts: 1 })).rejects.toThrow(/auth/i);
});

test("an existing key is kept; a missing .pub is derived from it", () => {
  const keyPath = path.join(dir, "kept");
  ensureKeyPair(keyPath);
  const before = fs.readFileSync(keyPath, "utf8");
  const pub = fs.readFileSync(`${keyPath}.pub`, "utf8").split(" ").slice(0, 2).join(" ");
  fs.rmSync(`${keyPath}.pub`);
  expect(ensureKeyPair(keyPath)).toBe(false);
  expect(fs.readFileSync(keyPath, "utf8")).toBe(before);
  expect(fs.readFileSync(`${keyPath}.pub`, "utf8").split(" ").slice(0, 2).join(" ")).toBe(pub);
});

test("passwords: letters and digits, 20 long, different each time; the passphrase file is made once", () => {
  const a = randomPassword();
  expect(a).toMatch(/^[A-Za-z0-9]{20}$/);
  expect(new Set(Array.from({ length: 50 }, () => randomPassword())).size).toBe(50);
  const file = path.join(dir, "state", "passphrase");
  ensurePassphraseFile(file);
  const first = fs.readFileSync(file, "utf8");
  expect(first.trim().length).toBeGreaterThanOrEqual(32);
  ensurePassphraseFile(file);
  expect(fs.readFileSync(file, "utf8")).toBe(first);
});
