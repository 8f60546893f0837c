/**
 * Unattended CentOS Stream 9 install: our kickstart (kickstart/centosStream9.ts) as --script-template, `inst.ks=`
 * as the extra kernel parameters (VirtualBox's RHEL path would pass the legacy `ks=`, which EL9 ignores), no Guest
 * Additions. The root password is in the kickstart only as a SHA-512 crypt hash (file mode 0600); VirtualBox is
 * not given it at all (no --password/--password-file: VirtualBox would cut it at a control character or 511 bytes,
 * and `unattended install` prints it).
 * After the install: the ISOs are detached (drive kept, `emptydrive`), the VM boots from disk.
 */
import * as fs from "fs";
import * as path from "path";
import type { OpContext } from "../../core/controller";
import { KICKSTART_KERNEL_ARGS, renderKickstart } from "../kickstart/centosStream9";
import type { VBoxManage } from "../vboxmanage";
import type { VmInfo } from "../vboxmanage/parse";
import * as cmd from "./commands";
import type { VirtualMachineInputs } from "./types";

export const KICKSTART_FILE = "pulumi-centos-stream-9-ks.cfg";

/** Writes the kickstart beside the VM settings (only the user can read it: it holds the password's hash) and returns its path. */
export function writeKickstart(vmDir: string, u: NonNullable<VirtualMachineInputs["unattended"]>): string {
  const file = path.join(vmDir, KICKSTART_FILE);
  fs.mkdirSync(vmDir, { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, renderKickstart(u), { mode: 0o600 });
  return file;
}

export function unattendedArgs(vm: string, iso: string, u: NonNullable<VirtualMachineInputs["unattended"]>, templateFile: string): string[] {
  return [
    "unattended",
    "install",
    vm,
    `--iso=${iso}`,
    `--hostname=${u.hostname}`,
    `--time-zone=${u.timeZone}`,
    "--locale=en_US",
    `--script-template=${templateFile}`,
    `--extra-install-kernel-parameters=${KICKSTART_KERNEL_ARGS}`,
    "--no-install-additions",
  ];
}

export async function configureUnattended(vbox: VBoxManage, vm: string, vmDir: string, inputs: VirtualMachineInputs, ctx: OpContext): Promise<void> {
  const u = inputs.unattended!;
  const template = writeKickstart(vmDir, u);
  ctx.progress(`unattended install prepared: ${path.basename(inputs.installerIso!)}, kickstart ${template}`);
  await vbox.change(unattendedArgs(vm, inputs.installerIso!, u, template), { vm, secrets: [u.rootPassword] });
}

/** DVD slots holding an image (the installer ISO and VirtualBox's auxiliary unattended ISO). */
export function mountedImages(info: VmInfo, installerIso?: string): VmInfo["storage"] {
  return info.storage.filter((s) => s.medium !== "none" && s.medium !== "emptydrive" && (/\.v?iso$/i.test(s.medium) || s.medium === installerIso));
}

export async function detachImages(vbox: VBoxManage, vm: string, info: VmInfo, installerIso: string | undefined, ctx: OpContext): Promise<number> {
  const slots = mountedImages(info, installerIso);
  for (const s of slots) await vbox.change(cmd.attachDvdArgs(vm, "emptydrive", s.controller, s.port, s.device), { vm });
  if (slots.length) ctx.progress(`detached ${slots.length} installer image(s)`);
  return slots.length;
}
