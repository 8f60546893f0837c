"use strict";
/**
 * `unattended install` (VBoxManageMisc.cpp handleUnattendedInstall): records every option, prints the `Using values:`
 * table (which really does print the password in clear text), attaches the ISO and an auxiliary ISO, boots from DVD.
 */
const fs = require("fs");
const { getopt } = require("./getopt");
const M = require("./model");

const VALUE_OPTS = ["--iso", "--user", "--password", "--password-file", "--user-password", "--user-password-file",
  "--admin-password", "--admin-password-file", "--full-user-name", "--key", "--additions-iso", "--validation-kit-iso",
  "--locale", "--country", "--time-zone", "--proxy", "--hostname", "--package-selection-adjustment", "--auxiliary-base-path",
  "--image-index", "--script-template", "--post-install-template", "--post-install-command", "--extra-install-kernel-parameters",
  "--language", "--start-vm"];
const FLAG_OPTS = ["--install-additions", "--no-install-additions", "--install-txs", "--no-install-txs", "--dry-run"];

/** Which template VirtualBox picks for an OS type (UnattendedInstaller.cpp; RHEL 9 falls back to the RHEL 8 path). */
function defaultTemplate(osTypeId) {
  if (/^Oracle9/.test(osTypeId)) return "ol9_ks.cfg";
  if (/^Oracle8/.test(osTypeId)) return "ol8_ks.cfg";
  if (/^Oracle/.test(osTypeId)) return "ol_ks.cfg";
  if (/^Fedora/.test(osTypeId)) return "fedora_ks.cfg";
  if (/^RedHat/.test(osTypeId)) return "redhat67_ks.cfg";
  if (/^Debian/.test(osTypeId)) return "debian_preseed.cfg";
  if (/^Ubuntu/.test(osTypeId)) return "ubuntu_preseed.cfg";
  return "";
}

function unattended(io, state, args) {
  const [verb, ref, ...rest] = args;
  if (verb !== "install") io.syntax(`Invalid parameter '${verb ?? ""}'`);
  if (!ref) io.syntax("Missing VM name/UUID");
  const vm = M.findVm(io, state, ref, { expr: "pszVM", line: 1735, file: "VBoxManageUnattended.cpp" });
  const { options } = getopt(io, rest, (o) => (VALUE_OPTS.includes(o) ? "value" : FLAG_OPTS.includes(o) ? "flag" : undefined));
  const opt = Object.fromEntries(options);
  if (!opt["--iso"]) io.syntax("Missing the --iso option");
  if (!io.windows && !fs.existsSync(opt["--iso"])) {
    io.fail(`Unattended.IsoPath: File not found: ${opt["--iso"]}`, { details: ["VBOX_E_FILE_ERROR (0x80bb0004)", "UnattendedWrap", "IUnattended"] });
  }
  if (M.hasSession(vm)) io.fail(`Machine '${vm.name}' is currently running`);
  const passwordFile = opt["--password-file"] ?? opt["--user-password-file"];
  const password = opt["--password"] ?? opt["--user-password"] ?? (passwordFile ? fs.readFileSync(passwordFile, "utf8").replace(/\r?\n$/, "") : "changeme");
  const sessionType = (opt["--start-vm"] ?? "none").toLowerCase();
  const sep = io.windows ? "\\" : "/";
  const templateDir = io.windows ? "C:\\Program Files\\Oracle\\VirtualBox\\UnattendedTemplates" : "/usr/share/virtualbox/UnattendedTemplates";
  const values = {
    isoPath: opt["--iso"], user: opt["--user"] ?? "vboxuser", password, fullUserName: opt["--full-user-name"] ?? "",
    productKey: opt["--key"] ?? "", additionsIsoPath: opt["--additions-iso"] ?? "",
    installGuestAdditions: "--install-additions" in opt ? "true" : "false", validationKitIsoPath: "",
    installTestExecService: "false", locale: opt["--locale"] ?? "en_US", country: opt["--country"] ?? "US",
    timeZone: opt["--time-zone"] ?? "UTC", proxy: opt["--proxy"] ?? "", hostname: opt["--hostname"] ?? `${vm.name}.myguest.virtualbox.org`,
    packageSelectionAdjustments: opt["--package-selection-adjustment"] ?? "",
    auxiliaryBasePath: opt["--auxiliary-base-path"] ?? `${vm.dir}${sep}Unattended-${vm.uuid}-`,
    imageIndex: opt["--image-index"] ?? "1",
    scriptTemplatePath: opt["--script-template"] ?? `${templateDir}${sep}${defaultTemplate(vm.osTypeId)}`,
    postInstallScriptTemplatePath: opt["--post-install-template"] ?? `${templateDir}${sep}redhat_postinstall.sh`,
    postInstallCommand: opt["--post-install-command"] ?? "", extraInstallKernelParameters: opt["--extra-install-kernel-parameters"] ?? " ks=cdrom:/ks.cfg ",
    language: opt["--language"] ?? "en-US", detectedOSTypeId: vm.osTypeId, detectedOSVersion: "", detectedOSFlavor: "",
    detectedOSLanguages: "en-US", detectedOSHints: "",
  };
  io.info(`${sessionType === "none" ? "Preparing" : "Starting"} unattended installation of ${vm.osTypeId} in machine '${vm.name}' (${vm.uuid}).`);
  if ("--dry-run" in opt) return printValues(io, values);
  attachIsos(state, vm, opt["--iso"], values.auxiliaryBasePath + "aux-iso.viso");
  vm.boot = ["dvd", "disk", "none", "none"];
  vm.unattended = {
    options: Object.fromEntries(options),
    user: values.user, hostname: values.hostname, installAdditions: values.installGuestAdditions === "true",
    scriptTemplate: opt["--script-template"] ?? null, extraKernelParameters: opt["--extra-install-kernel-parameters"] ?? null,
    postInstallCommand: opt["--post-install-command"] ?? null, password,
  };
  vm.installed = false;
  printValues(io, values);
  if (sessionType === "none") {
    io.info(`VM '${vm.name}' (${vm.uuid}) is ready to be started (e.g. VBoxManage startvm).`);
  } else {
    M.setState(vm, "running");
    vm.sessionName = sessionType;
    vm.installed = true;
    io.info(`Waiting for VM '${vm.name}' to power on...`);
    io.info(`VM '${vm.name}' (${vm.uuid}) has been successfully started.`);
  }
}

function printValues(io, values) {
  io.info("Using values:");
  for (const [k, v] of Object.entries(values)) io.print(`  ${k.padStart(32)} = ${v}`);
}

/** The install ISO into the first DVD drive (or the first free slot), the auxiliary ISO into the next free slot. */
function attachIsos(state, vm, iso, auxIso) {
  const crypto = require("crypto");
  const media = (state.media ??= []);
  const register = (p) => media.find((m) => m.path === p) ?? (media.push({ path: p, uuid: crypto.randomUUID(), type: "dvd", created: false }), media[media.length - 1]);
  const ctl = vm.controllers.find((c) => c.bus === "ide") ?? vm.controllers.find((c) => c.bus === "sata") ?? vm.controllers[0];
  if (!ctl) return;
  const devices = ctl.bus === "ide" ? 2 : 1;
  const slots = [];
  for (let p = 0; p < ctl.portCount; p++) for (let d = 0; d < devices; d++) slots.push(`${p}-${d}`);
  const dvd = slots.find((s) => ctl.attachments[s]?.type === "dvddrive") ?? slots.find((s) => !ctl.attachments[s]);
  const put = (slot, p) => {
    const m = register(p);
    ctl.attachments[slot] = { type: "dvddrive", medium: m.path, uuid: m.uuid, nonrotational: false, discard: false, hotpluggable: false };
  };
  if (dvd) put(dvd, iso);
  const aux = slots.find((s) => !ctl.attachments[s]);
  if (aux) put(aux, auxIso);
}

module.exports = { unattended };
