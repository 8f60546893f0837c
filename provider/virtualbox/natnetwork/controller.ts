/** virtualbox.NatNetwork: a VirtualBox NAT Network (id = its name), read from `VBoxManage natnetwork list <name>`. */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { isVBoxError, vboxManage } from "../vboxmanage";
import * as cmd from "./commands";
import { NatNetworkInputs, natNetworkSchema, NatNetworkOutputs } from "./types";

async function readNetwork(name: string, vboxManagePath: string | undefined, ctx: OpContext): Promise<NatNetworkOutputs | null> {
  const r = await vboxManage(vboxManagePath, ctx).read(cmd.listArgs(name));
  return cmd.outputsFromList(r.stdout, name);
}

const gone = (e: unknown) => isVBoxError(e, "not-found") || (isVBoxError(e) && /does not exist/i.test(e.message));

export const controller: Controller<NatNetworkInputs, NatNetworkOutputs> = {
  ...fromSpec(spec),
  schema: natNetworkSchema,
  compare: { portForwards: "set", vboxManagePath: "ignore" },
  defaultTimeoutMs: { create: 2 * 60e3, update: 2 * 60e3, delete: 2 * 60e3 },

  async create(inputs, ctx) {
    await vboxManage(inputs.vboxManagePath, ctx).change(cmd.addArgs(inputs));
    const outs = await readNetwork(inputs.name, inputs.vboxManagePath, ctx);
    if (!outs) throw new Error(`NAT network "${inputs.name}" was added but natnetwork list does not show it`);
    return { id: inputs.name, outs };
  },

  async find(adopt, inputs, ctx) {
    const name = adopt.id ?? adopt.name!;
    return (await readNetwork(name, inputs.vboxManagePath, ctx)) ? name : null;
  },

  read: (id, state, ctx) => readNetwork(id, state.vboxManagePath, ctx),

  async update(id, olds, news, ctx) {
    const vbox = vboxManage(news.vboxManagePath, ctx);
    const live = (await readNetwork(id, news.vboxManagePath, ctx)) ?? olds;
    const settings = cmd.modifySettingsArgs(live, news);
    const { remove, add } = cmd.portForwardChanges(live.portForwards ?? [], news.portForwards);
    for (const args of [settings, cmd.deleteForwardsArgs(id, remove), cmd.addForwardsArgs(id, add)]) {
      if (args) await vbox.change(args);
    }
    if (remove.length || add.length) ctx.progress(`port forwards: -${remove.length} +${add.length}`);
    const outs = await readNetwork(id, news.vboxManagePath, ctx);
    if (!outs) throw new Error(`NAT network "${id}" disappeared during the update`);
    return outs;
  },

  async delete(id, state, ctx) {
    try {
      await vboxManage(state.vboxManagePath, ctx).change(cmd.removeArgs(id));
    } catch (e) {
      if (!gone(e)) throw e;
    }
  },
};

export const provider = makeProvider(controller);
