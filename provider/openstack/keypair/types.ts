/** openstack.Keypair: its inputs and outputs (from spec.ts) and the public key checks. */
import type { InputsOf, OutputsOf } from "../../core/spec";
import type { spec } from "./spec";

type KeypairSpec = typeof spec;

export type KeypairInputs = InputsOf<KeypairSpec>;
export type KeypairOutputs = OutputsOf<KeypairSpec>;

export const KEY_TYPES = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss"];

/** Why `line` is not an OpenSSH public key line (null when it is): the type, base64 and the type inside the blob agree. */
export function publicKeyProblem(line: string): string | null {
  if (/PRIVATE KEY/.test(line)) return "is a private key: give the public key (the .pub file), never the private one";
  if (/[\r\n]/.test(line.trim())) return "must be one line (an OpenSSH public key, e.g. the content of id_ed25519.pub)";
  const [type, blob] = line.trim().split(/\s+/);
  if (!KEY_TYPES.includes(type)) return `must start with the key type (${KEY_TYPES.slice(0, 3).join(", ")} ...), not "${type.slice(0, 20)}"`;
  if (!blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return "must have the key's base64 after the type";
  const raw = Buffer.from(blob, "base64");
  const len = raw.length >= 4 ? raw.readUInt32BE(0) : -1;
  if (len <= 0 || raw.length < 4 + len || raw.subarray(4, 4 + len).toString("latin1") !== type) {
    return `the key's base64 does not hold a ${type} key (copied incompletely?)`;
  }
  return null;
}

/** The key's type and base64 (the comment and spacing are not part of the key). */
export function keyMaterial(line: string | undefined | null): string {
  return String(line ?? "").trim().split(/\s+/).slice(0, 2).join(" ");
}
