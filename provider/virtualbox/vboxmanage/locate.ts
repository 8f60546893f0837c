/**
 * Finding the VBoxManage executable. Order: the resource's `vboxManagePath` input, the VBOXMANAGE_PATH
 * environment variable (read at call time), every PATH entry, then on Windows the installer's
 * VBOX_MSI_INSTALL_PATH / VBOX_INSTALL_PATH (";"-separated) and the Program Files default.
 */
import * as fs from "fs";
import * as path from "path";

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function exeNames(platform: NodeJS.Platform): string[] {
  return platform === "win32" ? ["VBoxManage.exe", "VBoxManage"] : ["VBoxManage", "vboxmanage"];
}

/** Candidate files in search order (without checking they exist). */
export function candidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const out: string[] = [];
  const names = exeNames(platform);
  const sep = platform === "win32" ? ";" : path.delimiter;
  for (const dir of (env.PATH ?? env.Path ?? "").split(sep).filter(Boolean)) {
    for (const n of names) out.push(path.join(dir, n));
  }
  if (platform === "win32") {
    for (const v of [env.VBOX_MSI_INSTALL_PATH, env.VBOX_INSTALL_PATH]) {
      for (const dir of (v ?? "").split(";").filter(Boolean)) out.push(path.win32.join(dir, "VBoxManage.exe"));
    }
    const programFiles = env.ProgramFiles ?? env.PROGRAMFILES ?? `${env.SystemDrive ?? "C:"}\\Program Files`;
    out.push(path.win32.join(programFiles, "Oracle", "VirtualBox", "VBoxManage.exe"));
  }
  return out;
}

/** The VBoxManage to run, or an error that says where we looked and how to point at it. */
export function locateVBoxManage(explicit?: string | null, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (explicit) {
    if (!isFile(explicit)) throw new Error(`vboxManagePath: ${explicit} does not exist or is not a file`);
    return explicit;
  }
  const fromEnv = env.VBOXMANAGE_PATH;
  if (fromEnv) {
    if (!isFile(fromEnv)) throw new Error(`VBOXMANAGE_PATH=${fromEnv} does not exist or is not a file`);
    return fromEnv;
  }
  const found = candidates(env, platform).find(isFile);
  if (!found) {
    throw new Error(
      "VBoxManage not found on PATH" +
        (platform === "win32" ? ", in VBOX_MSI_INSTALL_PATH/VBOX_INSTALL_PATH or in Program Files\\Oracle\\VirtualBox" : "") +
        "; install VirtualBox 7.0 or later, or set the vboxManagePath input or the VBOXMANAGE_PATH environment variable",
    );
  }
  return found;
}
