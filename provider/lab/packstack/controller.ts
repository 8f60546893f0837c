/**
 * lab.PackstackInstall: an all-in-one Packstack (Zed) install over SSH. The answer file is generated once and kept
 * in state (secret); every run uploads that same file, so passwords never change. read() is a health check;
 * update repairs without Packstack unless an input that changes the answer file changed. See README.md.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { ANSWER_PATH, differingKeys, desiredAnswers, explainKeys, keysChangedByInputs } from "./answerFile";
import { writeBridgeFiles } from "./bridge";
import { RemoteHost } from "../common";
import { applyInputs } from "./answerFile";
import { generateAnswerFile, hostFacts } from "./facts";
import { currentRun } from "./launch";
import { masked, secretsOf } from "./masking";
import { checkHealth } from "./repair";
import { followRun, runPackstack } from "./run";
import { packstackSchema, PackstackInputs, PackstackOutputs } from "./types";

const HOURS = 3600e3;

/** How create got its answer file, and whether Packstack must run with it. */
interface Plan {
  answerFile: string;
  run: boolean;
  /** A run started by an earlier, interrupted `pulumi up` that is still going. */
  follow?: string;
  /** A run started by an earlier, interrupted `pulumi up` that succeeded while nobody followed it. */
  finished?: string;
  dns: string[];
}

/** The operation's access to the host: the pin from the inputs, else the one kept in state, else the first seen. */
function hostFor(inputs: PackstackInputs, ctx: OpContext, pinnedInState?: string | null): RemoteHost {
  return RemoteHost.forOperation(inputs.connection, { pinnedInState, deadline: ctx.deadline, progress: ctx.progress });
}

/** The install on the host taken over with the answer file at `source`: its passwords kept, Packstack run only when the inputs change that file. */
async function takeOver(remote: RemoteHost, source: string, inputs: PackstackInputs, ctx: OpContext, dns: string[], said: string, passwords: string): Promise<Plan> {
  const found = (await remote.download(source)).toString("utf8");
  const differ = differingKeys(found, desiredAnswers(inputs));
  ctx.progress(said);
  if (differ.length) ctx.progress(`the inputs change ${differ.join(", ")}: Packstack re-runs with ${passwords}`);
  return { answerFile: applyInputs(found, inputs), run: differ.length > 0, dns };
}

async function planCreate(host: RemoteHost, inputs: PackstackInputs, ctx: OpContext): Promise<Plan> {
  return host.with(async (remote) => {
    const facts = await hostFacts(remote, inputs);
    const earlier = await currentRun(remote);
    const ours = facts.answerFiles.includes(ANSWER_PATH);
    if (earlier && earlier.rc === null && earlier.alive && ours) {
      const answerFile = (await remote.download(ANSWER_PATH)).toString("utf8");
      return { answerFile, run: false, follow: earlier.id, dns: facts.dns };
    }
    if (earlier && earlier.rc === 0 && facts.installed && ours && !inputs.adopt) {
      // The window was closed while Packstack ran and it finished on its own: that install is this resource's.
      const said = `the Packstack run an earlier \`pulumi up\` started (${earlier.id}) finished successfully; taking over its install`;
      return { ...(await takeOver(remote, ANSWER_PATH, inputs, ctx, facts.dns, said, "the same passwords")), finished: earlier.id };
    }
    if (facts.installed) {
      if (!inputs.adopt) {
        throw new Error(
          `Packstack is already installed on this host (${facts.answerFiles[0] ?? "no answer file"}, /root/keystonerc_admin). ` +
            `Set adopt: {} to take over that install and its answer file (generating a new one would change every password).`,
        );
      }
      const source = facts.answerFiles[0];
      if (!source) {
        throw new Error("adopt: Packstack is installed but no answer file was found in /root, so its passwords cannot be kept; copy it to " + ANSWER_PATH);
      }
      return takeOver(remote, source, inputs, ctx, facts.dns, `adopting the existing install; taking over ${source}`, "the adopted passwords");
    }
    if (inputs.adopt) throw new Error("adopt: there is no Packstack install on this host to take over (no /root/keystonerc_admin)");
    if (!facts.hasPackstack) throw new Error("packstack is not installed on the host: prepare it with lab.HostPrep (it installs openstack-packstack) first");
    if (ours) {
      ctx.progress(`reusing ${ANSWER_PATH} from an earlier attempt (its passwords may already be in MariaDB)`);
      const earlierFile = (await remote.download(ANSWER_PATH)).toString("utf8");
      return { answerFile: applyInputs(earlierFile, inputs), run: true, dns: facts.dns };
    }
    ctx.progress("generating the answer file (packstack --gen-answer-file)");
    return { answerFile: applyInputs(await generateAnswerFile(remote), inputs), run: true, dns: facts.dns };
  });
}

async function finish(host: RemoteHost, inputs: PackstackInputs, answerFile: string, runs: number, ctx: OpContext): Promise<PackstackOutputs> {
  const health = await host.with((remote) => checkHealth(remote, inputs, answerFile, ctx, true));
  const { gone: _gone, ...outs } = health;
  return { ...outs, answerFile, runs, hostKeyFingerprint: host.hostKeyFingerprint };
}

export const controller: Controller<PackstackInputs, PackstackOutputs> = {
  // secretInputs/secretOutputs from the spec: the secret inputs (adminPassword, connection, extraAnswers: it holds
  // passwords too) are secret in state however the provider is called; answerFile and keystonerc as outputs.
  ...fromSpec(spec),
  schema: packstackSchema,
  defaultTimeoutMs: { create: 3 * HOURS, update: 3 * HOURS, delete: 60e3 },

  async create(inputs, ctx) {
    let answerFile: string | null = null;
    return masked(
      () => secretsOf(inputs, answerFile),
      async () => {
        const host = hostFor(inputs, ctx);
        const plan = await planCreate(host, inputs, ctx);
        answerFile = plan.answerFile;
        let runs = 0;
        if (plan.follow) {
          ctx.progress(`a Packstack run started by an earlier \`pulumi up\` (${plan.follow}) is still going; following it`);
          await followRun(host, inputs, plan.follow, plan.answerFile, ctx);
          runs = 1;
        } else if (plan.run) {
          answerFile = plan.answerFile = await runPackstack(host, inputs, plan.answerFile, ctx, plan.dns);
          runs = 1;
        } else {
          await host.with((remote) => remote.upload(ANSWER_PATH, plan.answerFile, 0o600));
          if (plan.finished) runs = 1;
        }
        return { id: `packstack:${inputs.hostIp}`, outs: await finish(host, inputs, plan.answerFile, runs, ctx) };
      },
    );
  },

  async read(_id, state, ctx) {
    return masked(
      () => secretsOf(state, state.answerFile),
      async () => {
        const host = hostFor(state, ctx, state.hostKeyFingerprint);
        const h = await host.with((remote) => checkHealth(remote, state, state.answerFile ?? "", ctx, false));
        if (h.gone) return null;
        const { gone: _gone, ...outs } = h;
        return { ...outs, answerFile: state.answerFile, runs: state.runs ?? 0, hostKeyFingerprint: host.hostKeyFingerprint };
      },
    );
  },

  async update(_id, olds, news, ctx) {
    return masked(
      () => secretsOf(news, olds.answerFile),
      async () => {
        const host = hostFor(news, ctx, olds.hostKeyFingerprint);
        const keys = keysChangedByInputs(olds, news);
        let answerFile = olds.answerFile;
        let runs = olds.runs ?? 0;
        if (keys.length) {
          answerFile = applyInputs(olds.answerFile, news, keys);
          ctx.progress(`re-running Packstack with the same passwords: ${explainKeys(keys, olds, news)} changed`);
          answerFile = await runPackstack(host, news, answerFile, ctx);
          runs++;
        } else if (["gateway", "prefixLength"].some((f) => ctx.changed.includes(f))) {
          const written = await host.with(async (remote) => writeBridgeFiles(remote, news, (await hostFacts(remote, news)).dns));
          if (written.length) ctx.progress(`wrote ${written.join(", ")} (applied at the next network restart or reboot)`);
        }
        return finish(host, news, answerFile, runs, ctx);
      },
    );
  },

  async delete(_id, _state, ctx) {
    ctx.progress("Packstack has no uninstall: the install stays on the VM (delete the VM to remove it); forgetting it");
  },
};

export const provider = makeProvider(controller);
