/**
 * The installer ISO: its ISO9660 volume label (primary volume descriptor at 32768, "CD001", label at +40, 32 bytes)
 * and, when a checksum is given, its sha256. CentOS Stream 9's DVD/boot ISOs are labelled
 * `CentOS-Stream-9-BaseOS-x86_64`; 7, 8 and 10 carry their own number.
 */
import { createHash } from "crypto";
import * as fs from "fs";

const PVD_OFFSET = 32768;

export function readVolumeLabel(file: string): string | null {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(2048);
    const n = fs.readSync(fd, buf, 0, buf.length, PVD_OFFSET);
    if (n < 72 || buf[0] !== 1 || buf.toString("latin1", 1, 6) !== "CD001") return null;
    return buf.toString("latin1", 40, 72).trim();
  } finally {
    fs.closeSync(fd);
  }
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

export type IsoRelease = { distro: "centos-stream"; major: number } | { distro: "centos"; major: number } | { distro: "other"; major: null };

/** What the label says: `CentOS-Stream-9-BaseOS-x86_64` -> stream 9; `CentOS 7 x86_64` -> centos 7. */
export function releaseOfLabel(label: string): IsoRelease {
  const stream = /^CentOS[-_ ]Stream[-_ ](\d+)/i.exec(label);
  if (stream) return { distro: "centos-stream", major: Number(stream[1]) };
  const centos = /^CentOS[-_ ](\d+)/i.exec(label);
  if (centos) return { distro: "centos", major: Number(centos[1]) };
  return { distro: "other", major: null };
}
