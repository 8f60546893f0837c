/**
 * SHA-512 crypt ("$6$"), the password hash glibc's crypt(3) and Anaconda's `rootpw --iscrypted` take.
 * Written from the published specification "Unix crypt using SHA-256 and SHA-512" (Ulrich Drepper,
 * https://www.akkadia.org/drepper/SHA-crypt.txt); tests/readers/shaCrypt.test.ts checks it against the
 * specification's test vectors and against `openssl passwd -6`. Node has no crypt(3); this needs only node:crypto.
 */
import { createHash, randomBytes } from "crypto";

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SHA_CRYPT_SALT_MAX = 16;
export const SHA_CRYPT_ROUNDS_DEFAULT = 5000;
const ROUNDS_MIN = 1000;
const ROUNDS_MAX = 999999999;

function sha512(...parts: Buffer[]): Buffer {
  const h = createHash("sha512");
  for (const p of parts) h.update(p);
  return h.digest();
}

/** `n` bytes of `block` repeated. */
function repeatTo(block: Buffer, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = block[i % block.length];
  return out;
}

function encode64(d: Buffer): string {
  let out = "";
  const put = (b2: number, b1: number, b0: number, n: number) => {
    let w = (b2 << 16) | (b1 << 8) | b0;
    for (let i = 0; i < n; i++) {
      out += ITOA64[w & 0x3f];
      w >>>= 6;
    }
  };
  // The spec's byte order: (0,21,42), (22,43,1), (44,2,23), (3,24,45), ... (62,20,41), then 63 alone.
  for (let k = 0; k < 21; k++) {
    const [x, y, z] = k % 3 === 0 ? [k, k + 21, k + 42] : k % 3 === 1 ? [k + 21, k + 42, k] : [k + 42, k, k + 21];
    put(d[x], d[y], d[z], 4);
  }
  put(0, 0, d[63], 2);
  return out;
}

/** SHA-512 crypt of `password` with `salt` (at most 16 characters are used, as in glibc) and `rounds`. */
export function sha512Crypt(password: string | Buffer, salt: string, rounds: number = SHA_CRYPT_ROUNDS_DEFAULT): string {
  const P = Buffer.isBuffer(password) ? password : Buffer.from(password, "utf8");
  const saltText = salt.slice(0, SHA_CRYPT_SALT_MAX);
  if (saltText.includes("$") || /[\0\n:]/.test(saltText)) throw new Error("the salt must not contain $, NUL, newline or :");
  const S = Buffer.from(saltText, "utf8");
  const r = Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, Math.floor(rounds)));
  const custom = rounds !== SHA_CRYPT_ROUNDS_DEFAULT;

  const B = sha512(P, S, P);
  const aParts: Buffer[] = [P, S, repeatTo(B, P.length)];
  for (let n = P.length; n > 0; n >>>= 1) aParts.push(n & 1 ? B : P);
  const A = sha512(...aParts);

  const DP = sha512(...Array<Buffer>(P.length).fill(P));
  const Pseq = repeatTo(DP, P.length);
  const DS = sha512(...Array<Buffer>(16 + A[0]).fill(S));
  const Sseq = repeatTo(DS, S.length);

  let C = A;
  for (let i = 0; i < r; i++) {
    const parts: Buffer[] = [];
    parts.push(i & 1 ? Pseq : C);
    if (i % 3) parts.push(Sseq);
    if (i % 7) parts.push(Pseq);
    parts.push(i & 1 ? C : Pseq);
    C = sha512(...parts);
  }
  return `$6$${custom ? `rounds=${r}$` : ""}${saltText}$${encode64(C)}`;
}

/** A random 16-character salt from the crypt alphabet. */
export function randomSalt(): string {
  const bytes = randomBytes(SHA_CRYPT_SALT_MAX);
  return [...bytes].map((b) => ITOA64[b & 0x3f]).join("");
}
