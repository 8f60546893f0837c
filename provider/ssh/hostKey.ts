import { createHash } from "crypto";

/** OpenSSH's form of a host key fingerprint: "SHA256:" + unpadded base64 of the SHA-256 of the key blob. */
export function fingerprint(keyBlob: Buffer): string {
  return "SHA256:" + createHash("sha256").update(keyBlob).digest("base64").replace(/=+$/, "");
}

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

export function isFingerprint(s: string): boolean {
  return FINGERPRINT.test(s);
}

/**
 * Trust-on-first-use pinning. With no pin, the first key seen is accepted and remembered (the caller keeps it in
 * state); with a pin, any other key is refused and `seen` tells which key the server offered.
 */
export class HostKeyPin {
  seen: string | undefined;
  constructor(public readonly pinned: string | undefined) {
    if (pinned !== undefined && !isFingerprint(pinned)) {
      throw new Error(`hostKeyFingerprint must look like "SHA256:<43 base64 characters>", got ${JSON.stringify(pinned)}`);
    }
  }

  /** For ssh2's `hostVerifier`. */
  verify(keyBlob: Buffer): boolean {
    this.seen = fingerprint(keyBlob);
    return this.pinned === undefined || this.pinned === this.seen;
  }

  get mismatch(): boolean {
    return this.pinned !== undefined && this.seen !== undefined && this.seen !== this.pinned;
  }
}
