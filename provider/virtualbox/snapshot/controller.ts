/**
 * virtualbox.Snapshot (id = the snapshot's UUID): create = `snapshot take`, delete = `snapshot delete`, name and
 * description change in place (`snapshot edit`), a different vm replaces. Read = one `snapshot <vm> list
 * --machinereadable`.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { isVBoxError, vboxManage } from "../vboxmanage";
import { parseCreatedUuid, SnapshotInfo } from "../vboxmanage/parse";
import * as cmd from "./commands";
import { SnapshotInputs, snapshotSchema, SnapshotOutputs } from "./types";

/** The VM's snapshots; null when the VM itself is gone. */
async function listSnapshots(vm: string, vboxManagePath: string | undefined, ctx: OpContext): Promise<SnapshotInfo[] | null> {
  try {
    const r = await vboxManage(vboxManagePath, ctx).read(cmd.listArgs(vm), { vm, accept: cmd.noSnapshots });
    return cmd.snapshotsOf(r);
  } catch (e) {
    if (isVBoxError(e, "not-found")) return null;
    throw e;
  }
}

async function readSnapshot(vm: string, uuid: string, vboxManagePath: string | undefined, ctx: OpContext): Promise<SnapshotOutputs | null> {
  const found = (await listSnapshots(vm, vboxManagePath, ctx))?.find((s) => s.uuid === uuid);
  return found ? cmd.toOutputs(vm, found) : null;
}

export const controller: Controller<SnapshotInputs, SnapshotOutputs> = {
  ...fromSpec(spec),
  schema: snapshotSchema,
  compare: { vboxManagePath: "ignore" },
  defaultTimeoutMs: { create: 30 * 60e3, update: 5 * 60e3, delete: 30 * 60e3 },

  async create(inputs, ctx) {
    ctx.progress(`taking snapshot "${inputs.name}" of ${inputs.vm}`);
    const r = await vboxManage(inputs.vboxManagePath, ctx).change(cmd.takeArgs(inputs), { vm: inputs.vm });
    const uuid = parseCreatedUuid(r.stdout);
    if (!uuid) throw new Error(`snapshot take printed no UUID: ${r.stdout.trim()}`);
    const outs = await readSnapshot(inputs.vm, uuid, inputs.vboxManagePath, ctx);
    if (!outs) throw new Error(`snapshot ${uuid} was taken but the VM does not list it`);
    return { id: uuid, outs };
  },

  async find(adopt, inputs, ctx) {
    const all = (await listSnapshots(inputs.vm, inputs.vboxManagePath, ctx)) ?? [];
    if (adopt.id) return all.find((s) => s.uuid === adopt.id)?.uuid ?? null;
    const named = all.filter((s) => s.name === adopt.name);
    if (named.length > 1) throw new Error(`adopt: ${named.length} snapshots of ${inputs.vm} are named "${adopt.name}"; adopt one by id (${named.map((s) => s.uuid).join(", ")})`);
    return named[0]?.uuid ?? null;
  },

  read: (id, state, ctx) => readSnapshot(state.vm, id, state.vboxManagePath, ctx),

  async update(id, olds, news, ctx) {
    const args = cmd.editArgs(news.vm, id, news, olds);
    if (args) await vboxManage(news.vboxManagePath, ctx).change(args, { vm: news.vm });
    const outs = await readSnapshot(news.vm, id, news.vboxManagePath, ctx);
    if (!outs) throw new Error(`snapshot ${id} of ${news.vm} disappeared during the update`);
    return outs;
  },

  async delete(id, state, ctx) {
    try {
      ctx.progress(`deleting snapshot ${id}`);
      await vboxManage(state.vboxManagePath, ctx).change(cmd.deleteArgs(state.vm, id), { vm: state.vm });
    } catch (e) {
      if (!isVBoxError(e, "not-found")) throw e;
    }
  },
};

export const provider = makeProvider(controller);
