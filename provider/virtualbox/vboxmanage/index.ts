/**
 * The VBoxManage driver every VirtualBox resource uses:
 *
 *   const vbox = vboxManage(inputs.vboxManagePath, ctx);
 *   const info = await vbox.read(["showvminfo", uuid, "--machinereadable"], { vm: uuid });
 *
 * - `read` runs one process and skips the version check (a no-op refresh costs one process per resource).
 * - `change` checks the version once per process first, then runs the command.
 * - Calls naming the same `vm` are serialised within the process.
 */
import type { OpContext } from "../../core/controller";
import { locateVBoxManage } from "./locate";
import { VBoxManageError } from "./errors";
import { RunOptions, RunResult, runVBoxManage } from "./run";
import { serialised } from "./serialize";
import { checkVersion } from "./version";

export { VBoxManageError, isVBoxError, showCommand } from "./errors";
export type { VBoxErrorKind } from "./errors";
export type { RunResult } from "./run";

export interface CallOptions extends Omit<RunOptions, "deadline"> {
  /** The VM (UUID or name) the call touches: calls on one VM are serialised. */
  vm?: string;
}

export interface VBoxManage {
  readonly exe: string;
  /** A read-only call (no version check). */
  read(args: ReadonlyArray<string>, opts?: CallOptions): Promise<RunResult>;
  /** A call that changes something (version checked once per process before the first one). */
  change(args: ReadonlyArray<string>, opts?: CallOptions): Promise<RunResult>;
}

export function vboxManage(explicitPath: string | undefined | null, ctx: Pick<OpContext, "progress" | "deadline">): VBoxManage {
  const exe = locateVBoxManage(explicitPath);
  const call = (args: ReadonlyArray<string>, opts: CallOptions = {}) =>
    serialised(opts.vm ? `${exe}\0${opts.vm}` : undefined, () =>
      runVBoxManage(exe, args, { onRetry: (err, ms) => ctx.progress(retryLine(args, err, ms)), ...opts, deadline: ctx.deadline }),
    );
  return {
    exe,
    read: call,
    async change(args, opts) {
      await checkVersion(exe, (w) => ctx.progress(`warning: ${w}`));
      return call(args, opts);
    },
  };
}

/** What the user reads while a call waits out a transient failure ("already locked" most often). */
function retryLine(args: ReadonlyArray<string>, err: VBoxManageError, delayMs: number): string {
  const hint = err.kind === "locked" ? " (another session holds the VM: the VirtualBox window, or another pulumi up)" : "";
  return `VBoxManage ${args[0]}: ${err.message}${hint}; retrying in ${(delayMs / 1000).toFixed(1)}s`;
}
