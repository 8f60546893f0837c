/** What the host has (one command), and what only the host can give: a generated answer file. */
import type { RemoteHost } from "../common";
import { ANSWER_PATH } from "./answerFile";
import { carriedDns, ifcfgPath, STATE_DIR } from "./bridge";
import { KEYSTONERC_PATH } from "./keystonerc";
import { newRunId } from "./launch";
import type { PackstackInputs } from "./types";

export interface HostFacts {
  installed: boolean;
  hasPackstack: boolean;
  /** Answer files in /root, ours first, then newest first. */
  answerFiles: string[];
  /** DNS1.. for ifcfg-<bridge>: see carriedDns. */
  dns: string[];
  /** The VM has /dev/kvm (nested virtualization on). */
  kvm: boolean;
}

/** What the host has (one command), and the DNS servers the bridge gets (carried over from ifcfg-<interface>). */
export async function hostFacts(host: RemoteHost, inputs: Pick<PackstackInputs, "gateway" | "externalInterface" | "bridge">): Promise<HostFacts> {
  const res = await host.script(
    `[ -f ${KEYSTONERC_PATH} ] && echo installed=1
[ -e /dev/kvm ] && echo kvm=1
command -v packstack > /dev/null 2>&1 && echo packstack=1
[ -f ${ANSWER_PATH} ] && echo "answers=${ANSWER_PATH}"
for f in $(ls -t /root/packstack-answers-*.txt /root/answers*.txt 2>/dev/null); do echo "answers=$f"; done
cat /etc/resolv.conf 2>/dev/null | sed 's/^/resolv:/'
sed 's/^/iface:/' "$1" 2>/dev/null
sed 's/^/bridge:/' "$2" 2>/dev/null
sed 's/^/before:/' "$3" 2>/dev/null
true
`,
    [ifcfgPath(inputs.externalInterface), ifcfgPath(inputs.bridge), `${STATE_DIR}/ifcfg-${inputs.externalInterface}.before`],
  );
  const lines = res.stdout.split("\n");
  const answerFiles = [...new Set(lines.filter((l) => l.startsWith("answers=")).map((l) => l.slice(8)))];
  const section = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)).join("\n");
  return {
    installed: lines.includes("installed=1"),
    hasPackstack: lines.includes("packstack=1"),
    kvm: lines.includes("kvm=1"),
    answerFiles,
    dns: carriedDns({ iface: section("iface:"), bridge: section("bridge:"), before: section("before:"), resolvConf: section("resolv:") }, inputs.gateway),
  };
}

export async function generateAnswerFile(host: RemoteHost): Promise<string> {
  const tmp = `${STATE_DIR}/generated-${newRunId()}.txt`;
  await host.runOk(["mkdir", "-p", "-m", "700", STATE_DIR]);
  const gen = await host.run(["packstack", `--gen-answer-file=${tmp}`]);
  if (gen.code !== 0) throw new Error(`packstack --gen-answer-file failed (exit ${gen.code}): ${(gen.stderr || gen.stdout).trim().split("\n").slice(-5).join("\n")}`);
  try {
    return (await host.download(tmp)).toString("utf8");
  } finally {
    await host.run(["rm", "-f", "--", tmp]).catch(() => undefined);
  }
}
