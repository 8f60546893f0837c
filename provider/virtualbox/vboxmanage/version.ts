/**
 * `VBoxManage --version`, checked once per executable per process: 7.0 or later is required, and 7.2.0-7.2.3
 * get a warning (NAT Network regressions, VirtualBox/virtualbox#232 and #271).
 */
import { parseVersion } from "./parse";
import { runVBoxManage } from "./run";

export interface VBoxVersion {
  major: number;
  minor: number;
  patch: number;
  raw: string;
}

const checked = new Map<string, Promise<VBoxVersion>>();

/** Returns a warning line for versions with known problems, or null. */
export function versionWarning(v: VBoxVersion): string | null {
  if (v.major === 7 && v.minor === 2 && v.patch <= 3) {
    return `VirtualBox ${v.raw} has NAT Network regressions (VirtualBox/virtualbox#232, #271); 7.2.4 or later is recommended`;
  }
  return null;
}

export function assertSupported(v: VBoxVersion, exe: string): void {
  if (!(v.major >= 7)) {
    throw new Error(`VirtualBox ${v.raw || "(unknown version)"} at ${exe} is too old: pulumi-openstack-lab needs VirtualBox 7.0 or later`);
  }
}

export function checkVersion(exe: string, warn: (line: string) => void): Promise<VBoxVersion> {
  let p = checked.get(exe);
  if (!p) {
    p = (async () => {
      const r = await runVBoxManage(exe, ["--version"]);
      const v = parseVersion(r.stdout);
      assertSupported(v, exe);
      return v;
    })();
    checked.set(exe, p);
    p.catch(() => checked.delete(exe));
    void p.then((v) => {
      const w = versionWarning(v);
      if (w) warn(w);
    }, () => undefined);
  }
  return p;
}

/** Forgets cached checks (tests that swap the executable). */
export function resetVersionCache(): void {
  checked.clear();
}
