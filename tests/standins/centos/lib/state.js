"use strict";
/**
 * Shared by every CentOS stand-in: the guest's state (state.json in $OSLAB_GUEST_STATE, written by
 * tests/support/guest), the call log (calls.jsonl, one JSON line per call) and small output helpers.
 * The lock protocol (mkdir state.lock) is the same one tests/support/guest/state.ts uses.
 */
const fs = require("fs");
const path = require("path");

const dir = process.env.OSLAB_GUEST_STATE;
if (!dir) {
  process.stderr.write("stand-in: OSLAB_GUEST_STATE is not set (run inside a guest from tests/support/guest)\n");
  process.exit(70);
}
const statePath = path.join(dir, "state.json");
const lockPath = path.join(dir, "state.lock");

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(fn) {
  const until = Date.now() + 10000;
  for (;;) {
    try {
      fs.mkdirSync(lockPath);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      if (Date.now() > until) fs.rmSync(lockPath, { recursive: true, force: true }); // a holder was killed
      sleepMs(5);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockPath, { recursive: true, force: true });
  }
}

function load() {
  return JSON.parse(fs.readFileSync(statePath, "utf8"));
}

function save(state) {
  const tmp = `${statePath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, statePath);
}

/** Read-modify-write under the lock; returns what fn returns. */
function update(fn) {
  return withLock(() => {
    const s = load();
    const r = fn(s);
    save(s);
    return r;
  });
}

function record(cmd, args) {
  const line = JSON.stringify({ cmd, args, argv: [cmd, ...args], at: new Date().toISOString(), pid: process.pid }) + "\n";
  fs.appendFileSync(path.join(dir, "calls.jsonl"), line);
}

function out(text) {
  process.stdout.write(text.endsWith("\n") ? text : text + "\n");
}

function err(text) {
  process.stderr.write(text.endsWith("\n") ? text : text + "\n");
}

/** Exit after stdout/stderr drained (process.exit can cut piped output short). */
function exit(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

function fail(text, code) {
  err(text);
  exit(code);
}

module.exports = { dir, load, save, update, record, out, err, exit, fail, sleepMs };
