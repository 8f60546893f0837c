/**
 * The pre-flight checks of `npm run lab -- doctor`: pure functions of the facts gathered on the PC (facts.ts), so
 * each can be tested with a passing and a failing host. Every result that is not ok says what is wrong, why it
 * matters (which step of the lab breaks) and a one-line fix. The facts and results: types.ts; VirtualBox and the
 * CPU's virtualization: virtualization.ts.
 */
import type { NatNetworkInfo } from "../../provider/virtualbox/vboxmanage/parse";
import { IsoRelease, releaseOfLabel } from "./iso";
import { CheckResult, Facts, gb, HOST_RESERVE_MB, LabSettings, MIN_DISK_MB, MIN_VM_MB, ok } from "./types";
import { checkNestedVirtualization, checkVBoxManage, checkVirtualization } from "./virtualization";

export * from "./types";
export { checkNestedVirtualization, checkVBoxManage, checkVirtualization };

export function checkMemory(f: Facts, s: LabSettings): CheckResult {
  const title = "RAM for the VM";
  const need = s.memoryMb + HOST_RESERVE_MB;
  if (f.totalMemoryMb >= need) return ok("memory", title, `${gb(f.totalMemoryMb)} on the PC, the VM takes ${gb(s.memoryMb)}`);
  const suggest = Math.floor((f.totalMemoryMb - HOST_RESERVE_MB) / 1024) * 1024;
  const why = `VirtualBox cannot give the VM ${s.memoryMb} MB and keep ${HOST_RESERVE_MB} MB for the PC: the VM fails to start or swaps, and Packstack (step 4) runs out of memory`;
  if (suggest >= MIN_VM_MB) {
    return { id: "memory", title, status: "fail", what: `the VM is set to ${s.memoryMb} MB but the PC has ${f.totalMemoryMb} MB in all`, why, fix: `npm run lab -- config set memoryMb ${suggest}` };
  }
  return { id: "memory", title, status: "fail", what: `the PC has ${f.totalMemoryMb} MB: less than Packstack's ${MIN_VM_MB} MB plus ${HOST_RESERVE_MB} MB for the PC`, why, fix: `use a PC with at least ${gb(MIN_VM_MB + HOST_RESERVE_MB)} of RAM` };
}

export function checkDisk(f: Facts, s: LabSettings): CheckResult {
  const title = "free disk for the VM";
  if (!f.disk) return { id: "disk", title, status: "skip", what: "not checked (VirtualBox's machine folder unknown)" };
  const { folder, freeMb } = f.disk;
  const fix = `free space on that drive, or move VirtualBox's Default Machine Folder (File > Preferences > General) to a larger one`;
  if (freeMb < MIN_DISK_MB) {
    return { id: "disk", title, status: "fail", what: `${gb(freeMb)} free in ${folder}`, why: `CentOS, Packstack and the snapshot fill about ${gb(MIN_DISK_MB)}: the install or Packstack (steps 2-4) stops with a full disk`, fix };
  }
  if (freeMb < s.diskSizeMb) {
    return { id: "disk", title, status: "warn", what: `${gb(freeMb)} free in ${folder}, the VM's disk may grow to ${gb(s.diskSizeMb)}`, why: "the VM stops (disk full) once the lab holds more images and instances than fit", fix: `${fix}; or npm run lab -- config set diskSizeMb ${Math.floor(freeMb / 1024) * 1024} before the first up` };
  }
  return ok("disk", title, `${gb(freeMb)} free in ${folder}`);
}

function forwardOwner(nets: NatNetworkInfo[] | null | undefined, port: number): NatNetworkInfo | undefined {
  return nets?.find((n) => n.portForwards.some((p) => p.hostPort === port && (p.hostIp === "" || p.hostIp === "127.0.0.1")));
}

export function checkPorts(f: Facts, s: LabSettings): CheckResult[] {
  return s.ports.map(({ name, port, what }) => {
    const title = `127.0.0.1:${port} (${name})`;
    const owner = forwardOwner(f.natNetworks, port);
    if (owner && owner.name === s.natNetworkName) return ok(`port-${port}`, title, `held by this lab's NAT Network ${owner.name}`);
    const step = name === "sshPort"
      ? "host preparation and Packstack (steps 3-4) cannot reach the VM over SSH"
      : name === "httpPort"
        ? "Horizon is not reachable from the PC"
        : name === "keystonePort" || name === "neutronPort"
          ? "the networks step (6) cannot reach OpenStack from the PC"
          : `OpenStack's ${what ?? name} is not reachable from the PC (a stack on the lab, e.g. examples/first-instance, fails)`;
    if (owner) {
      return { id: `port-${port}`, title, status: "fail", what: `the NAT Network ${owner.name} already forwards ${port}`, why: `VirtualBox refuses a second forward of the same host port (step 1), so ${step}`, fix: `VBoxManage natnetwork modify --netname ${owner.name} --port-forward-4 delete <rule>, or npm run lab -- config set ${name} ${port + 1}` };
    }
    if (f.ports[port] === "busy") {
      const who = f.platform === "win32" ? `netstat -ano | findstr :${port}` : `ss -ltnp 'sport = :${port}'`;
      return { id: `port-${port}`, title, status: "fail", what: `another program listens on 127.0.0.1:${port}`, why: `VirtualBox's forward cannot bind it, so ${step}`, fix: `find it with \`${who}\` and stop it, or npm run lab -- config set ${name} ${port + 1}` };
    }
    return ok(`port-${port}`, title, "free");
  });
}

function isoRelease(label: string): IsoRelease {
  return releaseOfLabel(label);
}

export function checkIso(f: Facts, s: LabSettings): CheckResult {
  const id = "iso";
  const title = "CentOS Stream 9 ISO";
  const setFix = f.platform === "win32"
    ? "PowerShell: $env:LAB_ISO=\"$HOME\\Downloads\\CentOS-Stream-9-latest-x86_64-dvd1.iso\"; npm run lab   (cmd: set LAB_ISO=... then npm run lab)"
    : "LAB_ISO=~/Downloads/CentOS-Stream-9-latest-x86_64-dvd1.iso npm run lab";
  const why = "the VM installs from it (step 2)";
  const notNeeded = f.labBuilt ? "warn" : "fail";
  if (!s.installerIso || !f.iso) {
    return f.labBuilt ? ok(id, title, "not set; the VM is already installed") : { id, title, status: "fail", what: "installerIso is not set", why, fix: setFix };
  }
  const iso = f.iso;
  if (!iso.exists) return { id, title, status: notNeeded, what: `${iso.path} does not exist`, why: f.labBuilt ? "a reinstall of the VM would need it" : why, fix: setFix };
  if (iso.readError) return { id, title, status: notNeeded, what: `${iso.path} cannot be read: ${iso.readError}`, why, fix: "copy the ISO to a folder of your own (not a locked or cloud-only folder) and point LAB_ISO at it" };
  if (!iso.label) return { id, title, status: "fail", what: `${iso.path} is not an ISO9660 image (no CD001 volume descriptor): a partial or broken download`, why, fix: "download CentOS-Stream-9-latest-x86_64-dvd1.iso again from centos.org" };
  const rel = isoRelease(iso.label);
  if (!(rel.distro === "centos-stream" && rel.major === 9)) {
    const reason = rel.major === 10
      ? "CentOS Stream 10 needs an x86_64-v3 CPU (the installer stops on older CPUs) and Packstack Zed targets 9"
      : rel.major === 7 || rel.major === 8
        ? `CentOS ${rel.distro === "centos-stream" ? "Stream " : ""}${rel.major} is end of life (its mirrors are gone) and Packstack Zed needs CentOS Stream 9`
        : "the lab's kickstart and Packstack Zed need CentOS Stream 9";
    return { id, title, status: "fail", what: `${iso.path} is labelled "${iso.label}", not CentOS Stream 9`, why: `${reason}: steps 2-4 break`, fix: "download CentOS-Stream-9-latest-x86_64-dvd1.iso from centos.org and point LAB_ISO at it" };
  }
  if (s.isoSha256 && iso.sha256 && iso.sha256.toLowerCase() !== s.isoSha256.toLowerCase()) {
    return { id, title, status: "fail", what: `${iso.path}: sha256 ${iso.sha256} is not the expected ${s.isoSha256}`, why: "a damaged ISO fails the install half way (step 2)", fix: "download the ISO again (and compare with CHECKSUM on the mirror)" };
  }
  return ok(id, title, `${iso.path} ("${iso.label}"${s.isoSha256 ? ", sha256 matches" : ""})`);
}

export function checkNatNetwork(f: Facts, s: LabSettings): CheckResult {
  const id = "natnetwork";
  const title = `NAT Network ${s.natNetworkName} (${s.cidr})`;
  if (!f.natNetworks) return { id, title, status: "skip", what: "not checked (VBoxManage did not list the NAT Networks)" };
  const same = f.natNetworks.find((n) => n.name === s.natNetworkName);
  const ours = f.labBuilt || !!f.owned?.natNetworks.includes(s.natNetworkName);
  if (same && !ours) {
    return { id, title, status: "fail", what: `a NAT Network named ${s.natNetworkName} already exists and is not this lab's`, why: "step 1 cannot create it (NATNetwork server already exists)", fix: `VBoxManage natnetwork remove --netname ${s.natNetworkName}, or npm run lab -- config set natNetworkName ${s.natNetworkName}2` };
  }
  const clash = f.natNetworks.find((n) => n.name !== s.natNetworkName && n.cidr === s.cidr);
  if (clash) {
    return { id, title, status: "fail", what: `the NAT Network ${clash.name} uses ${s.cidr} too`, why: "two NAT Networks on one range make VirtualBox's NAT service route the VM's traffic (and the port forwards, step 1) wrongly", fix: `VBoxManage natnetwork remove --netname ${clash.name} (if nothing needs it), or npm run lab -- config set cidr 10.0.3.0/24` };
  }
  return ok(id, title, same ? "this lab's" : "no other NAT Network with that name or range");
}

/** Every check, in the order the lab's steps need them. */
export function runChecks(f: Facts, s: LabSettings): CheckResult[] {
  return [checkVBoxManage(f), checkVirtualization(f), checkNestedVirtualization(f, s), checkMemory(f, s), checkDisk(f, s), ...checkPorts(f, s), checkIso(f, s), checkNatNetwork(f, s)];
}
