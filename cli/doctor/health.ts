/**
 * Once the lab is up, doctor reads the lab's health (PackstackInstall's `healthy`/`problems` after a refresh) and
 * maps each problem to a check result: what, why it matters, the fix (the provider's own line says the fix).
 */
import type { CheckResult } from "./checks";

interface Category {
  id: string;
  title: string;
  test: RegExp;
  why: string;
}

const CATEGORIES: Category[] = [
  { id: "health-virt-type", title: "Nova's virt_type", test: /virt_type/, why: "Nova's virt_type does not match the VM: with kvm and no /dev/kvm (nested virtualization off) instances stay in BUILD or go to ERROR; with qemu and /dev/kvm they run emulated, slowly" },
  { id: "health-compute", title: "Compute -> Hypervisor", test: /nova-compute (down|missing)|hypervisor|compute service list/i, why: "Nova has no working compute host: every instance fails with \"No valid host was found\"" },
  { id: "health-bridge", title: "br-ex and the gateway", test: /ifcfg-|br-ex|OVS (bridge|port)/i, why: "the VM's address and gateway belong on br-ex: otherwise after a restart the VM is unreachable from the PC (SSH, Horizon, the APIs) and the external network and floating IPs do not work" },
  { id: "health-nova-db", title: "nova's DB credentials", test: /nova(-dist)?\.conf|CONFIG_NOVA_DB_PW|Access denied/i, why: "nova cannot log in to MariaDB (\"Access denied\"): instances cannot be created" },
  { id: "health-horizon", title: "Horizon", test: /Horizon/i, why: "the dashboard does not load from the PC" },
  { id: "health-keystonerc", title: "keystonerc_admin", test: /keystonerc/i, why: "the lab's admin credentials (the `cloud` output) are missing: the networks step (6) cannot authenticate" },
  { id: "health-service", title: "OpenStack services", test: /^service /i, why: "an OpenStack service is down: its API or agent fails (networks, instances, the dashboard)" },
];

/** "<what>: <fix>" as the provider writes each problem. */
function split(problem: string): { what: string; fix: string } {
  const at = problem.search(/: (`|re-run|pulumi)/);
  return at < 0 ? { what: problem, fix: "npm run lab (up repairs what it can)" } : { what: problem.slice(0, at), fix: problem.slice(at + 2).replace(/`pulumi up( --replace)?`(?: on this resource)?/g, (_m, r) => (r ? "`npm run lab -- restore` (back to the after-packstack snapshot, then up)" : "`npm run lab`")) };
}

export function healthResults(packstack: { healthy?: boolean; problems?: string[] } | null): CheckResult[] {
  if (!packstack) return [];
  const problems = packstack.problems ?? [];
  if (packstack.healthy && problems.length === 0) return [{ id: "health", title: "lab health (services, Horizon, nova DB, br-ex, virt_type, hypervisor)", status: "ok", what: "healthy" }];
  return problems.map((p) => {
    const c = CATEGORIES.find((k) => k.test.test(p)) ?? { id: "health-other", title: "lab health", why: "the lab does not work as installed" };
    const { what, fix } = split(p);
    return { id: c.id, title: c.title, status: "fail" as const, what, why: c.why, fix };
  });
}
