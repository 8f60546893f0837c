"use strict";
/** createvm, modifyvm, showvminfo, list, startvm, controlvm, unregistervm, guestproperty. */
const fs = require("fs");
const { getopt, onOff } = require("./getopt");
const { invalidArg } = require("./io");
const M = require("./model");
const { machineReadable, human } = require("./showvminfo");
const { deleteMediaOf } = require("./storageCommands");

function createvm(io, state, args) {
  const { options } = getopt(io, args, (o) =>
    ["--name", "--ostype", "--basefolder", "--groups", "--uuid", "--platform-architecture", "--platform-arch"].includes(o) ? "value"
      : ["--register", "--default"].includes(o) ? "flag" : undefined);
  const opt = Object.fromEntries(options);
  if (!opt["--name"]) io.syntax("Parameter --name is required");
  const osType = opt["--ostype"] || "Other";
  if (!M.OS_TYPES[osType]) io.fail("Unknown or invalid guest OS type given.");
  const vm = M.newVm(io, opt["--name"], osType, opt["--basefolder"]);
  if (opt["--uuid"]) vm.uuid = opt["--uuid"].replace(/^\{|\}$/g, "").toLowerCase();
  if (state.vms.some((v) => v.cfgFile === vm.cfgFile) || (!io.windows && fs.existsSync(vm.cfgFile))) {
    io.fail(`Machine settings file '${vm.cfgFile}' already exists`, {
      details: ["VBOX_E_FILE_ERROR (0x80bb0004)", "MachineWrap", "IMachine"],
      context: '"CreateMachine(bstrSettingsFile.raw(), bstrName.raw(), platformArch, ComSafeArrayAsInParam(groups), bstrOsTypeId.raw(), createFlags.raw(), bstrCipher.raw(), bstrPasswordId.raw(), Bstr(strPassword).raw(), machine.asOutParam())" at line 393 of file VBoxManageMisc.cpp',
    });
  }
  const register = "--register" in opt;
  if (register) state.vms.push(vm);
  io.print(`Virtual machine '${vm.name}' is created${register ? " and registered" : ""}.`, `UUID: ${vm.uuid}`, `Settings file: '${vm.cfgFile}'`);
}

const IGNORED_MODIFYVM = new Set([
  "--vrde", "--audio", "--audio-driver", "--audiodriver", "--audio-enabled", "--audio-in", "--audio-out", "--clipboard",
  "--clipboard-mode", "--draganddrop", "--drag-and-drop", "--usb", "--usbehci", "--usbxhci", "--usb-ehci", "--usb-xhci",
  "--usb-ohci", "--usbohci", "--mouse", "--keyboard", "--pae", "--long-mode", "--longmode", "--hpet", "--hwvirtex",
  "--nested-paging", "--nestedpaging", "--large-pages", "--largepages", "--vtx-vpid", "--vtxvpid", "--paravirt-provider",
  "--paravirtprovider", "--rtc-use-utc", "--rtcuseutc", "--chipset", "--ioapic", "--acpi", "--apic", "--x2apic",
  "--bios-boot-menu", "--biosbootmenu", "--groups", "--cpu-execution-cap", "--cpuexecutioncap", "--accelerate3d",
  "--accelerate-3d", "--monitor-count", "--monitorcount", "--graphics-controller", "--vm-process-priority",
]);
const NIC_OPTS = {
  nic: "attachment", "nat-network": "natNetwork", natnetwork: "natNetwork", "bridge-adapter": "bridgeAdapter",
  bridgeadapter: "bridgeAdapter", "host-only-adapter": "hostOnlyAdapter", hostonlyadapter: "hostOnlyAdapter",
  "host-only-net": "hostOnlyAdapter", hostonlynet: "hostOnlyAdapter", intnet: "intnet", "nic-promisc": "promisc",
  nicpromisc: "promisc", "mac-address": "mac", macaddress: "mac", "cable-connected": "cable", cableconnected: "cable",
  "nic-type": "nicType", nictype: "nicType", "nat-pf": "natpf", natpf: "natpf", "nat-localhostreachable": "ignored",
  natlocalhostreachable: "ignored", "nat-net": "ignored", natnet: "ignored",
};
const NIC_ATTACHMENTS = { none: null, null: "null", nat: "nat", bridged: "bridged", intnet: "intnet", hostonly: "hostonly",
  hostonlynet: "hostonlynet", generic: "generic", natnetwork: "natnetwork", cloud: "generic" };

function nicOption(name) {
  const m = /^--([a-z-]+?)(\d+)$/.exec(name);
  return m && NIC_OPTS[m[1]] ? { field: NIC_OPTS[m[1]], index: Number(m[2]) } : null;
}

function natRule(io, nic, value, index, ruleArg) {
  if (value === "delete") {
    const before = nic.forwards.length;
    nic.forwards = nic.forwards.filter((f) => f.name !== ruleArg);
    if (nic.forwards.length === before) io.fail("A NAT rule of this name does not exist", { details: [invalidArg(io), "NATEngineWrap", "INATEngine"] });
    return;
  }
  const p = value.split(",");
  if (p.length !== 6 || !/^(tcp|udp)$/.test(p[1])) io.syntax(`Invalid NAT rule '${value}' for NIC ${index}`);
  if (nic.forwards.some((f) => f.name === p[0])) {
    io.fail("A NAT rule of this name already exists", {
      details: [invalidArg(io), "NATEngineWrap", "INATEngine"],
      context: '"AddRedirect(Bstr(strName).raw(), proto, Bstr(strHostIp).raw(), RTStrToUInt16(strHostPort), Bstr(strGuestIp).raw(), RTStrToUInt16(strGuestPort))" at line 1923 of file VBoxManageModifyVM.cpp',
    });
  }
  nic.forwards.push({ name: p[0], protocol: p[1], hostIp: p[2], hostPort: Number(p[3]), guestIp: p[4], guestPort: Number(p[5]) });
}

function modifyvm(io, state, args) {
  if (!args[0]) io.syntax("Not enough parameters");
  const vm = M.findVm(io, state, args[0], { expr: "a->argv[0]", line: 572, file: "VBoxManageModifyVM.cpp" });
  if (M.hasSession(vm)) M.failWriteLocked(io, vm);
  // natpf delete takes two words: --natpf1 delete <name>
  const rest = args.slice(1);
  const { options } = getopt(io, rest, (o) =>
    nicOption(o) || /^--boot\d$/.test(o) || IGNORED_MODIFYVM.has(o) || [
      "--name", "--memory", "--cpus", "--vram", "--ostype", "--os-type", "--firmware", "--nested-hw-virt",
      "--x86-nested-hw-virt", "--graphicscontroller", "--description",
    ].includes(o) ? "value" : undefined);
  for (let i = 0; i < options.length; i++) {
    const [o, v] = options[i];
    const nicOpt = nicOption(o);
    if (nicOpt) {
      const { field, index } = nicOpt;
      if (index < 1 || index > 8) io.syntax(`Invalid NIC number ${index}`);
      const nic = vm.nics[index - 1];
      if (field === "attachment") {
        if (!(v in NIC_ATTACHMENTS)) io.syntax(`Invalid type '${v}' specfied for NIC ${index}`);
        nic.enabled = v !== "none";
        if (nic.enabled) nic.attachment = NIC_ATTACHMENTS[v];
      } else if (field === "promisc") {
        if (!["deny", "allow-vms", "allow-all"].includes(v)) io.syntax(`Unknown promiscuous mode policy '${v}'`);
        nic.promisc = v;
      } else if (field === "mac") {
        if (v === "auto") nic.mac = M.randomMac();
        else if (/^[0-9a-f]{12}$/i.test(v)) nic.mac = v.toUpperCase();
        else io.syntax(`Invalid MAC address '${v}'`);
      } else if (field === "cable") {
        nic.cable = onOff(io, o, v);
      } else if (field === "natpf") {
        // `--natpf1 delete <name>`: the name is the word after "delete" (getopt left it positional).
        const ruleName = v === "delete" ? rest[rest.indexOf(o) + 2] : undefined;
        natRule(io, nic, v, index, ruleName);
      } else if (field !== "ignored") {
        nic[field] = v;
      }
    } else if (/^--boot\d$/.test(o)) {
      const n = Number(o.slice(6));
      if (n < 1 || n > 4) io.syntax(`Invalid boot slot number ${n}`);
      if (!["none", "floppy", "dvd", "disk", "net"].includes(v)) io.syntax(`Invalid boot device '${v}'`);
      vm.boot[n - 1] = v;
    } else if (o === "--memory" || o === "--cpus" || o === "--vram") {
      if (!/^\d+$/.test(v)) io.syntax(`Invalid ${o} argument '${v}'`);
      vm[o.slice(2)] = Number(v);
    } else if (o === "--ostype" || o === "--os-type") {
      if (!M.OS_TYPES[v]) io.fail(`Guest OS type '${v}' is invalid`, { details: [invalidArg(io), "MachineWrap", "IMachine"] });
      vm.osTypeId = v;
    } else if (o === "--firmware") {
      const fw = { bios: "BIOS", efi: "EFI", efi32: "EFI32", efi64: "EFI64", efidual: "EFIDUAL" }[v.toLowerCase()];
      if (!fw) io.syntax(`Invalid --firmware argument '${v}'`);
      vm.firmware = fw;
    } else if (o === "--nested-hw-virt" || o === "--x86-nested-hw-virt") {
      vm.nestedHwVirt = onOff(io, o, v);
    } else if (o === "--graphicscontroller") {
      if (!["none", "vboxvga", "vmsvga", "vboxsvga"].includes(v.toLowerCase())) io.syntax(`Invalid --graphicscontroller argument '${v}'`);
      vm.graphicsController = v.toLowerCase();
    } else if (o === "--description") {
      vm.description = v;
    } else if (o === "--name") {
      vm.name = v;
    } else {
      vm.extra[o] = v;
    }
  }
}

function showvminfo(io, state, args) {
  const machineReadableFlag = args.includes("--machinereadable") || args.includes("--machine-readable");
  const ref = args.find((a) => !a.startsWith("--"));
  if (!ref) io.syntax("VM name or UUID required");
  const vm = M.findVm(io, state, ref, { expr: "VMNameOrUuid", line: 3249, file: "VBoxManageInfo.cpp" });
  io.print(...(machineReadableFlag ? machineReadable(vm, io) : human(vm)));
}

function list(io, state, args) {
  const what = args.find((a) => !a.startsWith("-"));
  const vmLine = (v) => `"${v.name}" {${v.uuid}}`;
  if (what === "vms") io.print(...state.vms.map(vmLine));
  else if (what === "runningvms") io.print(...state.vms.filter((v) => ["running", "paused", "livesnapshotting"].includes(v.state)).map(vmLine));
  else if (what === "natnets" || what === "natnetworks") require("./natnetworkCommands").listNatnets(io, state, args.includes("--long") || args.includes("-l"));
  else if (what === "systemproperties") {
    io.print("API version:                     7_1", "Minimum guest RAM size:          4 Megabytes",
      "Maximum guest RAM size:          2097152 Megabytes", "Minimum guest CPU count:         1",
      "Maximum guest CPU count:         64", "Maximum Boot Position:           4",
      `Default machine folder:          ${M.defaultBaseFolder(io)}`, "Default hard disk format:        VDI");
  } else if (what === "hostinfo") io.print(...hostinfo());
  else io.syntax(`Unknown subcommand '${what ?? ""}'`);
}

/**
 * `list hostinfo`: the real 7.x capture in samples/ (SOURCES.md), or the file VBOX_STANDIN_HOSTINFO names (another
 * host's capture: a PC without VT-x, a Windows one), printed line by line (CRLF in Windows mode like every output).
 */
function hostinfo() {
  const file = process.env.VBOX_STANDIN_HOSTINFO || require("path").join(__dirname, "..", "samples", "list-hostinfo.macos-intel-7.x.stdout");
  return require("fs").readFileSync(file, "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
}

function startvm(io, state, args) {
  const { options, positional } = getopt(io, args, (o) => (["--type", "--putenv", "-E", "--password", "--password-id"].includes(o) ? "value" : undefined));
  if (positional.length === 0) io.syntax("VM name required");
  const type = (Object.fromEntries(options)["--type"] || "gui").toLowerCase();
  if (!["gui", "headless", "sdl", "separate"].includes(type)) io.syntax(`Invalid session type '${type}'`);
  for (const ref of positional) {
    const vm = M.findVm(io, state, ref, { expr: "pszVM", line: 797, file: "VBoxManageMisc.cpp" });
    if (M.hasSession(vm)) {
      io.fail(`The machine '${vm.name}' is already locked by a session (or being locked or unlocked)`, {
        details: ["VBOX_E_INVALID_OBJECT_STATE (0x80bb0007)", "MachineWrap", "IMachine"],
        context: '"LaunchVMProcess(a->session, sessionType.raw(), ComSafeArrayAsInParam(aBstrEnv), progress.asOutParam())" at line 881 of file VBoxManageMisc.cpp',
      });
    }
    M.setState(vm, "running");
    vm.sessionName = type;
    if (vm.unattended && !vm.installed) vm.installed = true; // the guest installs itself in no time here
    io.print(`Waiting for VM "${vm.name}" to power on...`, `VM "${vm.name}" has been successfully started.`);
  }
}

function controlvm(io, state, args) {
  const [ref, verb, ...rest] = args;
  if (!ref || !verb) io.syntax("Not enough parameters");
  const vm = M.findVm(io, state, ref, { expr: "a->argv[0]", line: 256, file: "VBoxManageControlVM.cpp" });
  if (!M.hasSession(vm)) io.fail(`Machine '${vm.name}' is not currently running.`);
  switch (verb) {
    case "poweroff":
      M.setState(vm, "poweroff");
      vm.acpiPending = null;
      io.progress();
      break;
    case "acpipowerbutton":
      if (process.env.VBOX_STANDIN_ACPI !== "ignore") vm.acpiPending = Number(process.env.VBOX_STANDIN_ACPI_DELAY ?? "1");
      break;
    case "savestate":
      M.setState(vm, "saved");
      io.progress();
      break;
    case "pause":
      M.setState(vm, "paused");
      break;
    case "resume":
      if (vm.state !== "paused") io.fail("VM is not paused", { details: ["VBOX_E_INVALID_VM_STATE (0x80bb0002)", "ConsoleWrap", "IConsole"] });
      M.setState(vm, "running");
      break;
    default: {
      const pf = /^natpf(\d)$/.exec(verb);
      if (!pf) io.syntax(`Invalid parameter '${verb}'`);
      const nic = vm.nics[Number(pf[1]) - 1];
      natRule(io, nic, rest[0], Number(pf[1]), rest[1]);
    }
  }
}

function unregistervm(io, state, args) {
  const ref = args.find((a) => !a.startsWith("--"));
  if (!ref) io.syntax("VM name required");
  const vm = M.findVm(io, state, ref, { expr: "VMName", line: 218, file: "VBoxManageMisc.cpp" });
  if (M.hasSession(vm)) {
    io.fail(`Cannot unregister the machine '${vm.name}' while it is locked`, {
      details: ["VBOX_E_INVALID_OBJECT_STATE (0x80bb0007)", "MachineWrap", "IMachine"],
      context: '"Unregister(CleanupMode_DetachAllReturnHardDisksOnly, ComSafeArrayAsOutParam(aMedia))" at line 229 of file VBoxManageMisc.cpp',
    });
  }
  state.vms = state.vms.filter((v) => v !== vm);
  if (args.includes("--delete") || args.includes("--delete-all")) {
    deleteMediaOf(state, vm, args.includes("--delete-all"));
    if (!io.windows) fs.rmSync(vm.dir, { recursive: true, force: true });
    io.progress();
  }
}

function guestproperty(io, state, args) {
  const [verb, ref, prop] = args;
  if (verb !== "get" || !ref || !prop) io.syntax("Usage: guestproperty get <vm> <property>");
  const vm = M.findVm(io, state, ref, { expr: "a->argv[0]", line: 110, file: "VBoxManageGuestProp.cpp" });
  const additions = vm.state === "running" && vm.installed && vm.unattended?.installAdditions;
  const m = /^\/VirtualBox\/GuestInfo\/Net\/(\d+)\/V4\/IP$/.exec(prop);
  const nic = m ? vm.nics.filter((n) => n.enabled)[Number(m[1])] : undefined;
  if (additions && nic) io.print(`Value: ${guestIp(state, vm, nic)}`);
  else io.print("No value set!");
}

/** NAT: 10.0.2.15; NAT Network: network + 4 + position of the VM on that network. */
function guestIp(state, vm, nic) {
  if (nic.attachment === "natnetwork") {
    const net = state.natNetworks.find((n) => n.name === nic.natNetwork);
    if (net) {
      const [base] = net.network.split("/");
      const octets = base.split(".").map(Number);
      const onNet = state.vms.filter((v) => v.nics.some((n) => n.enabled && n.attachment === "natnetwork" && n.natNetwork === net.name));
      octets[3] += 4 + Math.max(0, onNet.indexOf(vm));
      return octets.join(".");
    }
  }
  return "10.0.2.15";
}

module.exports = { createvm, modifyvm, showvminfo, list, startvm, controlvm, unregistervm, guestproperty };
