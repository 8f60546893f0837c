"use strict";
const { load, update, out, err, exit, sleepMs } = require("../lib/state");
const { packages: CATALOG } = require("../lib/catalog");

/** The real text dnf prints when the CentOS mirror network no longer serves a release (EOL). */
function eolFailure(repoId, repoName) {
  out(`${repoName.padEnd(48)}147  B/s |  38  B     00:00`);
  err(`Error: Failed to download metadata for repo '${repoId}': Cannot prepare internal mirrorlist: No URLs in mirrorlist`);
  return exit(1);
}

const metadataLine = () => "Last metadata expiration check: 0:12:31 ago on Mon 15 May 2023 09:00:00 AM UTC.";

/** True when the mirror is dead for the enabled repos (prints the failure). */
function mirrorDead(s) {
  if (s.mirror !== "eol") return false;
  const [id, repo] = Object.entries(s.repos).find(([, r]) => r.enabled) ?? ["baseos", { name: "CentOS Stream 9 - BaseOS" }];
  eolFailure(id, repo.name);
  return true;
}

function nameOf(pkg) {
  return pkg.replace(/\.(noarch|x86_64)$/, "");
}

function install(s, names, assumeYes) {
  if (mirrorDead(s)) return;
  out(metadataLine());
  const missing = names.filter((n) => !s.packages[n] && !(CATALOG[n] && s.repos[CATALOG[n].repo]?.enabled));
  if (missing.length) {
    missing.forEach((n) => out(`No match for argument: ${n}`));
    err(`Error: Unable to find a match: ${missing.join(" ")}`);
    return exit(1);
  }
  const todo = names.filter((n) => !s.packages[n]);
  names.filter((n) => s.packages[n]).forEach((n) => out(`Package ${n}-${s.packages[n]} is already installed.`));
  for (const n of todo) {
    const lackingRepo = (CATALOG[n].needsRepos ?? []).find((r) => !s.repos[r]?.enabled);
    if (lackingRepo) {
      err("Error: \n Problem: cannot install the best candidate for the job");
      err(`  - nothing provides ${CATALOG[n].missingDep ?? "a dependency"} needed by ${n}-${CATALOG[n].version}`);
      err("(try to add '--skip-broken' to skip uninstallable packages or '--nobest' to use not only best candidate packages)");
      return exit(1);
    }
  }
  out("Dependencies resolved.");
  if (todo.length === 0) {
    out("Nothing to do.");
    out("Complete!");
    return exit(0);
  }
  out("Transaction Summary");
  out("================================================================================");
  out(`Install  ${todo.length} Package${todo.length > 1 ? "s" : ""}`);
  out("");
  if (!assumeYes) {
    out("Is this ok [y/N]: Operation aborted.");
    return exit(1);
  }
  for (const n of todo) {
    const p = CATALOG[n];
    s.packages[n] = p.version;
    for (const u of p.units ?? []) s.services[u] ??= { active: false, enabled: "disabled" };
    for (const [id, name] of Object.entries(p.addsRepos ?? {})) s.repos[id] = { name, enabled: true };
  }
  out("Installed:");
  todo.forEach((n) => out(`  ${n}-${CATALOG[n].version}`));
  out("");
  out("Complete!");
  exit(0);
}

function listInstalled(s, names) {
  const rows = Object.entries(s.packages).filter(([n]) => names.length === 0 || names.includes(n));
  if (rows.length === 0) {
    err("Error: No matching Packages to list");
    return exit(1);
  }
  out("Installed Packages");
  for (const [n, v] of rows) {
    const m = /^(.*)\.(noarch|x86_64)$/.exec(v) ?? [v, v, "x86_64"];
    out(`${`${n}.${m[2]}`.padEnd(40)}${m[1].padEnd(30)}@${CATALOG[n]?.repo ?? "anaconda"}`);
  }
  exit(0);
}

function repolist(s, all) {
  out(`${"repo id".padEnd(32)}repo name${all ? "".padEnd(40) + "status" : ""}`);
  for (const [id, r] of Object.entries(s.repos)) {
    if (!all && !r.enabled) continue;
    out(`${id.padEnd(32)}${all ? r.name.padEnd(49) + (r.enabled ? "enabled" : "disabled") : r.name}`);
  }
  exit(0);
}

function configManager(s, args) {
  let mode;
  for (const a of args) {
    if (a === "--set-enabled" || a === "--enable") mode = true;
    else if (a === "--set-disabled" || a === "--disable") mode = false;
    else if (!a.startsWith("-") && mode !== undefined) {
      if (!s.repos[a]) {
        err(`Error: No matching repo to modify: ${a}.`);
        return exit(1);
      }
      s.repos[a].enabled = mode;
    }
  }
  exit(0);
}

function main(args) {
  const assumeYes = args.includes("-y") || args.includes("--assumeyes");
  const words = args.filter((a) => !a.startsWith("-") || a === "--set-enabled" || a === "--enable" || a === "--set-disabled" || a === "--disable");
  const verb = words[0];
  if (verb === "install") while (load().dnfStall) sleepMs(100);
  update((s) => {
    switch (verb) {
      case "install":
        return install(s, words.slice(1).map(nameOf), assumeYes);
      case "list":
        if (words[1] !== "installed") return err(`stand-in dnf: only "dnf list installed" is simulated`), exit(1);
        return listInstalled(s, words.slice(2));
      case "repolist":
        return repolist(s, words[1] === "all" || args.includes("--all"));
      case "config-manager":
        return configManager(s, words.slice(1));
      case "makecache":
      case "update":
      case "upgrade":
        if (mirrorDead(s)) return;
        out(metadataLine());
        if (verb === "makecache") return out("Metadata cache created."), exit(0);
        out("Dependencies resolved.");
        out("Nothing to do.");
        out("Complete!");
        return exit(0);
      case "clean":
        out("0 files removed");
        return exit(0);
      default:
        err(`No such command: ${verb ?? ""}. Please use /usr/bin/dnf --help`);
        return exit(1);
    }
  });
}

module.exports = { main };
