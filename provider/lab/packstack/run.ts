/**
 * One Packstack run of an operation: the ifcfg files, the answer file uploaded, a detached start (launch.ts), then
 * followed over fresh connections until it ends (follow.ts); a run an interrupted `pulumi up` left going is
 * followed first.
 */
import type { OpContext } from "../../core/controller";
import { redact } from "../../core/secrets";
import type { RemoteHost } from "../common";
import { ANSWER_PATH, parseAnswers, setAnswers } from "./answerFile";
import { writeBridgeFiles } from "./bridge";
import { hostFacts } from "./facts";
import { waitForRun } from "./follow";
import { wantedVirtType } from "./health";
import { currentRun, launch, newRunId } from "./launch";
import { secretsOf } from "./masking";
import type { PackstackInputs } from "./types";

/** Follows run `id` (started earlier, detached) over fresh connections until it ends; throws when it failed. */
export function followRun(host: RemoteHost, inputs: PackstackInputs, id: string, answerFile: string, ctx: OpContext): Promise<void> {
  return waitForRun({
    open: () => host.open(),
    id,
    deadline: Math.min(ctx.deadline, Date.now() + inputs.timeoutMinutes * 60e3),
    timeoutMinutes: inputs.timeoutMinutes,
    gateway: inputs.gateway,
    bridge: inputs.bridge,
    externalInterface: inputs.externalInterface,
    secrets: secretsOf(inputs, answerFile),
    progress: ctx.progress,
  });
}

/**
 * One Packstack run with `answerFile`: ifcfg files, upload, detached start, then follow it over fresh connections
 * until it ends. A run still going on the host (started by an interrupted `pulumi up`) is followed first; when it
 * succeeded with the same answers, that was the run, and no second one starts.
 */
export async function runPackstack(host: RemoteHost, inputs: PackstackInputs, answerFile: string, ctx: OpContext, dns?: string[]): Promise<string> {
  const id = newRunId();
  const secrets = secretsOf(inputs, answerFile);
  const earlier = await host.with((h) => currentRun(h));
  let followed: string | null = null;
  if (earlier && earlier.rc === null && earlier.alive) {
    ctx.progress(`a Packstack run started earlier (${earlier.id}) is still going; following it to the end first`);
    await followRun(host, inputs, earlier.id, answerFile, ctx).then(
      () => (followed = earlier.id),
      (e) => ctx.progress(`the earlier run ended badly: ${redact(String((e as Error).message).split("\n")[0], secrets)}`),
    );
  }
  const launched = await host.with(async (h) => {
    const facts = await hostFacts(h, inputs);
    const resolvers = dns ?? facts.dns;
    // Nova's virt_type follows what the VM has (Packstack's own default, %{::default_hypervisor}, is qemu in any VM)
    const virtType = wantedVirtType(inputs.virtType, facts.kvm);
    answerFile = setAnswers(answerFile, { CONFIG_NOVA_LIBVIRT_VIRT_TYPE: virtType });
    // The run just followed to success used this very answer file: running it again would only cost another hour.
    if (followed && (await ranWith(h, answerFile))) return false;
    ctx.progress(`Nova virt_type ${virtType} (${facts.kvm ? "the VM has /dev/kvm: nested virtualization" : "no /dev/kvm in the VM: emulation"})`);
    const written = await writeBridgeFiles(h, inputs, resolvers);
    if (written.length) ctx.progress(`wrote ${written.join(", ")}`);
    await h.upload(ANSWER_PATH, answerFile, 0o600);
    await launch(h, id, ANSWER_PATH);
    return true;
  });
  if (!launched) {
    ctx.progress(`the earlier run (${followed}) succeeded with this same answer file; Packstack is not run again`);
    return answerFile;
  }
  ctx.progress(`Packstack started detached (run ${id}, log /var/log/packstack-lab/${id}.log)`);
  await followRun(host, inputs, id, answerFile, ctx);
  ctx.progress("Packstack finished");
  return answerFile;
}

/** Whether the answer file on the host (the one the last run was started with) holds the same answers as `answerFile`. */
export async function ranWith(host: RemoteHost, answerFile: string): Promise<boolean> {
  const res = await host.run(["cat", "--", ANSWER_PATH]);
  if (res.code !== 0) return false;
  const have = parseAnswers(res.stdout);
  const want = parseAnswers(answerFile);
  const keys = new Set([...Object.keys(have), ...Object.keys(want)]);
  return [...keys].every((k) => have[k] === want[k]);
}
