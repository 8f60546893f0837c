/**
 * The install's health, read in ONE command over one connection: the OpenStack units, Horizon, keystonerc_admin,
 * nova's database credentials (nova.conf vs nova-dist.conf vs the answer file) and the bridge's ifcfg files
 * (ifcfg-<interface> an OVS port of the bridge, ifcfg-<bridge> holding hostIp). `repair` fixes what it can without
 * re-running Packstack: rewrites the bridge files (and restarts the network), restarts inactive units and disables
 * a stale connection in nova-dist.conf.
 */
import type { RemoteHost } from "../common";
import { parseAnswers } from "./answerFile";
import { bridgeProblems, ifcfgPath, writeBridgeFiles } from "./bridge";
import { cloudFromKeystonerc, KEYSTONERC_PATH } from "./keystonerc";
import type { CloudOutput, L2Agent, PackstackInputs, ServiceHealth, VirtType } from "./types";

/** The inputs the health check judges the host by. */
export type HealthInputs = Pick<PackstackInputs, "hostIp" | "externalInterface" | "bridge" | "prefixLength" | "gateway"> & Partial<Pick<PackstackInputs, "virtType">>;

/** The virt_type Nova should use: `kvm` when the VM has /dev/kvm (nested virtualization on), `qemu` otherwise. */
export function wantedVirtType(virtType: VirtType | undefined, kvm: boolean): "kvm" | "qemu" {
  return virtType === "kvm" || virtType === "qemu" ? virtType : kvm ? "kvm" : "qemu";
}

export const NOVA_CONF = "/etc/nova/nova.conf";
export const NOVA_DIST_CONF = "/usr/share/nova/nova-dist.conf";

const CORE_UNITS = [
  "openstack-nova-api", "openstack-nova-compute", "openstack-nova-scheduler", "openstack-nova-conductor", "neutron-server",
];
const AGENT_UNITS: Record<L2Agent, string[]> = {
  openvswitch: ["neutron-openvswitch-agent", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"],
  linuxbridge: ["neutron-linuxbridge-agent", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"],
  ovn: ["ovn-northd", "ovn-controller", "neutron-ovn-metadata-agent"],
};
const BASE_UNITS = [
  "openstack-cinder-api", "openstack-cinder-volume", "openstack-glance-api", "httpd", "rabbitmq-server", "mariadb", "openvswitch", "memcached",
];

/** The units an all-in-one install with this L2 agent runs (httpd serves Keystone and Horizon). */
export function expectedUnits(l2Agent: L2Agent): string[] {
  return [...CORE_UNITS, ...AGENT_UNITS[l2Agent], ...BASE_UNITS];
}

export interface Health {
  services: ServiceHealth[];
  /** HTTP status of http://<hostIp>/dashboard/ as seen from the host ("000": no answer). */
  horizonStatus: string;
  keystonerc: CloudOutput | null;
  novaConf: string | null;
  novaDistConf: string | null;
  /** ifcfg-<externalInterface> and ifcfg-<bridge> (null: no such file). */
  ifcfgInterface: string | null;
  ifcfgBridge: string | null;
  /** The VM has /dev/kvm (VirtualBox's nested VT-x/AMD-V is on). */
  kvm: boolean;
  /**
   * What Nova says, through keystonerc_admin and the openstack CLI (null: not asked, no keystonerc): the exit code
   * and lines of `openstack compute service list --service nova-compute` and `openstack hypervisor list`.
   */
  computeServices: { rc: number; lines: string[] } | null;
  hypervisors: { rc: number; lines: string[] } | null;
}

const MARK = "==oslab:";

export async function readHealth(host: RemoteHost, i: HealthInputs, units: string[]): Promise<Health> {
  const script = `ip="$1"; iface="$2"; bridge="$3"; shift 3
echo "${MARK}units"
systemctl is-active "$@"
echo "${MARK}horizon"
curl -s -o /dev/null -m 15 -w '%{http_code}' "http://$ip/dashboard/"
echo
for f in ${KEYSTONERC_PATH} ${NOVA_CONF} ${NOVA_DIST_CONF}; do
  if [ -f "$f" ]; then echo "${MARK}file $f"; cat "$f"; echo; fi
done
[ -e /dev/kvm ] && echo "${MARK}kvm"
if [ -f ${KEYSTONERC_PATH} ]; then
  out=$( (. ${KEYSTONERC_PATH} > /dev/null 2>&1; timeout 90 openstack compute service list --service nova-compute -f value -c Host -c State) 2>&1 ); rc=$?
  echo "${MARK}compute-services $rc"; printf '%s\n' "$out"
  out=$( (. ${KEYSTONERC_PATH} > /dev/null 2>&1; timeout 90 openstack hypervisor list -f value -c "Hypervisor Hostname" -c State) 2>&1 ); rc=$?
  echo "${MARK}hypervisors $rc"; printf '%s\n' "$out"
fi
if [ -f "$iface" ]; then echo "${MARK}ifcfg-interface"; cat "$iface"; echo; fi
if [ -f "$bridge" ]; then echo "${MARK}ifcfg-bridge"; cat "$bridge"; echo; fi
echo "${MARK}end"
`;
  const res = await host.script(script, [i.hostIp, ifcfgPath(i.externalInterface), ifcfgPath(i.bridge), ...units], { allowFailure: true });
  return parseHealth(res.stdout, units);
}

export function parseHealth(stdout: string, units: string[]): Health {
  const sections = new Map<string, string>();
  let name: string | null = null;
  let body: string[] = [];
  for (const line of stdout.split("\n")) {
    if (line.startsWith(MARK)) {
      if (name) sections.set(name, body.join("\n"));
      name = line.slice(MARK.length);
      body = [];
    } else body.push(line);
  }
  if (!sections.has("units")) throw new Error("the health check printed nothing recognisable (is the host a CentOS Stream 9 VM?)");
  const states = (sections.get("units") ?? "").split("\n").filter(Boolean);
  return {
    services: units.map((u, n) => ({ name: u, active: states[n] === "active" })),
    horizonStatus: (sections.get("horizon") ?? "").trim() || "000",
    keystonerc: sections.has(`file ${KEYSTONERC_PATH}`) ? cloudFromKeystonerc(sections.get(`file ${KEYSTONERC_PATH}`)!) : null,
    novaConf: sections.get(`file ${NOVA_CONF}`) ?? null,
    novaDistConf: sections.get(`file ${NOVA_DIST_CONF}`) ?? null,
    ifcfgInterface: sections.get("ifcfg-interface") ?? null,
    ifcfgBridge: sections.get("ifcfg-bridge") ?? null,
    kvm: sections.has("kvm"),
    computeServices: commandSection(sections, "compute-services"),
    hypervisors: commandSection(sections, "hypervisors"),
  };
}

function commandSection(sections: Map<string, string>, name: string): { rc: number; lines: string[] } | null {
  for (const [k, body] of sections) {
    const m = new RegExp(`^${name} (\\d+)$`).exec(k);
    if (m) return { rc: Number(m[1]), lines: body.split("\n").map((l) => l.trim()).filter(Boolean) };
  }
  return null;
}

/** `key` of `[section]` in an oslo.config file (last one wins, as oslo reads it). */
export function iniValue(text: string | null, section: string, key: string): string | null {
  if (!text) return null;
  let current = "";
  let value: string | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) current = s[1];
    else if (current === section) {
      const m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
      if (m && m[1] === key) value = m[2];
    }
  }
  return value;
}

export interface DbUrl {
  user: string;
  password: string;
  host: string;
  database: string;
}

export function parseDbUrl(url: string | null): DbUrl | null {
  if (!url) return null;
  const m = /^[a-z0-9+]+:\/\/([^:@/]*)(?::([^@]*))?@([^/?]*)\/([^?]*)/.exec(url.trim());
  if (!m) return null;
  return { user: decodeURIComponent(m[1]), password: decodeURIComponent(m[2] ?? ""), host: m[3], database: m[4] };
}

export interface Diagnosis {
  healthy: boolean;
  problems: string[];
  inactive: string[];
  staleNovaDist: boolean;
  horizonDown: boolean;
  /** The bridge's ifcfg files are not what PackstackInstall writes (repair rewrites them). */
  bridgeBroken: boolean;
  /** nova.conf's [libvirt] virt_type as it is (null: not set). */
  virtType: string | null;
  /** The virt_type to set in nova.conf (then restart nova-compute); null: it is right. */
  setVirtType: "kvm" | "qemu" | null;
  /** Nova reports nova-compute down or no hypervisor while the unit runs: restart it. */
  restartCompute: boolean;
}

/** Problems, one line each with its fix (never a password). */
export function diagnose(h: Health, answerFile: string, dashboardUrl: string, i: HealthInputs): Diagnosis {
  const problems: string[] = bridgeProblems(i, h.ifcfgInterface, h.ifcfgBridge);
  const bridgeBroken = problems.length > 0;
  const inactive = h.services.filter((s) => !s.active).map((s) => s.name);
  for (const s of inactive) problems.push(`service ${s} is not active: \`pulumi up\` restarts it (by hand: systemctl restart ${s}; journalctl -u ${s})`);
  const horizonDown = !/^[23]\d\d$/.test(h.horizonStatus);
  if (horizonDown) {
    const said = h.horizonStatus === "000" ? "does not answer" : `answers HTTP ${h.horizonStatus}`;
    problems.push(`Horizon at ${dashboardUrl} ${said}: \`pulumi up\` restarts httpd (then see /var/log/httpd/error_log)`);
  }
  if (!h.keystonerc) {
    problems.push(`${KEYSTONERC_PATH} is missing or incomplete: re-run Packstack with the kept answer file (\`pulumi up --replace\` on this resource)`);
  }
  const novaDb = parseDbUrl(iniValue(h.novaConf, "database", "connection"));
  const distDb = parseDbUrl(iniValue(h.novaDistConf, "database", "connection"));
  const answerPw = parseAnswers(answerFile).CONFIG_NOVA_DB_PW;
  if (h.novaConf !== null && novaDb && answerPw !== undefined && novaDb.password !== answerPw) {
    problems.push(
      `${NOVA_CONF} [database] connection does not use the answer file's CONFIG_NOVA_DB_PW (Packstack ran with another answer file, ` +
        `so nova and MariaDB may disagree): re-run Packstack with the kept answer file (\`pulumi up --replace\` on this resource)`,
    );
  }
  const staleNovaDist = !!distDb && (!novaDb || distDb.password !== novaDb.password || distDb.user !== novaDb.user || distDb.host !== novaDb.host);
  if (staleNovaDist) {
    problems.push(
      `${NOVA_DIST_CONF} has a stale [database] connection (${distDb!.user}@${distDb!.host}/${distDb!.database}) that differs from ` +
        `${NOVA_CONF}'s, so nova may fail with "Access denied": \`pulumi up\` disables that line (nova.conf holds the real one)`,
    );
  }
  const virtType = iniValue(h.novaConf, "libvirt", "virt_type");
  const wanted = wantedVirtType(i.virtType, h.kvm);
  let setVirtType: "kvm" | "qemu" | null = null;
  if (h.novaConf !== null && virtType !== wanted) {
    setVirtType = wanted;
    const why = i.virtType === "kvm" || i.virtType === "qemu" ? `virtType is "${wanted}"` : h.kvm ? "the VM has /dev/kvm (nested virtualization)" : "the VM has no /dev/kvm (no nested virtualization: instances would stay in BUILD or go to ERROR)";
    problems.push(`${NOVA_CONF} [libvirt] virt_type is ${virtType ?? "not set"}, but ${why}: \`pulumi up\` sets it to ${wanted} and restarts openstack-nova-compute`);
  }
  // Nova's own view (the seed's "Compute -> Hypervisor" check), when nova-compute's unit runs (else that is the problem above)
  let restartCompute = false;
  const computeUnitUp = !inactive.includes("openstack-nova-compute");
  if (computeUnitUp && h.computeServices) {
    const last = (r: { lines: string[] }) => r.lines.slice(-1)[0] ?? "no output";
    if (h.computeServices.rc !== 0) {
      problems.push(`Nova did not answer \`openstack compute service list\` (exit ${h.computeServices.rc}: ${last(h.computeServices)}): check openstack-nova-api and Keystone (journalctl -u openstack-nova-api)`);
    } else if (!h.computeServices.lines.some((l) => /\sup$/.test(l))) {
      restartCompute = true;
      problems.push(`Nova reports nova-compute ${h.computeServices.lines.length ? "down" : "missing"} (\`openstack compute service list\`): \`pulumi up\` restarts openstack-nova-compute (then see /var/log/nova/nova-compute.log)`);
    } else if (h.hypervisors && h.hypervisors.rc === 0 && h.hypervisors.lines.length === 0) {
      restartCompute = true;
      problems.push("no hypervisor is registered (`openstack hypervisor list` is empty), so no instance can be scheduled (\"No valid host was found\"): `pulumi up` restarts openstack-nova-compute, which registers it (then: nova-manage cell_v2 discover_hosts)");
    } else if (h.hypervisors && h.hypervisors.rc !== 0) {
      problems.push(`Nova did not answer \`openstack hypervisor list\` (exit ${h.hypervisors.rc}: ${last(h.hypervisors)})`);
    }
  }
  return { healthy: problems.length === 0, problems, inactive, staleNovaDist, horizonDown, bridgeBroken, virtType, setVirtType, restartCompute };
}
