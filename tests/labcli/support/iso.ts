/** A minimal ISO9660 image: only a primary volume descriptor with `label` (what the doctor's ISO check reads). */
export function isoWithLabel(label: string): Buffer {
  const at = 32768;
  const buf = Buffer.alloc(at + 2048);
  buf[at] = 1;
  buf.write("CD001", at + 1, "latin1");
  buf[at + 6] = 1;
  buf.write(label.padEnd(32, " ").slice(0, 32), at + 40, "latin1");
  return buf;
}
