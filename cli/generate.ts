/**
 * What the lab generates once on the PC, with Node only (no ssh-keygen, no /dev/urandom): the passphrase of the
 * local stack's secrets, the VM's root and Keystone admin passwords, and the ed25519 key root logs in with.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { utils } from "ssh2";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Letters and digits only: safe in a kickstart, an answer file and a shell line without quoting. */
export function randomPassword(length = 20): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHANUM[b % 62]; // 248 = 4 * 62: no modulo bias
    }
  }
  return out;
}

function writePrivate(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

/** The passphrase file's path, created with a random passphrase when missing. */
export function ensurePassphraseFile(file: string): string {
  if (!fs.existsSync(file)) writePrivate(file, `${randomBytes(24).toString("base64")}\n`);
  return file;
}

export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

/** A new ed25519 key pair in OpenSSH form (what ssh, sshd's authorized_keys and ssh2 all read). */
export function newEd25519KeyPair(comment = "openstack-lab"): KeyPair {
  const k = utils.generateKeyPairSync("ed25519", { comment });
  return { privateKey: k.private, publicKey: k.public.trim() };
}

/** The key at `keyPath` (+ `.pub`), created when missing; true when it was created now. */
export function ensureKeyPair(keyPath: string): boolean {
  if (fs.existsSync(keyPath)) {
    if (!fs.existsSync(`${keyPath}.pub`)) {
      const parsed = utils.parseKey(fs.readFileSync(keyPath));
      if (parsed instanceof Error) throw new Error(`${keyPath}: ${parsed.message} (delete it to get a new key, or set LAB_SSH_KEY)`);
      const key = Array.isArray(parsed) ? parsed[0] : parsed;
      fs.writeFileSync(`${keyPath}.pub`, `${key.type} ${key.getPublicSSH().toString("base64")} openstack-lab\n`);
    }
    return false;
  }
  const k = newEd25519KeyPair();
  writePrivate(keyPath, k.privateKey.endsWith("\n") ? k.privateKey : `${k.privateKey}\n`);
  fs.writeFileSync(`${keyPath}.pub`, `${k.publicKey}\n`);
  return true;
}
