/** Inputs and outputs of openstack.Keypair. */
import type { Z } from "../../core/controller";
import { commonFields, OpenStackCommonInputs } from "../common";

export interface KeypairInputs extends OpenStackCommonInputs {
  /** The key pair's name (its id in Nova, unique per user). */
  name: string;
  /** The OpenSSH public key line to import (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521). */
  publicKey: string;
  /** "ssh" (default) or "x509". */
  type: "ssh" | "x509";
}

export interface KeypairOutputs {
  name: string;
  publicKey: string;
  type: string;
  /** Nova's fingerprint of the key (MD5, colon separated). */
  fingerprint: string;
  userId: string;
}

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

export function schema(z: Z) {
  return z.strictObject({
    name: z
      .string({ error: (i) => (i.input === undefined ? "is required (the key pair's name)" : "must be a string (the key pair's name)") })
      .min(1, "must not be empty")
      .max(255, "must be at most 255 characters")
      .regex(/^[A-Za-z0-9_ -]+$/, "may hold only letters, digits, spaces, '_' and '-' (Nova's rule for key pair names)")
      .refine((s) => s.trim() === s, "must not start or end with a space"),
    publicKey: z
      .string({ error: (i) => (i.input === undefined ? "is required (an OpenSSH public key line)" : "must be a string (an OpenSSH public key line)") })
      .superRefine((s, ctx) => {
        const problem = publicKeyProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((s) => s.trim()),
    type: z.enum(["ssh", "x509"]).default("ssh"),
    ...commonFields(z),
  });
}
