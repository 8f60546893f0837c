/**
 * virtualbox.VirtualMachine (id = the VM's UUID). Read = one `showvminfo <uuid> --machinereadable`.
 * Settings that need the VM off are applied after a graceful ACPI stop (hard power-off only as the fallback),
 * then the power state the inputs ask for is restored. See README.md.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, FieldCompare, makeProvider, OpContext } from "../../core/controller";
import { deepEqual } from "../../core/deepEqual";
import { isVBoxError, VBoxManage, vboxManage } from "../vboxmanage";
import { parseCreatedUuid } from "../vboxmanage/parse";
import * as cmd from "./commands";
import { sameOsType } from "./osTypes";
import { showVm, startVm, stopVm } from "./power";
import { waitForSshBanner } from "./readiness";
import { isStopped, outputsFromInfo, sameNics } from "./results";
import { DiskInput, VirtualMachineInputs, virtualMachineSchema, VirtualMachineOutputs } from "./types";
import { configureUnattended, detachImages } from "./unattended";

async function readVm(vbox: VBoxManage, id: string): Promise<VirtualMachineOutputs | null> {
  try {
    return outputsFromInfo(await showVm(vbox, id));
  } catch (e) {
    if (isVBoxError(e, "not-found")) return null;
    throw e;
  }
}

/** "poweroff" is satisfied by any stopped state except saved (aborted = powered off after a crash). */
function sameState(wanted: unknown, live: unknown): boolean {
  if (wanted === live) return true;
  return wanted === "poweroff" && typeof live === "string" && isStopped(live) && live !== "saved";
}

function sameDisk(wanted: DiskInput | undefined, live: DiskInput | undefined): boolean {
  if (!wanted || !live) return wanted === live;
  return wanted.sizeMb === live.sizeMb && !!wanted.keepOnDelete === !!live.keepOnDelete && (!wanted.path || wanted.path === live.path);
}

const COMPARE: Record<string, FieldCompare> = {
  nics: sameNics,
  osType: sameOsType,
  state: sameState,
  disk: sameDisk,
  // Where VBoxManage is found is not a property of the VM.
  vboxManagePath: "ignore",
};

/** What update() refuses for the disk (VirtualBox disks only grow; a disk is not moved): diff says replace. */
function diskNeedsReplace(wanted: DiskInput | undefined, old: DiskInput | undefined): boolean {
  if (!wanted || !old) return false;
  const moved = !!wanted.path && !!old.path && wanted.path !== old.path;
  return moved || wanted.sizeMb < old.sizeMb;
}

function vmDirOf(createdStdout: string, name: string): string {
  const m = /Settings file: '(.*)'/.exec(createdStdout);
  return m ? path.dirname(m[1]) : path.join(os.homedir(), "VirtualBox VMs", name);
}

/** Removes a VM whose create failed before it was started (so a retry does not hit "already exists"). */
async function cleanupFailedCreate(vbox: VBoxManage, uuid: string, reusedDisk: string | null): Promise<void> {
  try {
    if (reusedDisk) await vbox.change(cmd.detachArgs(uuid, cmd.SATA, cmd.DISK_PORT, 0), { vm: uuid }).catch(() => undefined);
    await vbox.change(cmd.unregisterArgs(uuid), { vm: uuid });
  } catch {
    /* best effort: the original error matters more */
  }
}

async function create(inputs: VirtualMachineInputs, ctx: OpContext): Promise<{ id: string; outs: VirtualMachineOutputs }> {
  const vbox = vboxManage(inputs.vboxManagePath, ctx);
  const created = await vbox.change(cmd.createArgs(inputs));
  const uuid = parseCreatedUuid(created.stdout);
  if (!uuid) throw new Error(`createvm printed no UUID: ${created.stdout.trim()}`);
  ctx.progress(`created VM ${uuid}`);
  const vmDir = vmDirOf(created.stdout, inputs.name);
  const diskPath = inputs.disk.path ?? path.join(vmDir, `${inputs.name}.vdi`);
  const reusedDisk = fs.existsSync(diskPath) ? diskPath : null;
  const fields = cmd.MODIFY_FIELDS.filter((f) => f !== "name" && f !== "osType");
  try {
    await vbox.change(["modifyvm", uuid, ...cmd.baseSettingsArgs(), ...cmd.modifyArgs(inputs, fields)], { vm: uuid });
    await vbox.change(cmd.storageControllerArgs(uuid), { vm: uuid });
    if (reusedDisk) ctx.progress(`attaching the existing disk ${diskPath}`);
    else await vbox.change(cmd.createDiskArgs(diskPath, inputs.disk.sizeMb));
    await vbox.change(cmd.attachDiskArgs(uuid, diskPath), { vm: uuid });
    const dvd = inputs.installerIso && !inputs.unattended ? inputs.installerIso : "emptydrive";
    await vbox.change(cmd.attachDvdArgs(uuid, dvd), { vm: uuid });
    if (inputs.unattended) {
      await configureUnattended(vbox, uuid, vmDir, inputs, ctx);
      // VirtualBox's unattended setup may put the DVD first: the installed system must boot from disk.
      await vbox.change(["modifyvm", uuid, ...cmd.bootArgs(inputs.bootOrder)], { vm: uuid });
    }
  } catch (e) {
    await cleanupFailedCreate(vbox, uuid, reusedDisk);
    throw e;
  }

  const mustRun = inputs.state === "running" || !!inputs.unattended;
  if (mustRun) {
    try {
      await startVm(vbox, uuid, inputs.startType, ctx);
      if (inputs.readiness) {
        const { host, port, timeoutSeconds } = inputs.readiness;
        if (inputs.unattended) ctx.progress(`installing CentOS Stream 9; readiness = SSH banner on ${host}:${port}`);
        await waitForSshBanner(host, port, Math.min(ctx.deadline, Date.now() + timeoutSeconds * 1000), ctx);
      }
      if (inputs.unattended) await detachImages(vbox, uuid, await showVm(vbox, uuid), inputs.installerIso, ctx);
      if (inputs.state === "poweroff") await stopVm(vbox, uuid, inputs.gracefulStopSeconds, ctx);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      err.message += ` (VM ${uuid} was left as it is for inspection: delete it, or take it over with adopt: { id: "${uuid}" })`;
      throw err;
    }
  }
  const outs = await readVm(vbox, uuid);
  if (!outs) throw new Error(`VM ${uuid} disappeared right after it was created`);
  return { id: uuid, outs: { ...outs, disk: { ...inputs.disk, path: diskPath } } };
}

async function update(id: string, olds: VirtualMachineInputs & VirtualMachineOutputs, news: VirtualMachineInputs, ctx: OpContext): Promise<VirtualMachineOutputs> {
  const vbox = vboxManage(news.vboxManagePath, ctx);
  const info = await showVm(vbox, id);
  const live = outputsFromInfo(info) as unknown as Record<string, unknown>;
  const wanted = news as unknown as Record<string, unknown>;
  const same = (f: string) => {
    const cmp = COMPARE[f];
    return typeof cmp === "function" ? cmp(wanted[f], live[f]) : deepEqual(wanted[f], live[f]);
  };
  const fields = cmd.MODIFY_FIELDS.filter((f) => !same(f));

  const oldDisk = olds.disk;
  const diskPath = oldDisk?.path ?? news.disk.path;
  if (news.disk.path && oldDisk?.path && news.disk.path !== oldDisk.path) {
    throw new Error(`disk.path: cannot move the disk in place (${oldDisk.path} -> ${news.disk.path}); replace the VM instead`);
  }
  if (oldDisk && news.disk.sizeMb < oldDisk.sizeMb) {
    throw new Error(`disk.sizeMb: VirtualBox disks only grow (${oldDisk.sizeMb} -> ${news.disk.sizeMb}); replace the VM to shrink`);
  }
  const grow = !!oldDisk && news.disk.sizeMb > oldDisk.sizeMb && !!diskPath;

  let state = info.state;
  if (fields.length || grow) {
    if (!isStopped(state)) {
      ctx.progress(`${[...fields, ...(grow ? ["disk.sizeMb"] : [])].join(", ")} need the VM powered off`);
      await stopVm(vbox, id, news.gracefulStopSeconds, ctx);
      state = "poweroff";
    }
    if (fields.length) await vbox.change(["modifyvm", id, ...cmd.modifyArgs(news, fields, info.nics.length)], { vm: id });
    if (grow) await vbox.change(cmd.resizeDiskArgs(diskPath!, news.disk.sizeMb), { vm: id });
  }
  if (news.state === "running" && isStopped(state)) await startVm(vbox, id, news.startType, ctx);
  if (news.state === "poweroff" && !isStopped(state)) await stopVm(vbox, id, news.gracefulStopSeconds, ctx);

  const outs = await readVm(vbox, id);
  if (!outs) throw new Error(`VM ${id} disappeared during the update`);
  return { ...outs, disk: { ...news.disk, ...(diskPath ? { path: diskPath } : {}) } };
}

async function remove(id: string, state: VirtualMachineInputs & VirtualMachineOutputs, ctx: OpContext): Promise<void> {
  const vbox = vboxManage(state.vboxManagePath, ctx);
  let info;
  try {
    info = await showVm(vbox, id);
  } catch (e) {
    if (isVBoxError(e, "not-found")) return;
    throw e;
  }
  if (!isStopped(info.state)) await stopVm(vbox, id, state.gracefulStopSeconds ?? 120, ctx);
  const keep = state.disk?.keepOnDelete ? state.disk.path : undefined;
  if (keep) {
    const slot = info.storage.find((s) => s.medium === keep) ?? info.storage.find((s) => s.controller === cmd.SATA && s.port === cmd.DISK_PORT && s.device === 0);
    if (slot && slot.medium !== "none") {
      await vbox.change(cmd.detachArgs(id, slot.controller, slot.port, slot.device), { vm: id });
      ctx.progress(`keeping the disk ${keep}`);
    }
  }
  try {
    await vbox.change(cmd.unregisterArgs(id), { vm: id });
  } catch (e) {
    if (!isVBoxError(e, "not-found")) throw e;
  }
  if (keep) await vbox.change(cmd.closeMediumArgs(keep)).catch(() => undefined); // unregister the medium, keep the file
}

export const controller: Controller<VirtualMachineInputs, VirtualMachineOutputs> = {
  ...fromSpec(spec),
  schema: virtualMachineSchema,
  replaceIf: { disk: { when: "a smaller sizeMb or another path", test: diskNeedsReplace } },
  deleteBeforeReplace: true,
  compare: COMPARE,
  defaultTimeoutMs: { create: 90 * 60e3, update: 20 * 60e3, delete: 10 * 60e3 },
  create,
  async find(adopt, inputs, ctx) {
    const outs = await readVm(vboxManage(inputs.vboxManagePath, ctx), (adopt.id ?? adopt.name)!);
    return outs ? outs.uuid : null;
  },
  read: (id, state, ctx) => readVm(vboxManage(state.vboxManagePath, ctx), id),
  update,
  delete: remove,
};

export const provider = makeProvider(controller);
