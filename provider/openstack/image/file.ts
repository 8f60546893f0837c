/** The local image file: its format (from its first bytes) and its hash, as Glance computes os_hash_value. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Glance's default os_hash_algo. */
export const HASH_ALGO = "sha512";

export function resolveFile(file: string): string {
  return path.resolve(file);
}

/** "qcow2", "vmdk", "vdi", "vhdx", "iso", or null (no known header: raw). */
export function detectFormat(file: string): string | null {
  const fd = fs.openSync(resolveFile(file), "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const b = head.subarray(0, n);
    if (b.subarray(0, 4).toString("latin1") === "QFI\xfb") return "qcow2";
    if (b.subarray(0, 4).toString("latin1") === "KDMV") return "vmdk";
    if (n >= 68 && b.readUInt32LE(64) === 0xbeda107f) return "vdi";
    if (b.subarray(0, 8).toString("latin1") === "vhdxfile") return "vhdx";
    if (n >= 0x8006 && b.subarray(0x8001, 0x8006).toString("latin1") === "CD001") return "iso";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** "<algo>:<hex>" of the file's content (read in chunks: images can be large). */
export function fileHash(file: string, algo = HASH_ALGO): string {
  const h = createHash(algo);
  const fd = fs.openSync(resolveFile(file), "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return `${algo}:${h.digest("hex")}`;
}

/** Why `file` cannot be uploaded (null when it can). */
export function fileProblem(file: string): string | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(resolveFile(file));
  } catch {
    return `no such file: ${resolveFile(file)}`;
  }
  if (!st.isFile()) return `is not a file: ${resolveFile(file)}`;
  if (st.size === 0) return `is empty: ${resolveFile(file)}`;
  try {
    fs.accessSync(resolveFile(file), fs.constants.R_OK);
  } catch {
    return `cannot be read: ${resolveFile(file)}`;
  }
  return null;
}
