/**
 * Shared helpers for the openstack.Network / openstack.Subnet tests (and any OpenStack resource test): the real
 * `openstack` CLI, unique names, cleanup, a free spare flat physnet, an operation context, the HTTP trace.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { OpContext } from "../../../provider/core/controller";
import { adminCloud, cliEnv, TestCloud } from "../../support/cloud";

/** The parts of a provider `checked` calls. */
interface Checks {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: any; failures?: unknown[] }>;
}

/**
 * `checked(news)`: the inputs `provider.check` makes of `news` with `cloud` added (the admin cloud by default),
 * failing the test when check reports a failure. Tests then create/update with exactly what Pulumi would pass.
 */
export function checker(provider: Checks, cloud: () => object = adminCloud): (news: Record<string, unknown>) => Promise<any> {
  return async (news) => {
    const res = await provider.check({}, { cloud: cloud(), ...news });
    expect(res.failures ?? []).toEqual([]);
    return res.inputs;
  };
}

/** Runs `openstack ARGS -f json` (or without -f when `json` is false) and returns the parsed output. */
export function openstack(args: string[], opts: { json?: boolean; cloud?: TestCloud } = {}): Promise<any> {
  const json = opts.json ?? true;
  const argv = json ? [...args, "-f", "json"] : args;
  return new Promise((resolve, reject) => {
    execFile("openstack", argv, { env: cliEnv(opts.cloud ?? adminCloud()), maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`openstack ${args.join(" ")} failed: ${stderr || err.message}`));
      resolve(json ? JSON.parse(stdout) : stdout);
    });
  });
}

/** Like `openstack`, ignoring failures (cleanup of what may already be gone). */
export async function openstackQuiet(args: string[]): Promise<void> {
  await openstack(args, { json: false }).catch(() => undefined);
}

/** A name no other test run uses: oslab-<what>-<pid>-<random>. */
export function uniqueName(what: string): string {
  return `oslab-${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Cleanups run in reverse order (subnets before their networks). */
export class Cleanup {
  private fns: Array<() => Promise<unknown>> = [];
  add(fn: () => Promise<unknown>): void {
    this.fns.push(fn);
  }
  async run(): Promise<void> {
    for (const fn of this.fns.reverse()) await fn().catch(() => undefined);
    this.fns = [];
  }
}

/** An operation context like makeProvider's, for calling a controller directly. */
export function opContext(changed: string[] = [], ms = 60_000): OpContext & { lines: string[] } {
  const lines: string[] = [];
  return { progress: (m) => lines.push(m), deadline: Date.now() + ms, changed, lines };
}

export const SPARE_PHYSNETS = ["testnet1", "testnet2", "testnet3"];

/**
 * A spare flat physnet that holds no network right now (a flat physnet carries one network). Other suites use
 * the spares too, so this waits (up to `waitMs`) for one to become free.
 */
export async function freePhysnet(waitMs = 90_000): Promise<string> {
  const until = Date.now() + waitMs;
  for (;;) {
    const used = new Set<string>();
    for (const physnet of SPARE_PHYSNETS) {
      const nets: any[] = await openstack(["network", "list", "--provider-physical-network", physnet, "-c", "ID"]);
      if (nets.length) used.add(physnet);
    }
    const free = SPARE_PHYSNETS.find((p) => !used.has(p));
    if (free) return free;
    if (Date.now() > until) throw new Error(`no spare flat physnet became free (in use: ${[...used].join(", ")})`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/**
 * Points OSLAB_HTTP_TRACE (read by the client at call time) at a fresh file; `entries()` returns the requests
 * that were actually sent since, `stop()` restores the environment.
 */
export function traceRequests(): { entries(): Array<{ method: string; service: string; path: string; status: number | null }>; stop(): void } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "oslab-trace-")), "trace.jsonl");
  const before = process.env.OSLAB_HTTP_TRACE;
  process.env.OSLAB_HTTP_TRACE = file;
  return {
    entries: () =>
      fs.existsSync(file)
        ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
        : [],
    stop: () => {
      if (before === undefined) delete process.env.OSLAB_HTTP_TRACE;
      else process.env.OSLAB_HTTP_TRACE = before;
    },
  };
}

/**
 * Runs `create(physnet)` on a free spare physnet; when another suite grabbed that physnet in the meantime
 * (Neutron answers 409 / "in use"), waits for a free one and tries again.
 */
export async function onFreePhysnet<T>(create: (physnet: string) => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    const physnet = await freePhysnet();
    try {
      return await create(physnet);
    } catch (e) {
      if (i >= attempts || !/in use|409|conflict/i.test(String((e as Error).message))) throw e;
    }
  }
}
