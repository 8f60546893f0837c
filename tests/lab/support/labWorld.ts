/**
 * Everything the whole lab runs against, on this machine: the VBoxManage stand-in (its own state dir, first on
 * the plugin's PATH), the real-sshd CentOS guest (tests/support/guest, with the HostPrep fixtures: local resolver,
 * `ssh root@10.0.2.15` reaching its own sshd) behind an out-of-process counting proxy (the "forwarded SSH port"),
 * the real test cloud, and an OpenStack HTTP trace file. `labStack()` makes a program folder a stack of the real
 * Pulumi CLI (tests/support/pulumiCli) with that environment.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliStack } from "../../support/pulumiCli";
import { STANDIN, STANDIN_DIR } from "../../virtualbox/standin";
import { readTrace, TraceLine } from "../../support/httpTrace";
import { adminCloud, cliEnv } from "../../support/cloud";
import { PrepGuest, startPrepGuest } from "../hostprep/guest";
import { CountingProxy, startCountingProxy } from "./countingProxy";

export interface LabWorld {
  prep: PrepGuest;
  proxy: CountingProxy;
  /** Temp dir holding the stand-in state, the ISO, the key pair and the trace. */
  dir: string;
  vboxState: string;
  isoPath: string;
  keyPath: string;
  traceFile: string;
  /** Unique per world: NAT Network and VM names. */
  natNetworkName: string;
  vmName: string;
  /** Environment added for the program and the plugin. */
  env: Record<string, string>;
  /** VBoxManage invocations so far (argv each). */
  vboxCalls(): string[][];
  /** Runs the stand-in directly (what the learner types at a terminal). */
  vbox(...args: string[]): string;
  trace(): TraceLine[];
  stop(): Promise<void>;
}

/** Units an openvswitch install runs; the packstack stand-in starts the OVN ones whatever the L2 agent is. */
const OVS_AGENTS = ["neutron-openvswitch-agent", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"];

export async function startLabWorld(label: string): Promise<LabWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oslab-${label}-`));
  const vboxState = path.join(dir, "vbox");
  fs.mkdirSync(vboxState);
  const unit = { active: true, enabled: "enabled" as const };
  const prep = await startPrepGuest({
    state: { services: Object.fromEntries(OVS_AGENTS.map((u) => [u, unit])), packstack: { durationMs: 400 } },
  });
  const proxy = await startCountingProxy(prep.guest.host, prep.guest.port);
  const isoPath = path.join(dir, "CentOS-Stream-9-latest-x86_64-dvd1.iso");
  fs.writeFileSync(isoPath, "not really an ISO: the VBoxManage stand-in only needs the file\n");
  const keyPath = path.join(dir, "id_lab");
  fs.writeFileSync(keyPath, prep.guest.privateKey, { mode: 0o600 });
  fs.writeFileSync(`${keyPath}.pub`, execFileSync("ssh-keygen", ["-y", "-f", keyPath], { encoding: "utf8" }));
  const traceFile = path.join(dir, "http.jsonl");
  fs.writeFileSync(traceFile, "");
  const tag = `${label}-${process.pid}`;
  const env = {
    PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH ?? ""}`,
    VBOX_STANDIN_STATE: vboxState,
    VBOX_STANDIN_HOME: vboxState,
    OSLAB_HTTP_TRACE: traceFile,
    OSLAB_PACKSTACK_POLL_SECONDS: "0.2",
  };
  return {
    prep,
    proxy,
    dir,
    vboxState,
    isoPath,
    keyPath,
    traceFile,
    natNetworkName: `LabNatNetwork-${tag}`,
    vmName: `openstack-lab-${tag}`,
    env,
    vboxCalls() {
      const log = path.join(vboxState, "calls.log");
      return fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : [];
    },
    vbox: (...args) => execFileSync(STANDIN, args, { env: { ...process.env, ...env }, encoding: "utf8" }),
    trace: () => readTrace(traceFile),
    async stop() {
      await proxy.stop();
      await prep.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The program folder as a stack of the real Pulumi CLI, in the lab's world (the stand-ins on the plugin's PATH). */
export function labStack(world: LabWorld, programDir: string, config: Record<string, string>, secretConfig: Record<string, string>): CliStack {
  return new CliStack({ programDir, config, secretConfig, env: world.env });
}

/** The real `openstack` CLI against the test cloud (admin). */
export const cloudCli = {
  env: { ...cliEnv(adminCloud()), PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  json(...args: string[]): any {
    const out = execFileSync("openstack", [...args, "-f", "json"], { env: this.env, encoding: "utf8" });
    return out.trim() ? JSON.parse(out) : null;
  },
  quiet(...args: string[]): void {
    execFileSync("openstack", args, { env: this.env, stdio: "ignore" });
  },
  exists(...args: string[]): boolean {
    try {
      this.quiet(...args);
      return true;
    } catch {
      return false;
    }
  },
};

/** The admin project's default security group. */
export function defaultGroupId(): string {
  return cloudCli.json("security", "group", "list", "--project", adminCloud().projectName).find((g: any) => g.Name === "default").ID;
}

/** The seed's two rules (ingress icmp, ingress tcp 22) in the admin project's default group. */
export function seedRules(groupId = defaultGroupId()): any[] {
  return cloudCli
    .json("security", "group", "rule", "list", groupId)
    .filter((r: any) => r.Direction === "ingress" && r.Ethertype === "IPv4" && (r["IP Protocol"] === "icmp" || (r["IP Protocol"] === "tcp" && r["Port Range"] === "22:22")));
}

/**
 * Removes what the seed's commands or an earlier run left in the test cloud: `external_network` (flat networks
 * allow one per physical network, and extnet is the lab's) with its subnet, and the seed's two rules. Returns how
 * many it removed (the network counts as one).
 */
export function removeSeedObjects(): number {
  let removed = 0;
  if (cloudCli.exists("network", "show", "external_network")) (cloudCli.quiet("network", "delete", "external_network"), removed++);
  for (const r of seedRules()) (cloudCli.quiet("security", "group", "rule", "delete", r.ID), removed++);
  return removed;
}

/** Packstack run logs the provider left in /var/log/packstack-lab (shared with this machine). */
export function packstackRunLogs(): string[] {
  const d = "/var/log/packstack-lab";
  return fs.existsSync(d) ? fs.readdirSync(d).map((f) => path.join(d, f)) : [];
}
