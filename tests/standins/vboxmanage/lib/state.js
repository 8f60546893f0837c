"use strict";
/** JSON state in $VBOX_STANDIN_STATE, guarded by a lock directory so concurrent invocations serialize. */
const fs = require("fs");
const path = require("path");

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function stateDir() {
  const dir = process.env.VBOX_STANDIN_STATE;
  if (!dir) {
    process.stderr.write("VBoxManage stand-in: set VBOX_STANDIN_STATE to a directory\n");
    process.exit(70);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs fn(state) holding the lock; saves the state afterwards (also when fn throws). */
function withState(dir, fn) {
  const lock = path.join(dir, "state.lock");
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      try {
        // A lock left by a killed process is stale after 10 s.
        if (Date.now() - fs.statSync(lock).mtimeMs > 10000) fs.rmdirSync(lock);
      } catch {
        /* raced with its owner */
      }
      if (Date.now() > deadline) throw new Error("VBoxManage stand-in: state lock timeout");
      sleepMs(5 + Math.floor(Math.random() * 10));
    }
  }
  const file = path.join(dir, "state.json");
  let state;
  try {
    state = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { vms: [], natNetworks: [], media: [] };
    return fn(state);
  } finally {
    if (state) {
      fs.writeFileSync(file + ".tmp", JSON.stringify(state, null, 1));
      fs.renameSync(file + ".tmp", file);
    }
    fs.rmdirSync(lock);
  }
}

module.exports = { stateDir, withState };
