"use strict";
/** createmedium, storagectl, storageattach, closemedium; the media registry. */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { getopt, onOff } = require("./getopt");
const M = require("./model");
const { CONTROLLER_PORTS } = require("./showvminfo");

const CONTROLLER_TYPES = {
  lsilogic: "LsiLogic", lsilogicsas: "LsiLogicSas", buslogic: "BusLogic", intelahci: "IntelAhci", piix3: "PIIX3",
  piix4: "PIIX4", ich6: "ICH6", i82078: "I82078", usb: "USB", nvme: "NVMe", virtio: "VirtioSCSI",
};
const DEFAULT_TYPE = { ide: "PIIX4", sata: "IntelAhci", scsi: "LsiLogic", sas: "LsiLogicSas", floppy: "I82078", usb: "USB", pcie: "NVMe", virtio: "VirtioSCSI" };

const registry = (state) => (state.media ??= []);

function findMedium(state, ref) {
  return registry(state).find((m) => m.path === ref || m.uuid === ref.replace(/^\{|\}$/g, ""));
}

function attachedTo(state, medium) {
  return state.vms.filter((v) => v.controllers.some((c) => Object.values(c.attachments).some((a) => a.uuid === medium.uuid)));
}

function createmedium(io, state, args) {
  const kind = ["disk", "dvd", "floppy"].includes(args[0]) ? args.shift() : "disk";
  const { options } = getopt(io, args, (o) => (["--filename", "--size", "--sizebyte", "--format", "--variant", "--diffparent"].includes(o) ? "value" : undefined));
  const opt = Object.fromEntries(options);
  if (!opt["--filename"]) io.syntax("Parameters --filename is required");
  const format = (opt["--format"] || "VDI").toUpperCase();
  let file = opt["--filename"];
  if (!/\.[^\\/.]+$/.test(file)) file += "." + format.toLowerCase();
  const existing = findMedium(state, file);
  const uuid = crypto.randomUUID();
  if (existing || (!io.windows && fs.existsSync(file))) {
    io.fail(`Cannot register the hard disk '${file}' {${uuid}} because a hard disk '${file}' with UUID {${existing ? existing.uuid : uuid}} already exists`, {
      details: ["VBOX_E_OBJECT_IN_USE (0x80bb000c)", "VirtualBoxWrap", "IVirtualBox"],
      context: '"CreateMedium(Bstr(format).raw(), Bstr(filename).raw(), AccessMode_ReadWrite, DeviceType_HardDisk, pMedium.asOutParam())" at line 465 of file VBoxManageDisk.cpp',
    });
  }
  if (!opt["--size"] && !opt["--sizebyte"]) io.syntax("Parameters --size or --sizebyte are required");
  if (!io.windows) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `VBoxManage stand-in ${format} image\n`);
  }
  registry(state).push({ path: file, uuid, type: kind === "disk" ? "hdd" : kind, sizeMb: Number(opt["--size"] ?? 0), format, created: true });
  io.progress();
  io.print(`Medium created. UUID: ${uuid}`);
}

function storagectl(io, state, args) {
  const ref = args[0];
  if (!ref) io.syntax("Not enough parameters");
  const vm = M.findVm(io, state, ref, { expr: "a->argv[0]", line: 1151, file: "VBoxManageStorageController.cpp" });
  const { options } = getopt(io, args.slice(1), (o) =>
    ["--name", "--add", "--controller", "--portcount", "--hostiocache", "--bootable", "--rename"].includes(o) ? "value" : o === "--remove" ? "flag" : undefined);
  const opt = Object.fromEntries(options);
  if (!opt["--name"]) io.syntax("Storage controller name not specified");
  if (M.hasSession(vm)) M.failWriteLocked(io, vm, "VBoxManageStorageController.cpp", 1166);
  const existing = vm.controllers.find((c) => c.name === opt["--name"]);
  if ("--remove" in opt) {
    if (!existing) io.fail(`Could not find a controller named '${opt["--name"]}'`);
    vm.controllers = vm.controllers.filter((c) => c !== existing);
    return;
  }
  if (opt["--add"]) {
    const bus = opt["--add"].toLowerCase();
    if (!CONTROLLER_PORTS[bus]) io.syntax(`Invalid --add argument '${opt["--add"]}'`);
    if (existing) {
      io.fail(`Storage controller named '${opt["--name"]}' already exists`, {
        details: ["VBOX_E_OBJECT_IN_USE (0x80bb000c)", "SessionMachine", "IMachine"],
        context: `"AddStorageController(Bstr(pszCtl).raw(), StorageBus_${bus.toUpperCase()}, ctl.asOutParam())" at line 1196 of file VBoxManageStorageController.cpp`,
      });
    }
    const [maxPorts] = CONTROLLER_PORTS[bus];
    vm.controllers.push({ name: opt["--name"], bus, type: DEFAULT_TYPE[bus], maxPorts, portCount: bus === "sata" ? 30 : maxPorts, bootable: true, attachments: {} });
  } else if (!existing) {
    io.fail(`Couldn't find the controller with the name: '${opt["--name"]}'`);
  }
  const ctl = vm.controllers.find((c) => c.name === opt["--name"]);
  if (opt["--controller"]) {
    const t = CONTROLLER_TYPES[opt["--controller"].toLowerCase()];
    if (!t) io.syntax(`Invalid --type argument '${opt["--controller"]}'`);
    ctl.type = t;
  }
  if (opt["--portcount"]) ctl.portCount = Math.min(Number(opt["--portcount"]), ctl.maxPorts);
  if (opt["--bootable"]) ctl.bootable = onOff(io, "--bootable", opt["--bootable"]);
  if (opt["--rename"]) ctl.name = opt["--rename"];
}

function storageattach(io, state, args) {
  const ref = args[0];
  if (!ref) io.syntax("Not enough parameters");
  const vm = M.findVm(io, state, ref, { expr: "a->argv[0]", line: 352, file: "VBoxManageStorageController.cpp" });
  const { options } = getopt(io, args.slice(1), (o) =>
    ["--storagectl", "--port", "--device", "--type", "--medium", "--mtype", "--nonrotational", "--discard", "--hotpluggable",
      "--tempeject", "--comment", "--setuuid", "--setparentuuid", "--passthrough", "--bandwidthgroup"].includes(o) ? "value"
      : o === "--forceunmount" ? "flag" : undefined);
  const opt = Object.fromEntries(options);
  if (!opt["--storagectl"]) io.syntax("Storage controller name not specified");
  if (opt["--port"] === undefined) io.syntax("Port not specified");
  if (opt["--device"] === undefined) io.syntax("Device not specified");
  const ctl = vm.controllers.find((c) => c.name === opt["--storagectl"]);
  if (!ctl) io.fail(`Could not find a controller named '${opt["--storagectl"]}'`);
  const slot = `${Number(opt["--port"])}-${Number(opt["--device"])}`;
  const current = ctl.attachments[slot];
  const type = opt["--type"] ?? current?.type;
  const medium = opt["--medium"];
  if (medium === undefined) io.syntax("Medium not specified");
  // Only a DVD media change works while the VM runs (shared lock); anything else needs the write lock.
  if (M.hasSession(vm) && !(type === "dvddrive" && current?.type === "dvddrive" && medium !== "none")) {
    M.failWriteLocked(io, vm, "VBoxManageStorageController.cpp", 390);
  }
  if (medium === "none") {
    delete ctl.attachments[slot];
    return;
  }
  if (!type) io.syntax("Argument --type must be specified");
  if (!["dvddrive", "hdd", "fdd"].includes(type)) io.syntax(`Invalid --type argument '${type}'`);
  const flags = {
    nonrotational: opt["--nonrotational"] ? onOff(io, "--nonrotational", opt["--nonrotational"]) : current?.nonrotational ?? false,
    discard: opt["--discard"] ? onOff(io, "--discard", opt["--discard"]) : current?.discard ?? false,
    hotpluggable: opt["--hotpluggable"] ? onOff(io, "--hotpluggable", opt["--hotpluggable"]) : current?.hotpluggable ?? false,
  };
  if (medium === "emptydrive") {
    if (type === "hdd") io.syntax("emptydrive is only valid for DVD and floppy drives");
    ctl.attachments[slot] = { type, medium: "emptydrive", ...flags };
    return;
  }
  let m = findMedium(state, medium);
  if (!m) {
    if (!io.windows && !fs.existsSync(medium)) {
      io.fail(`Could not find file for the medium '${path.resolve(medium)}' (VERR_FILE_NOT_FOUND)`, {
        details: ["VBOX_E_FILE_ERROR (0x80bb0004)", "MediumWrap", "IMedium"],
        context: '"OpenMedium(Bstr(pszMedium).raw(), devTypeRequested, accessMode, fForceNewUuidOnOpen, pMedium2Mount.asOutParam())" at line 565 of file VBoxManageStorageController.cpp',
      });
    }
    m = { path: medium, uuid: crypto.randomUUID(), type: type === "hdd" ? "hdd" : type === "dvddrive" ? "dvd" : "floppy", created: false };
    registry(state).push(m);
  }
  ctl.attachments[slot] = { type, medium: m.path, uuid: m.uuid, ...flags };
}

function closemedium(io, state, args) {
  if (["disk", "dvd", "floppy"].includes(args[0])) args = args.slice(1);
  const ref = args.find((a) => !a.startsWith("--"));
  if (!ref) io.syntax("Not enough parameters");
  const m = findMedium(state, ref);
  if (!m) {
    io.fail(`Could not find file for the medium '${ref}' (VERR_FILE_NOT_FOUND)`, { details: ["VBOX_E_FILE_ERROR (0x80bb0004)", "MediumWrap", "IMedium"] });
  }
  const users = attachedTo(state, m);
  if (users.length > 0) {
    io.fail(`Medium '${m.path}' cannot be closed because it is still attached to ${users.length} virtual machines`, {
      details: ["VBOX_E_OBJECT_IN_USE (0x80bb000c)", "MediumWrap", "IMedium"],
    });
  }
  state.media = registry(state).filter((x) => x !== m);
  if (args.includes("--delete")) {
    if (!io.windows) fs.rmSync(m.path, { force: true });
    io.progress();
  }
}

/** unregistervm --delete: hard disks go (file and registry); DVDs are detached (deleted too with --delete-all). */
function deleteMediaOf(state, vm, all) {
  const uuids = new Set();
  for (const c of vm.controllers) for (const a of Object.values(c.attachments)) if (a.uuid && (a.type === "hdd" || all)) uuids.add(a.uuid);
  for (const m of registry(state).filter((x) => uuids.has(x.uuid))) {
    if (attachedTo(state, m).length > 0) continue;
    try {
      fs.rmSync(m.path, { force: true });
    } catch {
      /* Windows-style path */
    }
  }
  state.media = registry(state).filter((x) => !uuids.has(x.uuid) || attachedTo(state, x).length > 0);
}

module.exports = { createmedium, storagectl, storageattach, closemedium, deleteMediaOf, findMedium };
