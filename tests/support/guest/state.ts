/**
 * The guest's simulated machine state (state.json in the guest's state dir), read and written by the CentOS
 * stand-ins (tests/standins/centos) and by tests through `Guest.setState`. Same lock protocol as
 * tests/standins/centos/lib/state.js (mkdir state.lock).
 */
import * as fs from "fs";
import * as path from "path";

export type UnitEnabled = "enabled" | "disabled" | "masked" | "static";

export interface GuestState {
  hostname: string;
  cpus: number;
  memoryMb: number;
  /** mount point -> size and used space in GiB */
  disks: Record<string, { sizeGb: number; usedGb: number }>;
  /** Runtime SELinux mode (getenforce); a reboot re-reads /etc/selinux/config. */
  selinux: "Enforcing" | "Permissive" | "Disabled";
  interfaces: Record<string, { mac: string; state: "UP" | "DOWN"; ipv4?: string[]; nmManaged?: boolean }>;
  gateway: string | null;
  /** Addresses that answer ping. */
  reachable: string[];
  /** Units that exist, by name without ".service". */
  services: Record<string, { active: boolean; enabled: UnitEnabled }>;
  /** Installed packages: name -> "version-release.arch". */
  packages: Record<string, string>;
  repos: Record<string, { name: string; enabled: boolean }>;
  /** "eol": every dnf command that needs metadata fails as on a retired CentOS mirror. */
  mirror: "ok" | "eol";
  /** `dnf install` prints nothing and waits, before it changes anything, while true (a slow mirror): a step caught in flight. */
  dnfStall?: boolean;
  /** Status Horizon answers with once httpd runs (default 200). */
  horizonStatus?: number;
  packstack: {
    /** How long an install takes, in ms. */
    durationMs: number;
    /** Admin password written into keystonerc_admin (null: the answer file's CONFIG_KEYSTONE_ADMIN_PW). */
    adminPassword: string | null;
    /** OS_AUTH_URL written into keystonerc_admin (null: http://<controller>:5000/v3). */
    authUrl: string | null;
    staleNovaDist: boolean;
    /** Hypervisors `openstack hypervisor list` shows (absent/null: the guest's hostname; []: none registered). */
    hypervisors?: string[] | null;
    /** Drop the caller's SSH connection while the controller manifest applies. */
    killConnection: "never" | "once" | "always";
    /** Stop printing progress (until set back to false). */
    stall: boolean;
    /** Puppet error text that makes the controller manifest fail (null: succeed). */
    fail: string | null;
    runs: number;
    generated: number;
    /** Outcome of every finished run, by run number (1-based). */
    results?: Record<string, "succeeded" | "failed" | "interrupted">;
    lastRun?: { run: number; answerFile: string | null; startedAt: string; finishedAt?: string; result: "running" | "succeeded" | "failed" | "interrupted" };
  };
  bootCount: number;
  bootedAt: string;
  /** Set by the guest: the sshd listener (never killed by the stand-ins). */
  listenerPid: number;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends any[] ? T[K] : DeepPartial<T[K]> | null) : T[K] };

/** A fresh CentOS Stream 9 minimal install on a VirtualBox NAT Network (10.0.2.0/24). */
export function defaultState(): GuestState {
  const unit = (active: boolean, enabled: UnitEnabled = active ? "enabled" : "disabled") => ({ active, enabled });
  return {
    hostname: "localhost.localdomain",
    cpus: 4,
    memoryMb: 16384,
    disks: { "/": { sizeGb: 70, usedGb: 3 }, "/boot": { sizeGb: 1, usedGb: 0 } },
    selinux: "Enforcing",
    interfaces: {
      lo: { mac: "00:00:00:00:00:00", state: "UP", ipv4: ["127.0.0.1/8"] },
      enp0s3: { mac: "08:00:27:6e:1a:3c", state: "UP", ipv4: ["10.0.2.15/24"] },
    },
    gateway: "10.0.2.1",
    reachable: ["10.0.2.1", "10.0.2.15", "127.0.0.1"],
    services: {
      sshd: unit(true),
      firewalld: unit(true),
      NetworkManager: unit(true),
      chronyd: unit(true),
      "systemd-resolved": unit(false),
    },
    packages: {
      bash: "5.1.8-9.el9.x86_64",
      NetworkManager: "1.47.1-1.el9.x86_64",
      firewalld: "1.3.4-1.el9.noarch",
      "openssh-server": "8.7p1-38.el9.x86_64",
      "dnf-plugins-core": "4.3.0-13.el9.noarch",
      "selinux-policy-targeted": "38.1.35-2.el9.noarch",
      chrony: "4.5-1.el9.x86_64",
      "centos-stream-release": "9.0-24.el9.noarch",
    },
    repos: {
      baseos: { name: "CentOS Stream 9 - BaseOS", enabled: true },
      appstream: { name: "CentOS Stream 9 - AppStream", enabled: true },
      crb: { name: "CentOS Stream 9 - CRB", enabled: false },
      "extras-common": { name: "CentOS Stream 9 - Extras packages", enabled: true },
    },
    mirror: "ok",
    packstack: {
      durationMs: 600,
      adminPassword: null,
      authUrl: "http://127.0.0.1:5000/v3",
      staleNovaDist: false,
      killConnection: "never",
      stall: false,
      fail: null,
      runs: 0,
      generated: 0,
    },
    bootCount: 0,
    bootedAt: new Date().toISOString(),
    listenerPid: 0,
  };
}

export function merge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== "object" || Array.isArray(patch) || typeof base !== "object" || base === null || Array.isArray(base)) {
    return patch as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out as T;
}

export class StateFile {
  constructor(readonly dir: string) {}

  get path(): string {
    return path.join(this.dir, "state.json");
  }

  read(): GuestState {
    return JSON.parse(fs.readFileSync(this.path, "utf8")) as GuestState;
  }

  write(state: GuestState): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, this.path);
  }

  /** Applies a deep patch (objects merge, arrays and scalars replace) or a mutating function, under the lock. */
  update(change: DeepPartial<GuestState> | ((s: GuestState) => void)): GuestState {
    const lock = path.join(this.dir, "state.lock");
    const until = Date.now() + 10_000;
    for (;;) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        if (Date.now() > until) fs.rmSync(lock, { recursive: true, force: true });
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
    try {
      let s = this.read();
      if (typeof change === "function") change(s);
      else s = merge(s, change);
      this.write(s);
      return s;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface RecordedCall {
  cmd: string;
  args: string[];
  argv: string[];
  at: string;
  pid: number;
}

export function readCalls(dir: string): RecordedCall[] {
  const file = path.join(dir, "calls.jsonl");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RecordedCall);
}
