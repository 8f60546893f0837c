"use strict";
const { load, update, out, err, exit } = require("../lib/state");

const DESCRIPTIONS = {
  firewalld: "firewalld - dynamic firewall daemon",
  NetworkManager: "Network Manager",
  network: "LSB: Bring up/down networking",
  sshd: "OpenSSH server daemon",
  chronyd: "NTP client/server",
};

const unitName = (u) => u.replace(/\.service$/, "");
const OPTIONS_WITH_VALUE = new Set(["-t", "--type", "-p", "--property", "-n", "--lines", "-o", "--output", "-H", "--host"]);

function parse(args) {
  const flags = new Set();
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (OPTIONS_WITH_VALUE.has(a)) i++;
    else if (a.startsWith("-")) flags.add(a);
    else words.push(a);
  }
  return { flags, verb: words[0], units: words.slice(1).map(unitName) };
}

function main(args) {
  const { flags, verb, units } = parse(args);
  const quiet = flags.has("-q") || flags.has("--quiet");
  const now = flags.has("--now");
  switch (verb) {
    case "is-active": {
      const s = load();
      const states = units.map((u) => (s.services[u]?.active ? "active" : "inactive"));
      if (!quiet) states.forEach((x) => out(x));
      return exit(states.every((x) => x === "active") ? 0 : 3);
    }
    case "is-enabled": {
      const s = load();
      let code = 0;
      for (const u of units) {
        const svc = s.services[u];
        if (!svc) {
          err(`Failed to get unit file state for ${u}.service: No such file or directory`);
          code = 1;
          continue;
        }
        if (!quiet) out(svc.enabled);
        if (svc.enabled !== "enabled") code = 1;
      }
      return exit(code);
    }
    case "start":
    case "restart":
    case "reload-or-restart":
    case "try-restart":
      return change(units, (svc, u) => {
        if (svc.enabled === "masked") return [`Failed to ${verb} ${u}.service: Unit ${u}.service is masked.`, 1];
        svc.active = true;
      }, `Failed to ${verb} %u.service: Unit %u.service not found.`, 5);
    case "stop":
      return change(units, (svc) => {
        svc.active = false;
      }, "Failed to stop %u.service: Unit %u.service not loaded.", 5);
    case "enable":
      return change(units, (svc, u) => {
        if (svc.enabled === "masked") return [`Failed to enable unit: Unit file /etc/systemd/system/${u}.service is masked.`, 1];
        if (svc.enabled !== "enabled") err(`Created symlink /etc/systemd/system/multi-user.target.wants/${u}.service \u2192 /usr/lib/systemd/system/${u}.service.`);
        svc.enabled = "enabled";
        if (now) svc.active = true;
      }, "Failed to enable unit: Unit file %u.service does not exist.", 1);
    case "disable":
      return change(units, (svc, u) => {
        if (svc.enabled === "enabled") err(`Removed "/etc/systemd/system/multi-user.target.wants/${u}.service".`);
        if (svc.enabled !== "masked") svc.enabled = "disabled";
        if (now) svc.active = false;
      }, "Failed to disable unit: Unit file %u.service does not exist.", 1);
    case "mask":
      return update((s) => {
        for (const u of units) {
          const svc = (s.services[u] ??= { active: false, enabled: "disabled" });
          if (svc.enabled !== "masked") err(`Created symlink /etc/systemd/system/${u}.service \u2192 /dev/null.`);
          svc.enabled = "masked";
          if (now) svc.active = false;
        }
        exit(0);
      });
    case "unmask":
      return update((s) => {
        for (const u of units) {
          const svc = s.services[u];
          if (svc?.enabled === "masked") {
            err(`Removed "/etc/systemd/system/${u}.service".`);
            svc.enabled = "disabled";
          }
        }
        exit(0);
      });
    case "status":
      return status(units);
    case "daemon-reload":
      return exit(0);
    case "reboot":
      return require("./reboot").main([]);
    default:
      return err(verb ? `Unknown command verb ${verb}.` : "Too few arguments."), exit(1);
  }
}

/** Applies fn to each existing unit under the state lock; a missing unit prints `missing` and sets `missingCode`. */
function change(units, fn, missing, missingCode) {
  if (units.length === 0) return err("Too few arguments."), exit(1);
  update((s) => {
    let code = 0;
    for (const u of units) {
      const svc = s.services[u];
      if (!svc) {
        err(missing.replace(/%u/g, u));
        code = missingCode;
        continue;
      }
      const r = fn(svc, u);
      if (r) {
        err(r[0]);
        code = r[1];
      }
    }
    exit(code);
  });
}

function status(units) {
  const s = load();
  let code = 0;
  units.forEach((u, i) => {
    const svc = s.services[u];
    if (!svc) {
      err(`Unit ${u}.service could not be found.`);
      code = 4;
      return;
    }
    if (i > 0) out("");
    const since = new Date(s.bootedAt ?? Date.now()).toUTCString();
    out(`${svc.active ? "\u25cf" : "\u25cb"} ${u}.service - ${DESCRIPTIONS[u] ?? u}`);
    out(`     Loaded: ${svc.enabled === "masked" ? "masked (Reason: Unit " + u + ".service is masked.)" : `loaded (/usr/lib/systemd/system/${u}.service; ${svc.enabled}; preset: disabled)`}`);
    out(`     Active: ${svc.active ? `active (running) since ${since}` : "inactive (dead)"}`);
    if (!svc.active && code === 0) code = 3;
  });
  exit(code);
}

module.exports = { main };
