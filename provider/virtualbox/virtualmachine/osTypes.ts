/**
 * `showvminfo --machinereadable` prints the OS type's description ("Red Hat (64-bit)"), `createvm --ostype`
 * takes its id ("RedHat_64"). The ids this lab uses, with their descriptions across 7.0-7.2.
 */
const DESCRIPTIONS: Record<string, string[]> = {
  RedHat_64: ["Red Hat (64-bit)"],
  RedHat9_64: ["Red Hat 9.x (64-bit)"],
  Oracle_64: ["Oracle (64-bit)", "Oracle Linux (64-bit)"],
  Oracle9_64: ["Oracle Linux 9.x (64-bit)"],
  Fedora_64: ["Fedora (64-bit)"],
  Linux_64: ["Other Linux (64-bit)"],
  Debian_64: ["Debian (64-bit)"],
  Ubuntu_64: ["Ubuntu (64-bit)"],
};

/** The id for a description we know, else the text unchanged. */
export function osTypeId(text: string): string {
  for (const [id, names] of Object.entries(DESCRIPTIONS)) if (names.includes(text)) return id;
  return text;
}

export function sameOsType(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && osTypeId(a).toLowerCase() === osTypeId(b).toLowerCase();
}
