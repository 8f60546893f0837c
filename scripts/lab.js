#!/usr/bin/env node
// `npm run lab [-- <verb> ...]`: the lab's entry on every shell (PowerShell, cmd, bash, zsh), with nothing but
// Node: `npm ci` when node_modules is missing, `npm run build` when bin/ is missing or older than the sources,
// then bin/cli/main.js with the remaining arguments. Processes are spawned without a shell (arguments stay whole).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const repo = path.resolve(__dirname, "..");
const SOURCES = ["index.ts", "cli", "provider", "sdk", "tsconfig.json", "package.json"];

/** npm itself: npm-cli.js beside this Node (every official install has it: <dir>\\node_modules on Windows,
 * <prefix>/lib/node_modules elsewhere), else npm_execpath, else npm.cmd / npm. Returns [exe, leading args]. */
function npmCommand(execPath = process.execPath, platform = process.platform, env = process.env, exists = fs.existsSync) {
  const p = platform === "win32" ? path.win32 : path.posix;
  const dir = p.dirname(execPath);
  const cli = platform === "win32" ? p.join(dir, "node_modules", "npm", "bin", "npm-cli.js") : p.join(dir, "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
  if (exists(cli)) return [execPath, [cli]];
  if (env.npm_execpath && /\.c?js$/.test(env.npm_execpath) && exists(env.npm_execpath)) return [execPath, [env.npm_execpath]];
  return [platform === "win32" ? "npm.cmd" : "npm", []];
}

function run(exe, args, what) {
  const r = spawnSync(exe, args, { cwd: repo, stdio: "inherit", shell: false, windowsHide: true });
  if (r.error || r.status !== 0) {
    process.stderr.write(`npm run lab: ${what} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}\n`);
    process.exit(r.status || 1);
  }
}

/** Newest modification time of the sources (.ts files, configs), in ms. */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return /\.(ts|json)$/.test(p) ? st.mtimeMs : 0;
  let max = 0;
  for (const e of fs.readdirSync(p)) if (e !== "node_modules") max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function needsBuild(root = repo) {
  const main = path.join(root, "bin", "cli", "main.js");
  if (!fs.existsSync(main)) return true;
  const built = fs.statSync(main).mtimeMs;
  const binIndex = path.join(root, "bin", "index.js");
  const oldest = fs.existsSync(binIndex) ? Math.min(built, fs.statSync(binIndex).mtimeMs) : 0;
  return SOURCES.some((s) => newest(path.join(root, s)) > oldest);
}

/** Why `npm ci` must run: node_modules missing, or package-lock.json changed since the last install (a git pull
 * with new dependencies; npm writes node_modules/.package-lock.json on each install). Null when up to date. */
function needsInstall(root = repo) {
  if (!fs.existsSync(path.join(root, "node_modules", "@pulumi", "pulumi"))) return "node_modules is missing";
  const lock = path.join(root, "package-lock.json");
  const installed = path.join(root, "node_modules", ".package-lock.json");
  if (!fs.existsSync(lock)) return null;
  if (!fs.existsSync(installed)) return "node_modules was not installed by npm ci";
  return fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs ? "package-lock.json is newer than node_modules (a git pull?)" : null;
}

function main() {
  const [npm, npmArgs] = npmCommand();
  const why = needsInstall();
  if (why) {
    process.stdout.write(`==> installing npm packages (npm ci: ${why})\n`);
    run(npm, [...npmArgs, "ci", "--no-audit", "--no-fund"], "npm ci");
  }
  if (needsBuild()) {
    process.stdout.write("==> building the library (npm run build)\n");
    run(npm, [...npmArgs, "run", "build"], "npm run build");
  }
  // Ctrl-C reaches the whole process group: this process stays to hand on the lab's own exit code (the lab waits
  // for the engine to stop and says where things are)
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => undefined);
  const r = spawnSync(process.execPath, [path.join(repo, "bin", "cli", "main.js"), ...process.argv.slice(2)], { stdio: "inherit", shell: false, windowsHide: true });
  process.exit(r.status === null ? (r.signal === "SIGINT" ? 130 : 1) : r.status);
}

if (require.main === module) main();
module.exports = { npmCommand, needsBuild, needsInstall };
