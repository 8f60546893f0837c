"use strict";
/** Output helpers: program name, line endings, VBoxManage's error format, exit codes. */

class Exit extends Error {
  constructor(code) {
    super(`exit ${code}`);
    this.code = code;
  }
}

function createIo(windows) {
  const eol = windows ? "\r\n" : "\n";
  const prog = windows ? "VBoxManage.exe" : "VBoxManage";
  const callee = windows ? "IUnknown" : "nsISupports";
  let out = "";
  let err = "";
  const toEol = (s) => s.replace(/\r?\n/g, eol);
  const io = {
    windows,
    prog,
    callee,
    /** stdout lines (each gets an EOL). */
    print(...lines) {
      for (const l of lines) out += toEol(l) + eol;
    },
    /** stderr text as-is (EOL converted). */
    stderr(text) {
      err += toEol(text);
    },
    progress() {
      err += "0%...10%...20%...30%...40%...50%...60%...70%...80%...90%...100%" + eol;
    },
    info(line) {
      io.print(`${prog}: info: ${line}`);
    },
    /** `VBoxManage: error: <message>` (+ Details + Context), exit code 1 unless given. */
    fail(message, opts = {}) {
      err += `${prog}: error: ${toEol(message).split(eol).join(eol + prog + ": error: ")}${eol}`;
      if (opts.details) {
        const [code, component, iface] = opts.details;
        err += `${prog}: error: Details: code ${code}, component ${component}, interface ${iface}, callee ${callee}${eol}`;
      }
      if (opts.context) err += `${prog}: error: Context: ${opts.context}${eol}`;
      if (opts.usage) err += `${eol}Usage:${eol}${eol}${opts.usage}${eol}`;
      throw new Exit(opts.exit ?? 1);
    },
    syntax(message, usage) {
      io.fail(message, { exit: 2, usage });
    },
    flush() {
      if (out) process.stdout.write(out);
      if (err) process.stderr.write(err);
      out = "";
      err = "";
    },
  };
  return io;
}

/** E_INVALIDARG is shown as NS_ERROR_INVALID_ARG outside Windows. */
function invalidArg(io) {
  return io.windows ? "E_INVALIDARG (0x80070057)" : "NS_ERROR_INVALID_ARG (0x80070057)";
}

module.exports = { Exit, createIo, invalidArg };
