/**
 * Gathers the field report: versions (PC, VirtualBox, Pulumi, Node; the guest's CentOS and Packstack over SSH),
 * each resource's live state against its inputs (`preview --refresh`: nothing is changed), the doctor results,
 * the Packstack log's last lines (through the project's SSH transport, host key pinned from state) and the last
 * CLI output; and every secret to mask.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { withConnection } from "../../provider/ssh";
import type { CheckResult } from "../doctor/checks";
import type { LabPaths } from "../paths";
import type { CliChoice } from "../pulumiCli";
import { PROJECT } from "../stack";
import { exportWithSecrets, findByType, nameOf, stackResources, typeOf } from "../stackState";
import type { FieldChange, ReportData, ResourceRow } from "./render";
import { gatherSecrets } from "./secrets";

export const LAST_RUN_LOG = "last-run.log";

const GUEST_SCRIPT = `
echo "centos=$(cat /etc/centos-release 2>/dev/null || { . /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"; })"
echo "packstack=$(rpm -q openstack-packstack 2>/dev/null || echo unknown)"
log=$(ls -t /var/log/packstack-lab/*.log 2>/dev/null | head -n 1)
echo "log=$log"
echo "---log---"
[ -n "$log" ] && tail -n 40 "$log"
true
`;

/** Input fields whose value differs from the same-named live output (dynamic providers report no field list). */
export function differing(live: Record<string, unknown> | undefined, inputs: Record<string, unknown> | undefined): string[] {
  if (!live || !inputs) return [];
  // lists compared as sets (port forwards, rules: the live order is VirtualBox's or the API's, not the program's)
  const canon = (v: unknown): string => (Array.isArray(v) ? JSON.stringify(v.map(canon).sort()) : v && typeof v === "object" ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)]))) : JSON.stringify(v));
  return Object.keys(inputs).filter((k) => k !== "__provider" && k !== "customTimeouts" && k in live && canon(live[k]) !== canon(inputs[k]));
}

export function tailLines(text: string, n: number): string {
  return text.replace(/\r\n/g, "\n").split("\n").slice(-n).join("\n");
}

async function guest(config: ConfigMap, pin: string | undefined, secrets: string[]): Promise<{ centos: string; packstack: string; log: string }> {
  const keyPath = config[`${PROJECT}:sshPrivateKeyPath`]?.value;
  if (!keyPath || !fs.existsSync(keyPath)) return { centos: "unknown (no SSH key)", packstack: "unknown", log: "" };
  const port = Number(config[`${PROJECT}:sshPort`]?.value ?? 2222);
  try {
    const res = await withConnection({ host: "127.0.0.1", port, privateKey: fs.readFileSync(keyPath), hostKeyFingerprint: pin, attempts: 2, backoffMs: 500, deadline: Date.now() + 30_000, secrets }, (c) => c.runScript(GUEST_SCRIPT, { allowFailure: true, timeoutMs: 30_000 }));
    const [head, log = ""] = res.stdout.split("---log---\n");
    const field = (k: string) => new RegExp(`^${k}=(.*)$`, "m").exec(head)?.[1] || "unknown";
    return { centos: field("centos"), packstack: field("packstack"), log: `${field("log")}\n${log}` };
  } catch (e) {
    return { centos: "unknown (SSH failed)", packstack: "unknown", log: `SSH to 127.0.0.1:${port} failed: ${(e as Error).message}` };
  }
}

export async function gatherReport(stack: Stack, cli: CliChoice, paths: LabPaths, config: ConfigMap, doctor: CheckResult[]): Promise<{ data: ReportData; secrets: string[] }> {
  const keyPath = config[`${PROJECT}:sshPrivateKeyPath`]?.value;
  const deployment = await exportWithSecrets(paths, cli);
  const secrets = gatherSecrets({ config, deployment, privateKey: keyPath && fs.existsSync(keyPath) ? fs.readFileSync(keyPath, "utf8") : undefined });
  const resources = await stackResources(stack);
  let rows: ResourceRow[] | string;
  if (!resources.length) rows = [];
  else {
    const plan = new Map<string, { op: string; diffs: string[]; changes: FieldChange[] }>();
    try {
      await stack.preview({
        refresh: true,
        color: "never",
        onEvent: (e) => {
          const m = e.resourcePreEvent?.metadata;
          if (m) {
            const diffs = m.diffs?.length ? m.diffs : Object.keys(m.detailedDiff ?? {}).length ? Object.keys(m.detailedDiff ?? {}) : m.op === "same" ? [] : differing(m.old?.outputs, m.new?.inputs);
            // a refresh preview's old state is the live one (outputs carry the live values under the input names)
            const changes = diffs.map((field) => ({ field, live: m.old?.outputs?.[field], input: m.new?.inputs?.[field] }));
            plan.set(m.urn, { op: m.op, diffs, changes });
          }
        },
      });
      rows = resources.map((r) => ({ name: nameOf(r.urn), type: typeOf(r.type), op: plan.get(r.urn)?.op ?? "?", diffs: plan.get(r.urn)?.diffs ?? [], changes: plan.get(r.urn)?.changes, inputs: r.inputs ?? {} }));
    } catch (e) {
      rows = `preview --refresh failed: ${String((e as Error).message).split("\n").slice(-15).join("\n")}`;
    }
  }
  const pinned = (findByType(resources, "PackstackInstall") ?? findByType(resources, "HostPrep"))?.outputs?.hostKeyFingerprint;
  const g = resources.length ? await guest(config, typeof pinned === "string" ? pinned : undefined, secrets) : { centos: "no VM yet", packstack: "no VM yet", log: "" };
  const vbox = doctor.find((r) => r.id === "vboxmanage");
  const lastRun = path.join(paths.stateDir, LAST_RUN_LOG);
  return {
    secrets,
    data: {
      createdAt: new Date().toISOString(),
      versions: {
        "PC OS": `${os.type()} ${os.release()} (${os.version()}, ${os.arch()}), ${Math.round(os.totalmem() / 2 ** 20)} MB RAM`,
        VirtualBox: vbox?.status === "ok" || vbox?.status === "warn" ? vbox.what : `not usable: ${vbox?.what ?? "unknown"}`,
        Pulumi: `${cli.cmd.version?.toString() ?? "unknown"} (${cli.source}), SDK ${require("@pulumi/pulumi/package.json").version}`,
        "Node.js": `${process.version} (${process.platform})`,
        "guest CentOS": g.centos,
        "guest Packstack": g.packstack,
      },
      doctor,
      resources: rows,
      packstackLog: g.log,
      lastRunLog: fs.existsSync(lastRun) ? tailLines(fs.readFileSync(lastRun, "utf8"), 60) : "",
    },
  };
}
