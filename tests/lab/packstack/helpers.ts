/** Driving lab.PackstackInstall directly (check -> create/read/diff/update), against the real-sshd CentOS guest. */
import * as fs from "fs";
import { controller, provider } from "../../../provider/lab/packstack/controller";
import { changedFields } from "../../../provider/core/controller";
import { isSecretWire, unwrapSecrets } from "../../../provider/core/secrets";
import { adminCloud } from "../../support/cloud";
import { DeepPartial, Guest, GuestState, startGuest } from "../../support/guest";

export { controller, provider };

/** A prepared CentOS guest (openstack-packstack installed by HostPrep); Packstack itself starts the units. */
export async function preparedGuest(state: DeepPartial<GuestState> = {}): Promise<Guest> {
  return startGuest({
    state: {
      packages: { "openstack-packstack": "21.0.0-1.el9s.noarch" },
      ...state,
      packstack: { durationMs: 400, ...(state.packstack ?? {}) },
    },
  });
}

/** Raw inputs as the sdk sends them (the admin password is the test cloud's, so keystonerc authenticates). */
export function rawInputs(guest: Guest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    connection: { host: guest.host, port: guest.port, user: "root", privateKey: guest.privateKey },
    adminPassword: adminCloud().password,
    ...extra,
  };
}

export async function checked(raw: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await provider.check({}, raw);
  if (r.failures?.length) throw new Error(`check failed: ${r.failures.map((f) => f.reason).join("; ")}`);
  // What create/update receive: the engine strips secrets (extraAnswers comes back from check as one) before calling the provider.
  return unwrapSecrets(r.inputs);
}

/** Input fields whose live values differ (what `pulumi preview --refresh` shows). */
export function drift(outs: Record<string, unknown>, inputs: Record<string, unknown>): string[] {
  return changedFields(controller, unwrapSecrets(outs), inputs);
}

/** Every line the provider prints (its progress) while fn runs; `onLine` sees them as they come. */
export async function capture<T>(fn: () => Promise<T>, onLine?: (line: string) => void): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: any) => {
    for (const l of String(chunk).split("\n").filter(Boolean)) {
      lines.push(l);
      onLine?.(l);
    }
    return true;
  });
  try {
    return { result: await fn(), lines };
  } catch (e) {
    (e as { progress?: string[] }).progress = lines;
    throw e;
  } finally {
    spy.mockRestore();
  }
}

export const plain = <T>(v: T): T => unwrapSecrets(v);
export { isSecretWire };

/** KEY -> value of an answer file. */
export function answers(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^(CONFIG_[A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
}

/** The generated passwords of an answer file (what must never change between runs). */
export function passwords(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(answers(text)).filter(([k, v]) => /_PW$/.test(k) && v !== ""));
}

/** Kills the sshd processes serving the guest's current SSH sessions (the listener keeps running). */
export function dropSessions(guest: Guest): number {
  const listener = guest.state().listenerPid;
  const ns = fs.readlinkSync(`/proc/${listener}/ns/mnt`);
  let killed = 0;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d) || Number(d) === listener) continue;
    try {
      if (fs.readlinkSync(`/proc/${d}/ns/mnt`) !== ns) continue;
      if (fs.readFileSync(`/proc/${d}/comm`, "utf8").trim() !== "sshd") continue;
      process.kill(Number(d), "SIGKILL");
      killed++;
    } catch {
      /* gone meanwhile */
    }
  }
  return killed;
}

/** Log files this test's runs left in /var/log/packstack-lab (shared with this machine), for cleanup. */
export function removeRunLogs(ids: string[]): void {
  for (const id of ids) for (const ext of ["log", "rc", "pid"]) fs.rmSync(`/var/log/packstack-lab/${id}.${ext}`, { force: true });
}

export function runIds(lines: string[]): string[] {
  return [...new Set(lines.flatMap((l) => [...l.matchAll(/run (\d{8}-\d{6}-[a-z0-9]+)/g)].map((m) => m[1])))];
}
