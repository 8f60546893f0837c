/** Repairs without Packstack (bridge files, stopped services, Nova's virt_type), and the health check that uses them. */
import type { OpContext } from "../../core/controller";
import type { RemoteHost } from "../common";
import { writeBridgeFiles } from "./bridge";
import { hostFacts } from "./facts";
import { Diagnosis, diagnose, expectedUnits, NOVA_CONF, NOVA_DIST_CONF, readHealth } from "./health";
import type { PackstackInputs, PackstackOutputs, ServiceHealth } from "./types";

/**
 * Rewrites the bridge's two files and restarts the network (br-ex takes the address back). The connection may drop
 * while the network restarts: it is re-opened once.
 */
async function repairBridge(host: RemoteHost, i: PackstackInputs, dns: string[]): Promise<string[]> {
  const written = await writeBridgeFiles(host, i, dns);
  const done = [`rewrote ${written.join(", ") || "nothing (the files were right)"} (${i.externalInterface} an OVS port of ${i.bridge}, ${i.bridge} holding ${i.hostIp})`];
  try {
    const res = await host.run(["systemctl", "restart", "network"], { timeoutMs: 120_000 });
    done.push(res.code === 0 ? "restarted network.service" : `systemctl restart network failed (exit ${res.code}): ${res.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  } catch (e) {
    await host.conn.reconnect();
    done.push(`restarted network.service (the connection dropped meanwhile: ${String((e as Error).message).split("\n")[0]}; reconnected)`);
  }
  return done;
}

/**
 * Sets `[libvirt] virt_type` in nova.conf ($1) to $2 (kvm or qemu): replaces the key in [libvirt], or adds it at
 * the end of that section, or adds the section; the file keeps its mode and owner (crudini is not on every host).
 */
export const SET_VIRT_TYPE = `set -e
f="$1"; v="$2"
awk -v v="$v" '
  /^[ \\t]*\\[/ { if (s == "libvirt" && !done) { print "virt_type=" v; done = 1 } s = $0; gsub(/[ \\t\\[\\]]/, "", s) }
  s == "libvirt" && /^[ \\t]*virt_type[ \\t]*=/ { if (!done) { print "virt_type=" v; done = 1 } next }
  { print }
  END { if (!done) { if (s != "libvirt") print "[libvirt]"; print "virt_type=" v } }
' "$f" > "$f.oslab-tmp"
chmod --reference="$f" "$f.oslab-tmp" 2>/dev/null || true
chown --reference="$f" "$f.oslab-tmp" 2>/dev/null || true
mv -f "$f.oslab-tmp" "$f"
`;

/** Fixes what needs no Packstack run; returns what it did (one line each). `dns`: the bridge's servers when it is rewritten. */
export async function repair(host: RemoteHost, d: Diagnosis, services: ServiceHealth[], i: PackstackInputs, dns: () => Promise<string[]>): Promise<string[]> {
  const done: string[] = [];
  if (d.bridgeBroken) done.push(...(await repairBridge(host, i, await dns())));
  const restart = new Set(d.inactive);
  if (d.staleNovaDist) {
    await host.script(
      `set -e
f="$1"
awk 'BEGIN{s=""} /^[ \\t]*\\[/{s=$0; gsub(/[ \\t\\[\\]]/,"",s)} { if (s=="database" && $0 ~ /^[ \\t]*connection[ \\t]*=/) print "# stale, disabled by pulumi-openstack-lab (nova.conf has the real one): " $0; else print }' "$f" > "$f.oslab-tmp"
chmod --reference="$f" "$f.oslab-tmp" 2>/dev/null || true
mv -f "$f.oslab-tmp" "$f"
`,
      [NOVA_DIST_CONF],
    );
    done.push(`disabled the stale [database] connection in ${NOVA_DIST_CONF}`);
    for (const s of services) if (s.name.startsWith("openstack-nova-")) restart.add(s.name);
  }
  if (d.setVirtType) {
    await host.script(SET_VIRT_TYPE, [NOVA_CONF, d.setVirtType]);
    done.push(`set [libvirt] virt_type=${d.setVirtType} in ${NOVA_CONF}`);
    restart.add("openstack-nova-compute");
  }
  if (d.restartCompute) restart.add("openstack-nova-compute");
  if (d.horizonDown) restart.add("httpd");
  if (restart.size) {
    const units = [...restart];
    const res = await host.run(["systemctl", "restart", ...units]);
    done.push(res.code === 0 ? `restarted ${units.join(", ")}` : `systemctl restart ${units.join(" ")} failed (exit ${res.code}): ${res.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  }
  return done;
}

export type HealthOutputs = Pick<PackstackOutputs, "keystonerc" | "services" | "healthy" | "problems" | "dashboardUrl" | "virtType" | "kvm">;

export function dashboardUrl(inputs: PackstackInputs): string {
  return `http://${inputs.hostIp}/dashboard`;
}

/** Reads the health (one command); with `fix`, repairs what it can and reads again. */
export async function checkHealth(host: RemoteHost, inputs: PackstackInputs, answerFile: string, ctx: OpContext, fix: boolean): Promise<HealthOutputs & { gone: boolean }> {
  const units = expectedUnits(inputs.l2Agent);
  const url = dashboardUrl(inputs);
  let h = await readHealth(host, inputs, units);
  let d = diagnose(h, answerFile, url, inputs);
  if (fix && !d.healthy) {
    const done = await repair(host, d, h.services, inputs, async () => (await hostFacts(host, inputs)).dns);
    for (const line of done) ctx.progress(line);
    if (done.length) {
      h = await readHealth(host, inputs, units);
      d = diagnose(h, answerFile, url, inputs);
    }
  }
  return {
    keystonerc: h.keystonerc,
    services: h.services,
    healthy: d.healthy,
    problems: d.problems,
    dashboardUrl: url,
    // "auto" while nova.conf has what auto means: then the input compares equal and only a real change is drift
    virtType: inputs.virtType === "auto" && d.setVirtType === null ? "auto" : d.virtType ?? "",
    kvm: h.kvm,
    gone: !h.keystonerc && h.services.every((s) => !s.active),
  };
}
