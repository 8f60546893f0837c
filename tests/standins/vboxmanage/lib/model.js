"use strict";
/** The VM model, lookups by name/UUID and the rules every verb shares (locks, not-found). */
const crypto = require("crypto");
const os = require("os");

/** OS type ids -> the description showvminfo prints (a subset of `VBoxManage list ostypes`). */
const OS_TYPES = {
  Other: "Other/Unknown",
  Other_64: "Other/Unknown (64-bit)",
  Linux_64: "Other Linux (64-bit)",
  Linux26_64: "Linux 2.6 / 3.x / 4.x / 5.x (64-bit)",
  RedHat_64: "Red Hat (64-bit)",
  RedHat8_64: "Red Hat 8.x (64-bit)",
  RedHat9_64: "Red Hat 9.x (64-bit)",
  Oracle_64: "Oracle Linux (64-bit)",
  Oracle8_64: "Oracle Linux 8.x (64-bit)",
  Oracle9_64: "Oracle Linux 9.x (64-bit)",
  Fedora_64: "Fedora (64-bit)",
  Debian_64: "Debian (64-bit)",
  Debian12_64: "Debian 12 (64-bit)",
  Ubuntu_64: "Ubuntu (64-bit)",
  ArchLinux_64: "Arch Linux (64-bit)",
  Windows2022_64: "Windows Server 2022 (64-bit)",
  Windows2025_64: "Windows Server 2025 (64-bit)",
  Windows11_64: "Windows 11 (64-bit)",
};

const UUID_RE = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** Machine states that hold a session (no write lock possible). */
const SESSION_STATES = new Set(["running", "paused", "starting", "stopping", "saving", "livesnapshotting"]);

function vboxTime(d = new Date()) {
  return d.toISOString().replace(/Z$/, "").replace(/\.(\d{3})$/, ".$1000000");
}

function randomMac() {
  return "080027" + crypto.randomBytes(3).toString("hex").toUpperCase();
}

function newNic(enabled) {
  return {
    enabled, attachment: enabled ? "nat" : "null", natNetwork: "", bridgeAdapter: "", hostOnlyAdapter: "", intnet: "",
    mac: randomMac(), cable: true, promisc: "deny", nicType: "Am79C973", forwards: [],
  };
}

function homeDir() {
  return process.env.VBOX_STANDIN_HOME || os.homedir();
}

function joinPath(io, ...parts) {
  const sep = io.windows ? "\\" : "/";
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, "") : p.replace(/^[\\/]+|[\\/]+$/g, ""))).join(sep);
}

function defaultBaseFolder(io) {
  return io.windows ? `C:\\Users\\${process.env.USERNAME || "user"}\\VirtualBox VMs` : joinPath(io, homeDir(), "VirtualBox VMs");
}

function newVm(io, name, osTypeId, baseFolder) {
  const uuid = crypto.randomUUID();
  const dir = joinPath(io, baseFolder || defaultBaseFolder(io), name);
  return {
    name, uuid, osTypeId, dir, cfgFile: joinPath(io, dir, `${name}.vbox`),
    memory: 128, vram: 8, cpus: 1, firmware: "BIOS", nestedHwVirt: false, graphicsController: "vboxvga",
    boot: ["floppy", "dvd", "disk", "none"], state: "poweroff", stateChangeTime: vboxTime(), sessionName: "",
    nics: Array.from({ length: 8 }, (_, i) => newNic(i === 0)),
    controllers: [], snapshots: [], currentSnapshot: null, description: "", extra: {},
    unattended: null, installed: false, acpiPending: null,
  };
}

/** Finds a VM by name or UUID, or fails with VBoxManage's not-found error. */
function findVm(io, state, ref, context) {
  const bare = ref.replace(/^\{|\}$/g, "").toLowerCase();
  const vm = state.vms.find((v) => v.name === ref || v.uuid === bare);
  if (vm) return vm;
  const byUuid = UUID_RE.test(ref);
  io.fail(byUuid ? `Could not find a registered machine with UUID {${bare}}` : `Could not find a registered machine named '${ref}'`, {
    details: ["VBOX_E_OBJECT_NOT_FOUND (0x80bb0001)", "VirtualBoxWrap", "IVirtualBox"],
    context: `"FindMachine(Bstr(${context.expr}).raw(), machine.asOutParam())" at line ${context.line} of file ${context.file}`,
  });
}

function hasSession(vm) {
  return SESSION_STATES.has(vm.state);
}

/** The write-lock failure of modifyvm/storagectl (packman 7.0.6 sample). */
function failWriteLocked(io, vm, file = "VBoxManageModifyVM.cpp", line = 641) {
  io.fail(`The machine '${vm.name}' is already locked for a session (or being unlocked)`, {
    details: ["VBOX_E_INVALID_OBJECT_STATE (0x80bb0007)", "MachineWrap", "IMachine"],
    context: `"LockMachine(a->session, LockType_Write)" at line ${line} of file ${file}`,
  });
}

function setState(vm, state) {
  vm.state = state;
  vm.stateChangeTime = vboxTime();
  if (!hasSession(vm)) vm.sessionName = "";
}

module.exports = {
  OS_TYPES, UUID_RE, vboxTime, randomMac, newNic, newVm, findVm, hasSession, failWriteLocked, setState, joinPath,
  defaultBaseFolder,
};
