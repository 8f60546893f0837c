/**
 * Gathers the facts the doctor's checks judge (checks.ts): VirtualBox through the project's VBoxManage driver
 * (locate, run, parsers), the PC's RAM and free disk, the forwarded ports, the ISO, and on Windows `systeminfo` and
 * `bcdedit /enum {current}` (run without a shell: `{current}` stays one argument). Nothing here changes the PC.
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { locateVBoxManage } from "../../provider/virtualbox/vboxmanage/locate";
import { parseNatNetworks, parseVersion } from "../../provider/virtualbox/vboxmanage/parse";
import { parseVmInfo } from "../../provider/virtualbox/vboxmanage/parse/vmInfo";
import { runVBoxManage } from "../../provider/virtualbox/vboxmanage/run";
import { runHostCommand } from "../hostCommand";
import type { Facts, IsoFacts, LabSettings } from "./checks";
import { CIM_SCRIPT, cpuVirtFlag, kvmModules, parseCimSystemInfo, parseHostInfo, parseHypervisorLaunchType, parseSystemInfo } from "./hostParsers";
import { readVolumeLabel, sha256File } from "./iso";

export interface GatherOptions {
  /** Said before a probe that can take long (systeminfo may take two minutes). */
  onWait?: (what: string) => void;
  vboxManagePath?: string;
  labBuilt: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** True when 127.0.0.1:<port> can be bound now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ host: "127.0.0.1", port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Free MB on the drive holding `folder` (or its nearest existing parent). */
export function freeMbAt(folder: string): number | null {
  let dir = path.resolve(folder);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    const st = fs.statfsSync(dir);
    return Math.floor((Number(st.bavail) * Number(st.bsize)) / (1024 * 1024));
  } catch {
    return null;
  }
}

export async function isoFacts(file: string, sha256Wanted?: string): Promise<IsoFacts> {
  const out: IsoFacts = { path: file, exists: fs.existsSync(file) };
  if (!out.exists) return out;
  try {
    out.label = readVolumeLabel(file);
    if (sha256Wanted && out.label) out.sha256 = await sha256File(file);
  } catch (e) {
    out.readError = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
  return out;
}

const machineFolder = (systemProperties: string) => /^Default machine folder:\s*(.+?)\s*$/m.exec(systemProperties.replace(/\r\n/g, "\n"))?.[1];

async function vboxFacts(o: GatherOptions, platform: NodeJS.Platform, env: NodeJS.ProcessEnv, vmName?: string): Promise<Pick<Facts, "vbox" | "hostInfo" | "natNetworks" | "vm"> & { folder?: string }> {
  let exe: string;
  try {
    exe = locateVBoxManage(o.vboxManagePath, env, platform);
  } catch (e) {
    return { vbox: { error: (e as Error).message } };
  }
  const read = async (args: string[]) => {
    try {
      return (await runVBoxManage(exe, args, { attempts: 1 })).stdout;
    } catch {
      return null;
    }
  };
  const versionText = await read(["--version"]);
  if (versionText === null) return { vbox: { exe, versionError: "`VBoxManage --version` failed" } };
  const [hostinfo, natnets, props] = [await read(["list", "hostinfo"]), await read(["natnetwork", "list"]), await read(["list", "systemproperties"])];
  // the lab's VM once the stack holds it: is nested VT-x/AMD-V on (null: VirtualBox did not say)
  const vmText = o.labBuilt && vmName ? await read(["showvminfo", vmName, "--machinereadable"]) : null;
  let vm: Facts["vm"] = null;
  try {
    if (vmText !== null) vm = { nestedHwVirt: parseVmInfo(vmText).nestedVirtualization ?? null };
  } catch {
    vm = null;
  }
  return {
    vbox: { exe, version: parseVersion(versionText) },
    hostInfo: hostinfo === null ? null : parseHostInfo(hostinfo),
    natNetworks: natnets === null ? null : parseNatNetworks(natnets),
    folder: props ? machineFolder(props) : undefined,
    vm,
  };
}

async function windowsFacts(env: NodeJS.ProcessEnv, onWait: (what: string) => void = () => undefined): Promise<Facts["windows"]> {
  const sys32 = path.win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? "C:\\Windows", "System32");
  // CIM first (machine-readable, any display language); systeminfo (English labels only) when PowerShell cannot
  const ps = path.win32.join(sys32, "WindowsPowerShell", "v1.0", "powershell.exe");
  onWait("asking Windows about Hyper-V, WSL2 and virtualization-based security (PowerShell, CIM; up to a minute)");
  const cim = await runHostCommand(ps, ["-NoProfile", "-NonInteractive", "-Command", CIM_SCRIPT], 90_000);
  let systemInfo = cim.ok ? parseCimSystemInfo(cim.stdout) : null;
  if (!systemInfo) {
    onWait("running systeminfo (it can take two minutes)");
    const si = await runHostCommand(path.win32.join(sys32, "systeminfo.exe"), [], 120_000);
    systemInfo = si.ok ? parseSystemInfo(si.stdout) : null;
  }
  const bcd = await runHostCommand(path.win32.join(sys32, "bcdedit.exe"), ["/enum", "{current}"]); // needs an Administrator terminal
  return { systemInfo, hypervisorLaunchType: bcd.ok ? parseHypervisorLaunchType(bcd.stdout) : null };
}

function linuxFacts(): Facts["linux"] {
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
  return { cpuFlag: cpuVirtFlag(read("/proc/cpuinfo")), kvm: kvmModules(read("/proc/modules")) };
}

export async function gatherFacts(s: LabSettings, o: GatherOptions): Promise<Facts> {
  const platform = o.platform ?? process.platform;
  const env = o.env ?? process.env;
  const vb = await vboxFacts(o, platform, env, s.vmName);
  const ports: Facts["ports"] = {};
  for (const { port } of s.ports) ports[port] = (await portFree(port)) ? "free" : "busy";
  const folder = vb.folder ?? path.join(os.homedir(), "VirtualBox VMs");
  const freeMb = freeMbAt(folder);
  return {
    platform,
    totalMemoryMb: Math.floor(os.totalmem() / (1024 * 1024)),
    vbox: vb.vbox,
    hostInfo: vb.hostInfo,
    natNetworks: vb.natNetworks,
    vm: vb.vm,
    windows: platform === "win32" ? await windowsFacts(env, o.onWait) : undefined,
    linux: platform === "linux" ? linuxFacts() : undefined,
    disk: freeMb === null ? null : { folder, freeMb },
    ports,
    iso: s.installerIso ? await isoFacts(s.installerIso, s.isoSha256) : null,
    labBuilt: o.labBuilt,
  };
}
