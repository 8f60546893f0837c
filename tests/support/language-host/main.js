#!/usr/bin/env node
/**
 * TEST STAND-IN for Pulumi's Node.js language host (`pulumi-language-nodejs`), which is a Go program the Go module
 * proxy reachable here does not serve. scripts/pulumi-cli.sh installs a launcher of this file beside the real CLI,
 * so `pulumi up` in a program folder runs the program the way a normal Pulumi install does. README.md beside this
 * file lists what it does like the Go host (sdk/nodejs/cmd/pulumi-language-nodejs/main.go) and what it leaves out.
 *
 *   pulumi-language-nodejs [-tracing ADDR] [-runtime nodejs] [-version] ENGINE_ADDRESS
 *
 * Prints the port of its LanguageRuntime gRPC server on stdout (first line), as the Go host does, then serves.
 * Plain JavaScript on purpose: it runs without a build step.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const grpc = require("@grpc/grpc-js");
const languageGrpc = require("@pulumi/pulumi/proto/language_grpc_pb.js");
const languagePb = require("@pulumi/pulumi/proto/language_pb.js");
const pluginPb = require("@pulumi/pulumi/proto/plugin_pb.js");
const emptyPb = require("google-protobuf/google/protobuf/empty_pb.js");

/** The Go host's defaultRunPath (PULUMI_LANGUAGE_NODEJS_RUN_PATH overrides it there too). */
const DEFAULT_RUN_PATH = "@pulumi/pulumi/cmd/run";
/** The Go host's nodeJSProcessExitedAfterShowingUserActionableMessage. */
const EXIT_ACTIONABLE = 32;

function parseArgs(argv) {
  const out = { tracing: "", runtime: "nodejs", version: false, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?(tracing|runtime|version)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.positional.push(a);
      continue;
    }
    if (m[1] === "version") out.version = true;
    else out[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  return out;
}

/** Options of Pulumi.yaml's `runtime.options`, as the Go host's parseOptions reads them (typescript defaults to true). */
function parseOptions(options) {
  const o = { typescript: true, tsconfigpath: "", nodeargs: "", packagemanager: "auto", production: false };
  if ("typescript" in options) {
    if (typeof options.typescript !== "boolean") throw new Error("typescript option must be a boolean");
    o.typescript = options.typescript;
  }
  if ("tsconfig" in options) {
    if (typeof options.tsconfig !== "string") throw new Error("tsconfigpath option must be a string");
    o.tsconfigpath = options.tsconfig;
  }
  if ("nodeargs" in options) {
    if (typeof options.nodeargs !== "string") throw new Error("nodeargs option must be a string");
    o.nodeargs = options.nodeargs;
  }
  if ("production" in options) {
    if (typeof options.production !== "boolean") throw new Error("production option must be a boolean");
    o.production = options.production;
  }
  if ("packagemanager" in options) {
    if (!["auto", "npm", "yarn", "pnpm", "bun"].includes(options.packagemanager)) {
      throw new Error(`packagemanager option must be one of auto, npm, yarn, pnpm or bun, got ${JSON.stringify(options.packagemanager)}`);
    }
    o.packagemanager = options.packagemanager;
  }
  return o;
}

/** shlex.Split as the Go host uses it for `nodeargs`: whitespace-separated words, with '...', "..." and \ escapes. */
function shlexSplit(s) {
  const words = [];
  let cur = null;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      if (cur !== null) words.push(cur);
      cur = null;
      i++;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error("EOF found when expecting closing quote");
      cur = (cur ?? "") + s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let v = "";
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\" && j + 1 < s.length && '"\\$`\n'.includes(s[j + 1])) j++;
        v += s[j++];
      }
      if (j >= s.length) throw new Error("EOF found when expecting closing quote");
      cur = (cur ?? "") + v;
      i = j + 1;
    } else if (c === "\\") {
      if (i + 1 >= s.length) throw new Error("EOF found after escape character");
      cur = (cur ?? "") + s[i + 1];
      i += 2;
    } else {
      cur = (cur ?? "") + c;
      i++;
    }
  }
  if (cur !== null) words.push(cur);
  return words;
}

/** `<namespace>:<name>` -> `<namespace>:config:<name>`, the Go host's constructConfig (config.ParseKey). */
function constructConfig(configMap) {
  const out = {};
  for (const [k, v] of configMap) {
    const parts = k.split(":");
    let ns;
    let name;
    if (parts.length === 2) [ns, name] = parts;
    else if (parts.length === 3 && parts[1] === "config") [ns, , name] = parts;
    else throw new Error(`could not parse ${k} as a configuration key (configuration keys should be of the form \`<namespace>:<name>\`)`);
    out[`${ns}:config:${name}`] = v;
  }
  return JSON.stringify(out);
}

/** The plugin name of a package.json that declares `pulumi.resource` (the Go host's getPluginName). */
function pluginName(info) {
  if (info.pulumi.name) return info.pulumi.name;
  if (!info.name) throw new Error('missing expected "name" property');
  if (info.name.startsWith("@pulumi/")) return info.name.slice("@pulumi/".length);
  throw new Error(`Missing property "name" for the third-party plugin '${info.name}' inside package.json under the "pulumi" section.`);
}

function pluginVersion(info) {
  const v = info.pulumi.version || info.version;
  if (!v) throw new Error('Missing expected "version" property');
  return v.startsWith("v") ? v : `v${v}`;
}

/**
 * The Go host's getPackagesFromDir: every package.json inside a node_modules folder under the program directory,
 * deeply, symlinks followed once, policy packs (a PulumiPolicy.yaml) skipped; those with `pulumi.resource: true`
 * are resource plugins the program needs. Errors are collected, the packages found are returned anyway.
 */
function packagesFromDir(dir, inNodeModules, visited, errors, pulumiVersions) {
  dir = path.resolve(dir);
  if (visited.has(dir)) return [];
  visited.add(dir);
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(`reading plugin dir ${dir}: ${e.message}`);
    return [];
  }
  const found = [];
  for (const e of entries) {
    let curr = path.join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        curr = fs.realpathSync(curr);
        isDir = fs.statSync(curr).isDirectory();
      } catch (err) {
        errors.push(`resolving link in plugin dir ${curr}: ${err.message}`);
        continue;
      }
    }
    if (isDir) {
      if (["PulumiPolicy.yaml", "PulumiPolicy.yml"].some((f) => fs.existsSync(path.join(curr, f)))) continue;
      found.push(...packagesFromDir(curr, inNodeModules || path.basename(dir) === "node_modules", visited, errors, pulumiVersions));
    } else if (inNodeModules && e.name === "package.json") {
      let info;
      try {
        info = JSON.parse(fs.readFileSync(curr, "utf8"));
      } catch (err) {
        errors.push(`unmarshaling package.json ${curr}: ${err.message}`);
        continue;
      }
      if (info.name === "@pulumi/pulumi" && typeof info.version === "string") pulumiVersions.set(curr, info.version);
      const pulumi = info.pulumi && typeof info.pulumi === "object" ? info.pulumi : {};
      if (pulumi.resource !== true) continue;
      try {
        const dep = new pluginPb.PackageDependency();
        dep.setName(pluginName({ ...info, pulumi }));
        dep.setKind("resource");
        dep.setVersion(pluginVersion({ ...info, pulumi }));
        dep.setServer(pulumi.server || "");
        const param = pulumi.parameterization;
        if (param) {
          const p = new pluginPb.PackageParameterization();
          p.setName(param.name || "");
          p.setVersion(param.version || "");
          p.setValue(Buffer.from(param.value || "", "base64"));
          dep.setParameterization(p);
        }
        found.push(dep);
      } catch (err) {
        errors.push(`unmarshaling package.json ${curr}: ${err.message}`);
      }
    }
  }
  return found;
}

/** The Go host's locateModule: `require.resolve(mod)` run by node in the program directory. */
function locateModule(mod, programDir, nodeBin) {
  const script =
    `try { console.log(require.resolve(${JSON.stringify(mod)})); } catch (error) {` +
    ` if (error.code === 'MODULE_NOT_FOUND') { console.error("It looks like the Pulumi SDK has not been installed. Have you run pulumi install?") }` +
    ` else { console.error(error.message); } process.exit(1); }`;
  const r = spawnSync(nodeBin, ["-e", script], { cwd: programDir, encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** `node` on PATH, as exec.LookPath finds it. */
function lookPath(name) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

class LanguageHost {
  constructor(engineAddress, tracing) {
    this.engineAddress = engineAddress;
    this.tracing = tracing;
    this.children = new Set();
  }

  handshake(call, cb) {
    this.engineAddress = call.request.getEngineAddress();
    cb(null, new languagePb.LanguageHandshakeResponse());
  }

  getRequiredPlugins(call, cb) {
    cb({ code: grpc.status.UNIMPLEMENTED, details: "method GetRequiredPlugins not implemented" });
  }

  getRequiredPackages(call, cb) {
    const info = call.request.getInfo();
    const errors = [];
    const versions = new Map();
    const packages = packagesFromDir(info.getProgramDirectory(), false, new Set(), errors, versions);
    const majorMinor = new Set([...versions.values()].map((v) => v.split(".").slice(0, 2).join(".")));
    if (majorMinor.size > 1) {
      process.stderr.write(`Found incompatible versions of @pulumi/pulumi.\n${[...versions].map(([p, v]) => `  Version ${v} referenced at ${p}`).join("\n")}\n`);
    }
    const res = new languagePb.GetRequiredPackagesResponse();
    res.setPackagesList(packages);
    cb(null, res);
  }

  run(call, cb) {
    this.doRun(call.request).then(
      (r) => cb(null, r),
      (e) => cb({ code: grpc.status.UNKNOWN, details: e.message }),
    );
  }

  async doRun(req) {
    const response = (error, bail = false) => {
      const r = new languagePb.RunResponse();
      r.setError(error);
      r.setBail(bail);
      return r;
    };
    if (!this.engineAddress) throw new Error("when debugging or running explicitly, must call Handshake before Run");
    const info = req.getInfo();
    const programDir = info.getProgramDirectory();
    const nodeBin = lookPath("node");
    if (!nodeBin) return response(`could not find node on the $PATH: exec: "node": executable file not found in $PATH`);
    let runPath;
    try {
      runPath = locateModule(process.env.PULUMI_LANGUAGE_NODEJS_RUN_PATH || DEFAULT_RUN_PATH, programDir, nodeBin);
    } catch (e) {
      return response(e.message);
    }

    // constructArguments. The Go host gives --monitor the address of a proxy of its own (and --sync a pipe folder
    // for synchronous invokes); this stand-in gives the engine's monitor itself: see README.md.
    const args = [runPath];
    const maybe = (k, v) => {
      if (v !== "" && v !== undefined && v !== null) args.push(`--${k}`, String(v));
    };
    maybe("monitor", req.getMonitorAddress());
    maybe("engine", this.engineAddress);
    maybe("organization", req.getOrganization());
    maybe("project", req.getProject());
    maybe("root-directory", info.getRootDirectory());
    maybe("stack", req.getStack());
    maybe("pwd", programDir);
    if (req.getDryrun()) args.push("--dry-run");
    maybe("parallel", String(req.getParallel()));
    maybe("tracing", this.tracing);
    args.push(info.getEntryPoint());
    args.push(...req.getArgsList());

    let config;
    try {
      config = constructConfig(req.getConfigMap().toArray());
    } catch (e) {
      return response(`failed to serialize configuration: ${e.message}`);
    }
    const env = { ...process.env, PULUMI_CONFIG: config, PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()) };
    let opts;
    try {
      opts = parseOptions(info.getOptions() ? info.getOptions().toJavaScript() : {});
    } catch (e) {
      return response(e.message);
    }
    if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (opts.tsconfigpath) env.PULUMI_NODEJS_TSCONFIG_PATH = opts.tsconfigpath;
    let nodeArgs;
    try {
      nodeArgs = shlexSplit(opts.nodeargs);
    } catch (e) {
      return response(e.message);
    }
    if (req.getAttachDebugger()) return response("this language host stand-in does not attach debuggers (see its README)");

    // stdout and stderr go straight to ours, which the engine shows, as the Go host wires them.
    const child = spawn(nodeBin, [...nodeArgs, ...args], { env, stdio: ["ignore", "inherit", "pipe"] });
    this.children.add(child);
    let stderrTail = "";
    child.stderr.on("data", (d) => {
      process.stderr.write(d);
      stderrTail = (stderrTail + d.toString()).slice(-8192);
    });
    const result = await new Promise((resolve) => {
      child.on("error", (e) => resolve({ error: e }));
      child.on("close", (code, signal) => resolve({ code, signal }));
    });
    this.children.delete(child);
    if (result.error) return response(`Problem executing program (could not run language executor): ${result.error.message}`);
    if (result.code === 0) return response("");
    if (result.code === EXIT_ACTIONABLE) return response("", true);
    if (result.code === null) return response(`Program exited unexpectedly: signal: ${result.signal}`);
    const oom = /JavaScript heap out of memory|FATAL ERROR: .*allocation failed/.test(stderrTail);
    return response(`Program exited with non-zero exit code: ${result.code}${oom ? ". Detected a possible out of memory error. Consider increasing the memory available to the nodejs process by setting the `NODE_OPTIONS` environment variable, for example `NODE_OPTIONS=--max-old-space-size=4096`" : ""}`);
  }

  getPluginInfo(call, cb) {
    const r = new pluginPb.PluginInfo();
    r.setVersion(process.env.OSLAB_LANGUAGE_HOST_VERSION || "");
    cb(null, r);
  }

  /** `npm install` in the program folder (a no-op without a package.json), output streamed back. */
  installDependencies(call) {
    const info = call.request.getInfo();
    const dir = (info && info.getProgramDirectory()) || call.request.getDirectory();
    const send = (stream, data) => {
      const r = new languagePb.InstallDependenciesResponse();
      if (stream === "stdout") r.setStdout(Buffer.from(data));
      else r.setStderr(Buffer.from(data));
      call.write(r);
    };
    send("stdout", "Installing dependencies...\n\n");
    if (!fs.existsSync(path.join(dir, "package.json"))) {
      send("stdout", "Finished installing dependencies\n\n");
      call.end();
      return;
    }
    let opts;
    try {
      opts = parseOptions(info && info.getOptions() ? info.getOptions().toJavaScript() : {});
    } catch (e) {
      call.destroy({ code: grpc.status.UNKNOWN, details: `failed to parse options: ${e.message}` });
      return;
    }
    const npm = lookPath("npm");
    if (!npm) {
      call.destroy({ code: grpc.status.UNKNOWN, details: "could not find npm on the $PATH" });
      return;
    }
    const args = ["install", "--loglevel=error", "--no-fund", "--no-audit"];
    if (opts.production) args.push("--omit=dev");
    const child = spawn(npm, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d) => send("stdout", d));
    child.stderr.on("data", (d) => send("stderr", d));
    child.on("close", (code) => {
      if (code !== 0) {
        call.destroy({ code: grpc.status.UNKNOWN, details: `npm install failed: exit code ${code}` });
        return;
      }
      send("stdout", "Finished installing dependencies\n\n");
      call.end();
    });
  }

  about(call, cb) {
    const r = new languagePb.AboutResponse();
    const node = lookPath("node");
    r.setExecutable(node || "");
    r.setVersion(node ? spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim() : "");
    cb(null, r);
  }

  /** The dependencies named in the program's package.json, with the installed versions. */
  getProgramDependencies(call, cb) {
    const info = call.request.getInfo();
    const dir = info ? info.getProgramDirectory() : call.request.getPwd();
    const r = new languagePb.GetProgramDependenciesResponse();
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      for (const name of Object.keys({ ...(pkg.dependencies || {}), ...(pkg.devDependencies || {}) }).sort()) {
        const d = new languagePb.DependencyInfo();
        d.setName(name);
        try {
          d.setVersion(JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version);
        } catch {
          d.setVersion("");
        }
        r.addDependencies(d);
      }
    } catch {
      /* no package.json: no dependencies */
    }
    cb(null, r);
  }

  /** The engine's Cancel: the running programs get SIGINT, as exec.CommandContext's Cancel sends. */
  cancel(call, cb) {
    for (const c of this.children) c.kill("SIGINT");
    cb(null, new emptyPb.Empty());
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.version) {
    console.log(process.env.OSLAB_LANGUAGE_HOST_VERSION || "");
    return;
  }
  if (opts.runtime !== "nodejs") {
    console.error(`unsupported runtime: ${opts.runtime} (this stand-in runs nodejs only)`);
    process.exit(1);
  }
  const host = new LanguageHost(opts.positional[0] || "", opts.tracing);
  const impl = {};
  for (const name of ["handshake", "getRequiredPlugins", "getRequiredPackages", "run", "getPluginInfo", "installDependencies", "about", "getProgramDependencies", "cancel"]) {
    impl[name] = host[name].bind(host);
  }
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  // Methods not listed (RuntimeOptionsPrompts, Template, RunPlugin, Generate*, Pack, Link) answer Unimplemented.
  server.addService(languageGrpc.LanguageRuntimeService, impl);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(`could not start language host RPC server: ${err.message}`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
  // The Go host stops serving on SIGINT (the CLI's Ctrl-C); the programs it started get theirs from the terminal.
  process.on("SIGINT", () => server.tryShutdown(() => process.exit(0)));
  process.on("SIGTERM", () => process.exit(0));
  // The Go host health-checks the engine and stops when it is gone; this one stops when the CLI that started it is
  // gone (a killed CLI leaves no host behind).
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 1000).unref();
}

if (require.main === module) main();
module.exports = { parseOptions, shlexSplit, constructConfig, packagesFromDir };
