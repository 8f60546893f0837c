/**
 * Power changes: start, and the graceful stop used before settings that need the VM off and before delete:
 * ACPI power button, wait for poweroff (bounded by gracefulStopSeconds and the operation's deadline), then a
 * hard power-off only as the fallback.
 */
import type { OpContext } from "../../core/controller";
import { VBoxManage, isVBoxError } from "../vboxmanage";
import { parseVmInfo, VmInfo } from "../vboxmanage/parse";
import * as cmd from "./commands";
import { isStopped } from "./results";
import { pollUntil } from "../../core/retry";

export async function showVm(vbox: VBoxManage, vm: string): Promise<VmInfo> {
  const r = await vbox.read(cmd.showArgs(vm), { vm });
  return parseVmInfo(r.stdout);
}

export async function startVm(vbox: VBoxManage, vm: string, type: string, ctx: OpContext): Promise<void> {
  ctx.progress(`starting (${type})`);
  await vbox.change(cmd.startArgs(vm, type), { vm });
}

/** Polls the state until `done` says so or `until` (epoch ms) passes; returns the last state. */
async function waitForState(vbox: VBoxManage, vm: string, done: (s: string) => boolean, until: number, ctx: OpContext, what: string, pollMs: number): Promise<string> {
  const started = Date.now();
  let lastReport = started;
  return pollUntil(
    async () => {
      const state = (await showVm(vbox, vm)).state;
      if (!done(state) && Date.now() < until && Date.now() - lastReport >= 15e3) {
        ctx.progress(`${what}: still ${state} after ${Math.round((Date.now() - started) / 1e3)}s`);
        lastReport = Date.now();
      }
      return state;
    },
    done,
    { firstMs: pollMs, capMs: pollMs, deadline: until, lastLookAtDeadline: true, timedOut: (state) => state },
  );
}

export interface StopResult {
  /** "acpi": the guest shut down; "poweroff": hard power-off after the ACPI wait; "already": it was not running. */
  how: "acpi" | "poweroff" | "already";
}

export async function stopVm(vbox: VBoxManage, vm: string, gracefulSeconds: number, ctx: OpContext, pollMs = 1000): Promise<StopResult> {
  try {
    await vbox.change(cmd.acpiArgs(vm), { vm });
  } catch (e) {
    if (isVBoxError(e, "not-running")) return { how: "already" };
    throw e;
  }
  const until = Math.min(Date.now() + gracefulSeconds * 1000, ctx.deadline - 10e3);
  ctx.progress(`ACPI shutdown requested; waiting up to ${Math.max(0, Math.round((until - Date.now()) / 1e3))}s for the guest`);
  const state = await waitForState(vbox, vm, isStopped, until, ctx, "waiting for the guest to shut down", pollMs);
  if (isStopped(state)) {
    ctx.progress(`guest shut down (${state})`);
    return { how: "acpi" };
  }
  ctx.progress(`guest did not shut down within ${gracefulSeconds}s; powering off`);
  try {
    await vbox.change(cmd.powerOffArgs(vm), { vm });
  } catch (e) {
    if (!isVBoxError(e, "not-running")) throw e;
  }
  const after = await waitForState(vbox, vm, isStopped, Math.min(Date.now() + 60e3, ctx.deadline), ctx, "powering off", pollMs);
  if (!isStopped(after)) throw new Error(`the VM is still ${after} after a hard power-off`);
  return { how: "poweroff" };
}
