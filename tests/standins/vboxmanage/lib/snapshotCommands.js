"use strict";
/** snapshot <vm> take|delete|restore|restorecurrent|edit|list (VBoxManageSnapshot.cpp formats, the-pleiades 7.2.20 captures). */
const crypto = require("crypto");
const { getopt } = require("./getopt");
const M = require("./model");
const { snapshotLines } = require("./showvminfo");

const CONFIG_FIELDS = ["osTypeId", "memory", "vram", "cpus", "firmware", "nestedHwVirt", "graphicsController", "boot", "nics", "controllers", "description"];
const copyConfig = (vm) => JSON.parse(JSON.stringify(Object.fromEntries(CONFIG_FIELDS.map((f) => [f, vm[f]]))));

function findSnapshot(io, vm, ref) {
  const s = vm.snapshots.find((x) => x.uuid === ref.replace(/^\{|\}$/g, "") || x.name === ref);
  if (!s) {
    io.fail(`Could not find a snapshot named '${ref}'`, {
      details: ["VBOX_E_OBJECT_NOT_FOUND (0x80bb0001)", "MachineWrap", "IMachine"],
      context: '"FindSnapshot(Bstr(a->argv[2]).raw(), pSnapshot.asOutParam())" at line 578 of file VBoxManageSnapshot.cpp',
    });
  }
  return s;
}

function currentSnapshot(io, vm) {
  const s = vm.snapshots.find((x) => x.uuid === vm.currentSnapshot);
  if (!s) io.fail("This machine does not have any snapshots");
  return s;
}

function snapshot(io, state, args) {
  const [ref, verb, ...rest] = args;
  if (!ref || !verb) io.syntax("Not enough parameters");
  const vm = M.findVm(io, state, ref, { expr: "a->argv[0]", line: 454, file: "VBoxManageSnapshot.cpp" });
  switch (verb) {
    case "take": {
      const { options, positional } = getopt(io, rest, (o) =>
        ["--description", "-d", "--uniquename"].includes(o) ? "value" : ["--live", "--pause", "--resume"].includes(o) ? "flag" : undefined);
      if (!positional[0]) io.syntax("Missing snapshot name");
      const opt = Object.fromEntries(options);
      const s = { name: positional[0], uuid: crypto.randomUUID(), description: opt["--description"] ?? opt["-d"] ?? "", parent: vm.currentSnapshot, config: copyConfig(vm), timeStamp: M.vboxTime() };
      vm.snapshots.push(s);
      vm.currentSnapshot = s.uuid;
      io.progress();
      io.print(`Snapshot taken. UUID: ${s.uuid}`);
      return;
    }
    case "delete": {
      if (!rest[0]) io.syntax("Missing snapshot name");
      const s = findSnapshot(io, vm, rest[0]);
      if (vm.snapshots.filter((c) => c.parent === s.uuid).length > 1) {
        io.fail(`Snapshot '${s.name}' of the machine '${vm.name}' has more than one child snapshot (2)`, {
          details: ["VBOX_E_INVALID_OBJECT_STATE (0x80bb0007)", "SnapshotWrap", "ISnapshot"],
        });
      }
      io.print(`Deleting snapshot '${s.name}' (${s.uuid})`);
      for (const c of vm.snapshots) if (c.parent === s.uuid) c.parent = s.parent;
      vm.snapshots = vm.snapshots.filter((x) => x !== s);
      if (vm.currentSnapshot === s.uuid) vm.currentSnapshot = s.parent ?? null;
      io.progress();
      return;
    }
    case "restore":
    case "restorecurrent": {
      if (verb === "restorecurrent" && !vm.currentSnapshot) io.fail("This machine does not have any snapshots");
      const s = verb === "restore" ? findSnapshot(io, vm, rest[0] ?? "") : vm.snapshots.find((x) => x.uuid === vm.currentSnapshot);
      if (M.hasSession(vm)) {
        io.fail(`The machine is not mutable (state is ${vm.state[0].toUpperCase() + vm.state.slice(1)})`, {
          details: ["VBOX_E_INVALID_VM_STATE (0x80bb0002)", "SessionMachine", "IMachine"],
          context: '"RestoreSnapshot(pSnapshot, pProgress.asOutParam())" at line 676 of file VBoxManageSnapshot.cpp',
        });
      }
      io.print(`Restoring snapshot '${s.name}' (${s.uuid})`);
      Object.assign(vm, JSON.parse(JSON.stringify(s.config)));
      vm.currentSnapshot = s.uuid;
      M.setState(vm, "poweroff");
      io.progress();
      return;
    }
    case "edit": {
      // VBoxManageSnapshot.cpp: `edit <name|uuid|--current> [--name N] [--description D]`, options matched with
      // strcmp (so no `--name=N`), each taking the next argument; nothing printed on success.
      if (!rest[0]) io.syntax("Missing snapshot name.");
      const changes = {};
      for (let i = 1; i < rest.length; i++) {
        const field = ["--name", "-name", "-newname"].includes(rest[i]) ? "name" : ["--description", "-description", "-desc"].includes(rest[i]) ? "description" : null;
        if (!field) io.fail(`Invalid parameter '${rest[i]}'`);
        if (i + 1 >= rest.length) io.fail(`Missing argument to '${rest[i]}'`);
        changes[field] = rest[++i];
      }
      const s = ["--current", "-current"].includes(rest[0]) ? currentSnapshot(io, vm) : findSnapshot(io, vm, rest[0]);
      Object.assign(s, changes);
      return;
    }
    case "list": {
      if (vm.snapshots.length === 0) {
        io.print("This machine does not have any snapshots");
        io.exitCode = 1;
        return;
      }
      if (rest.includes("--machinereadable")) io.print(...snapshotLines(vm));
      else {
        const walk = (s, depth) => {
          io.print(`${"   ".repeat(depth + 1)}Name: ${s.name} (UUID: ${s.uuid})${s.uuid === vm.currentSnapshot ? " *" : ""}`);
          vm.snapshots.filter((c) => c.parent === s.uuid).forEach((c) => walk(c, depth + 1));
        };
        walk(vm.snapshots.find((s) => !s.parent), 0);
      }
      return;
    }
    default:
      io.syntax(`Invalid parameter '${verb}'`);
  }
}

module.exports = { snapshot };
