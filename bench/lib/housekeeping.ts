/**
 * What the benchmark does around the measured runs, with its own token: find a spare flat physnet, and delete
 * everything whose name starts with a prefix (after every run, and before the first: leftovers of a killed run).
 */
import type { Neutron } from "./rawHttp";

export const SPARE_PHYSNETS = ["testnet1", "testnet2", "testnet3"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A spare physnet that carries no network now (test suites running beside the benchmark use them too). */
export async function freePhysnet(neutron: Neutron, avoid: string[] = [], waitMs = 180_000): Promise<string> {
  const until = Date.now() + waitMs;
  for (;;) {
    const candidates = [...SPARE_PHYSNETS.filter((p) => !avoid.includes(p)), ...avoid];
    for (const physnet of candidates) {
      const body = await neutron.ok("GET", `/v2.0/networks?provider:physical_network=${physnet}&fields=id`);
      if (body.networks.length === 0) return physnet;
    }
    if (Date.now() > until) throw new Error(`no spare physnet (${SPARE_PHYSNETS.join(", ")}) became free`);
    await sleep(2000);
  }
}

/** Deletes subnets, networks and security groups named `<prefix>...`; returns how many objects it removed. */
export async function sweep(neutron: Neutron, prefix: string): Promise<number> {
  const mine = (items: Array<{ id: string; name: string }>) => items.filter((x) => typeof x.name === "string" && x.name.startsWith(prefix));
  let removed = 0;
  const subnets = mine((await neutron.ok("GET", "/v2.0/subnets?fields=id&fields=name")).subnets);
  for (const s of subnets) await neutron.ok("DELETE", `/v2.0/subnets/${s.id}`);
  const networks = mine((await neutron.ok("GET", "/v2.0/networks?fields=id&fields=name")).networks);
  for (const n of networks) {
    for (const s of (await neutron.ok("GET", `/v2.0/subnets?network_id=${n.id}&fields=id`)).subnets) {
      await neutron.ok("DELETE", `/v2.0/subnets/${s.id}`);
      removed++;
    }
    await neutron.ok("DELETE", `/v2.0/networks/${n.id}`);
  }
  const groups = mine((await neutron.ok("GET", "/v2.0/security-groups?fields=id&fields=name")).security_groups);
  for (const g of groups) await neutron.ok("DELETE", `/v2.0/security-groups/${g.id}`);
  removed += subnets.length + networks.length + groups.length;
  return removed;
}

/** A connection that failed, or an answer that says "try later" / "token no longer valid" (the cloud restarted). */
export function isTransient(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const text = e instanceof Error ? e.message : String(e);
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(code) || /answered (401|502|503|504)\b|ECONNREFUSED|ECONNRESET|Unable to establish connection|Service Unavailable/i.test(text);
}

/**
 * The benchmark's own Neutron session, which survives a restart of the test cloud (other suites on the same
 * machine may restart it): work is retried, with a new token, for up to `patienceMs` while the cloud is away.
 */
export class Housekeeper {
  private neutron: Neutron | undefined;

  constructor(
    private readonly connect: () => Promise<Neutron>,
    private readonly patienceMs = 5 * 60e3,
  ) {}

  async with<T>(fn: (neutron: Neutron) => Promise<T>): Promise<T> {
    const until = Date.now() + this.patienceMs;
    for (;;) {
      try {
        this.neutron ??= await this.connect();
        return await fn(this.neutron);
      } catch (e) {
        if (!isTransient(e) || Date.now() > until) throw e;
        console.log(`  (the cloud is not answering: ${e instanceof Error ? e.message : String(e)}; waiting)`);
        this.close();
        await sleep(5000);
      }
    }
  }

  close(): void {
    this.neutron?.close();
    this.neutron = undefined;
  }
}

/**
 * The instance workload's leftovers named `<prefix>...` (servers, floating IPs by description, routers with their
 * interfaces, images, flavors, key pairs), with the `openstack` CLI (`env` = its OS_* variables); run before
 * `sweep`, which then takes the networks. Returns how many objects it removed.
 */
export function sweepInstance(prefix: string, env: NodeJS.ProcessEnv): number {
  const { execFileSync } = require("child_process") as typeof import("child_process");
  const os = (...args: string[]): any => {
    const out = execFileSync("openstack", [...args, "-f", "json"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
    return out.trim() ? JSON.parse(out) : null;
  };
  const run = (...args: string[]) => execFileSync("openstack", args, { env, stdio: "ignore", timeout: 300_000 });
  const mine = (list: any[], key = "Name") => (list ?? []).filter((x) => typeof x[key] === "string" && x[key].startsWith(prefix));
  let removed = 0;
  for (const s of mine(os("server", "list", "--name", `^${prefix}`))) (run("server", "delete", "--wait", s.ID), removed++);
  for (const f of mine(os("floating", "ip", "list", "--long"), "Description")) (run("floating", "ip", "delete", f.ID), removed++);
  for (const r of mine(os("router", "list"))) {
    for (const p of os("port", "list", "--router", r.ID, "--device-owner", "network:router_interface") ?? []) {
      for (const ip of p["Fixed IP Addresses"] ?? []) run("router", "remove", "subnet", r.ID, ip.subnet_id);
    }
    run("router", "delete", r.ID);
    removed++;
  }
  for (const i of mine(os("image", "list"))) (run("image", "delete", i.ID), removed++);
  for (const f of mine(os("flavor", "list", "--all"))) (run("flavor", "delete", f.ID), removed++);
  for (const k of mine(os("keypair", "list"))) (run("keypair", "delete", k.Name), removed++);
  return removed;
}
