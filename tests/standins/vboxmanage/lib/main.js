"use strict";
/** Entry: logs the call, takes the state lock, applies the test hooks, dispatches the verb, writes output, exits. */
const fs = require("fs");
const path = require("path");
const { Exit, createIo } = require("./io");
const { stateDir, withState } = require("./state");
const M = require("./model");
const vmc = require("./vmCommands");
const storage = require("./storageCommands");
const { natnetwork } = require("./natnetworkCommands");
const { snapshot } = require("./snapshotCommands");
const { unattended } = require("./unattendedCommand");

const VERSION = () => process.env.VBOX_STANDIN_VERSION || "7.1.4r165100";

const VERBS = {
  list: vmc.list, createvm: vmc.createvm, modifyvm: vmc.modifyvm, showvminfo: vmc.showvminfo, startvm: vmc.startvm,
  controlvm: vmc.controlvm, unregistervm: vmc.unregistervm, guestproperty: vmc.guestproperty,
  createmedium: storage.createmedium, createhd: storage.createmedium, storagectl: storage.storagectl,
  storageattach: storage.storageattach, closemedium: storage.closemedium, natnetwork, snapshot, unattended,
};

/** Verbs that the "fail next N calls as locked" hook hits (they lock the machine). */
const LOCKING_VERBS = new Set(["modifyvm", "storagectl", "storageattach", "unregistervm", "snapshot", "unattended", "startvm"]);

/** ACPI shutdowns in flight complete after VBOX_STANDIN_ACPI_DELAY later invocations. */
function tickAcpi(state) {
  for (const vm of state.vms) {
    if (vm.acpiPending === null || vm.acpiPending === undefined) continue;
    vm.acpiPending -= 1;
    if (vm.acpiPending <= 0) {
      vm.acpiPending = null;
      if (M.hasSession(vm)) M.setState(vm, "poweroff");
    }
  }
}

/** `$VBOX_STANDIN_STATE/fail-next-locked` holds N: the next N locking calls fail with "already locked". */
function injectedLock(io, dir, state, verb, args) {
  const file = path.join(dir, "fail-next-locked");
  if (!LOCKING_VERBS.has(verb) || !fs.existsSync(file)) return;
  const n = Number(fs.readFileSync(file, "utf8").trim() || "0");
  if (n <= 0) return;
  fs.writeFileSync(file, String(n - 1));
  const vm = state.vms.find((v) => v.name === args[0] || v.uuid === args[0] || (verb === "unattended" && (v.name === args[1] || v.uuid === args[1])));
  M.failWriteLocked(io, vm ?? { name: args[0] ?? "" });
}

/**
 * `$VBOX_STANDIN_STATE/hold` holds a call's start (`natnetwork add`): a call whose argv begins with those words waits,
 * before it takes the state lock or does anything, while the file exists (a step caught in flight, as a slow
 * VirtualBox holds it), and says so by appending its argv to `held.log`.
 */
function holdWhileAsked(dir, argv) {
  const file = path.join(dir, "hold");
  let words;
  try {
    words = fs.readFileSync(file, "utf8").trim().split(/\s+/);
  } catch {
    return;
  }
  if (!words.length || !words.every((w, i) => argv[i] === w)) return;
  fs.appendFileSync(path.join(dir, "held.log"), JSON.stringify(argv) + "\n");
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (fs.existsSync(file)) Atomics.wait(cell, 0, 0, 100);
}

function main(argv, exeMode) {
  const windows = exeMode || process.env.VBOX_STANDIN_OS === "windows";
  const io = createIo(windows);
  const dir = stateDir();
  let code = 0;
  holdWhileAsked(dir, argv);
  try {
    withState(dir, (state) => {
      fs.appendFileSync(path.join(dir, "calls.log"), JSON.stringify(argv) + "\n");
      tickAcpi(state);
      if (argv.length === 0) io.syntax("No command given");
      if (argv[0] === "--version" || argv[0] === "-v" || argv[0] === "-version") return io.print(VERSION());
      const [verb, ...args] = argv;
      const handler = VERBS[verb];
      if (!handler) io.syntax(`Invalid command '${verb}'`);
      injectedLock(io, dir, state, verb, args);
      handler(io, state, args);
      code = io.exitCode ?? 0;
    });
  } catch (e) {
    if (!(e instanceof Exit)) {
      io.flush();
      throw e;
    }
    code = e.code;
  }
  io.flush();
  process.exitCode = code;
}

module.exports = { main };
