"use strict";
/**
 * `packstack`: --gen-answer-file=F writes a real-format Zed answer file (fresh passwords each time);
 * --answer-file=F (or --allinone) prints Packstack's progress lines over state.packstack.durationMs, then writes
 * /root/keystonerc_admin, /etc/nova/nova.conf, /usr/share/nova/nova-dist.conf and starts the OpenStack units.
 * Failure modes from state.packstack: killConnection ("once"/"always": drop the caller's SSH connection while
 * the controller manifest applies), stall (stop printing until cleared), fail (puppet error text).
 */
const fs = require("fs");
const path = require("path");
const { load, update, out, err } = require("../lib/state");
const { killCallerConnection } = require("../lib/procs");
const { packstackInstalls, unitsFor } = require("../lib/catalog");
const answers = require("../lib/answers");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const WIDTH = 61;
const step = (title, tag = "[ DONE ]") => `${title}${" ".repeat(Math.max(0, WIDTH - title.length - tag.length))}${tag}`;

const PREPARE = [
  "Clean Up", "Discovering ip protocol version", "Setting up ssh keys", "Preparing servers",
  "Pre installing Puppet and discovering hosts' details", "Preparing pre-install entries", "Setting up CACERT",
  "Preparing AMQP entries", "Preparing MariaDB entries", "Fixing Keystone LDAP config parameters to be undef if empty",
  "Preparing Keystone entries", "Preparing Glance entries", "Checking if the Cinder server has a cinder-volumes vg",
  "Preparing Cinder entries", "Preparing Nova API entries", "Creating ssh keys for Nova migration",
  "Gathering ssh host keys for Nova migration", "Preparing Nova Compute entries", "Preparing Nova Scheduler entries",
  "Preparing Nova VNC Proxy entries", "Preparing OpenStack Network-related Nova entries", "Preparing Nova Common entries",
  "Preparing Neutron API entries", "Preparing Neutron L3 entries", "Preparing Neutron L2 Agent entries",
  "Preparing Neutron DHCP Agent entries", "Preparing Neutron Metering Agent entries",
  "Checking if NetworkManager is enabled and running", "Preparing OpenStack Client entries", "Preparing Horizon entries",
  "Preparing Puppet manifests", "Copying Puppet modules and manifests",
];

function option(args, name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1] ?? "";
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

function stamp(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function guestIp(s) {
  const i = Object.entries(s.interfaces).find(([n]) => n !== "lo")?.[1];
  return i?.ipv4?.[0]?.split("/")[0] ?? "10.0.2.15";
}

function genAnswerFile(args, file) {
  const s = load();
  const keys = answers.templateKeys();
  const overrides = {};
  for (const a of args) {
    const m = /^--([a-z0-9-]+)=(.*)$/.exec(a);
    if (!m || m[1] === "gen-answer-file") continue;
    const k = answers.keyForOption(m[1], keys);
    if (k) overrides[k] = m[2];
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, answers.generate(guestIp(s), overrides), { mode: 0o600 });
  update((st) => {
    st.packstack.generated = (st.packstack.generated ?? 0) + 1;
  });
  return 0;
}

function keystonerc(password, authUrl) {
  return [
    "unset OS_SERVICE_TOKEN",
    "    export OS_USERNAME=admin",
    `    export OS_PASSWORD='${password}'`,
    "    export OS_REGION_NAME=RegionOne",
    `    export OS_AUTH_URL=${authUrl}`,
    "    export PS1='[\\u@\\h \\W(keystone_admin)]\\$ '",
    "    ",
    "export OS_PROJECT_NAME=admin",
    "export OS_USER_DOMAIN_NAME=Default",
    "export OS_PROJECT_DOMAIN_NAME=Default",
    "export OS_IDENTITY_API_VERSION=3",
    "",
  ].join("\n");
}

function writeResults(cfg, s) {
  const ip = cfg.CONFIG_CONTROLLER_HOST || guestIp(s);
  const password = s.packstack.adminPassword ?? cfg.CONFIG_KEYSTONE_ADMIN_PW;
  fs.writeFileSync("/root/keystonerc_admin", keystonerc(password, s.packstack.authUrl ?? `http://${ip}:5000/v3`), { mode: 0o600 });
  fs.mkdirSync("/etc/nova", { recursive: true });
  fs.writeFileSync(
    "/etc/nova/nova.conf",
    `[DEFAULT]\nmy_ip=${ip}\nstate_path=/var/lib/nova\nenabled_apis=osapi_compute,metadata\n` +
      `transport_url=rabbit://guest:guest@${ip}:5672/\n\n[api_database]\nconnection=mysql+pymysql://nova_api:${cfg.CONFIG_NOVA_DB_PW}@${ip}/nova_api\n\n` +
      `[database]\nconnection=mysql+pymysql://nova:${cfg.CONFIG_NOVA_DB_PW}@${ip}/nova\n\n[keystone_authtoken]\nwww_authenticate_uri=http://${ip}:5000/\n` +
      `auth_url=http://${ip}:5000\nusername=nova\npassword=${cfg.CONFIG_NOVA_KS_PW}\n\n` +
      // nova_compute_libvirt.pp: CONFIG_NOVA_LIBVIRT_VIRT_TYPE, whose default %{::default_hypervisor} is qemu in a VM
      `[libvirt]\nvirt_type=${!cfg.CONFIG_NOVA_LIBVIRT_VIRT_TYPE || cfg.CONFIG_NOVA_LIBVIRT_VIRT_TYPE.startsWith("%{") ? "qemu" : cfg.CONFIG_NOVA_LIBVIRT_VIRT_TYPE}\n`,
    { mode: 0o640 },
  );
  fs.mkdirSync("/usr/share/nova", { recursive: true });
  fs.writeFileSync(
    "/usr/share/nova/nova-dist.conf",
    "[DEFAULT]\nlog_dir = /var/log/nova\nstate_path = /var/lib/nova\nlock_path = /var/lib/nova/tmp\n" +
      (s.packstack.staleNovaDist ? "\n[database]\nconnection = mysql://nova:nova@localhost/nova\n" : "") +
      "\n[oslo_concurrency]\nlock_path = /var/lib/nova/tmp\n",
    { mode: 0o644 },
  );
}

async function apply(args, answerFile) {
  if (answerFile !== undefined && !fs.existsSync(answerFile)) {
    err(`Error: The answer file ${answerFile} does not exist`);
    return 1;
  }
  const started = load();
  const cfg = answerFile !== undefined ? answers.parse(fs.readFileSync(answerFile, "utf8")) : answers.parse(answers.generate(guestIp(started)));
  const ip = cfg.CONFIG_CONTROLLER_HOST || guestIp(started);
  const run = update((s) => {
    s.packstack.runs = (s.packstack.runs ?? 0) + 1;
    s.packstack.lastRun = { run: s.packstack.runs, answerFile: answerFile ?? null, startedAt: new Date().toISOString(), result: "running" };
    return s.packstack.runs;
  });
  const finish = (result) => update((s) => {
    s.packstack.results = { ...(s.packstack.results ?? {}), [run]: result };
    if (s.packstack.lastRun?.run === run) s.packstack.lastRun = { ...s.packstack.lastRun, result, finishedAt: new Date().toISOString() };
  });
  let broken = false;
  process.stdout.on("error", () => {
    broken = true; // the reader (the SSH channel) is gone: Python's packstack dies on the next print as well
  });
  const print = async (line) => {
    if (broken) {
      finish("interrupted");
      process.exit(1);
    }
    out(line);
    await sleep(0);
  };
  const logDir = `/var/tmp/packstack/${stamp()}-${run}`;
  fs.mkdirSync(`${logDir}/manifests`, { recursive: true });
  fs.writeFileSync(`${logDir}/openstack-setup.log`, `packstack stand-in run ${run}\n`);
  const total = started.packstack.durationMs ?? 1000;
  await print("Welcome to the Packstack setup utility");
  await print("");
  await print(`The installation log file is available at: ${logDir}/openstack-setup.log`);
  await print("");
  await print("Installing:");
  for (const title of PREPARE) {
    await sleep((total * 0.25) / PREPARE.length);
    await print(step(title));
  }
  for (const role of ["controller", "network", "compute"]) {
    await print(`Applying ${ip}_${role}.pp`);
    if (role === "controller") {
      const s = load();
      if (s.packstack.killConnection === "once" || s.packstack.killConnection === "always") {
        if (s.packstack.killConnection === "once") update((x) => void (x.packstack.killConnection = "never"));
        killCallerConnection(s.listenerPid);
        await sleep(200);
      }
      while (load().packstack.stall) await sleep(100);
      const failure = load().packstack.fail;
      if (failure) {
        await sleep(total * 0.1);
        await print(step(`${ip}_controller.pp:`, "[ ERROR ]"));
        await print(step("Applying Puppet manifests", "[ ERROR ]"));
        await print("");
        err(`ERROR : Error appeared during Puppet run: ${ip}_controller.pp`);
        err(failure);
        err(`You will find full trace in log ${logDir}/manifests/${ip}_controller.pp.log`);
        err(`Please check log file ${logDir}/openstack-setup.log for more information`);
        await print("Additional information:");
        await print(` * A new answerfile was created in: /root/packstack-answers-${stamp()}.txt`);
        finish("failed");
        return 1;
      }
    }
    await sleep(total * 0.25);
    await print(step(`${ip}_${role}.pp:`));
  }
  await print(step("Applying Puppet manifests"));
  await print(step("Finalizing"));
  const s = load();
  writeResults(cfg, s);
  update((st) => {
    for (const [p, v] of Object.entries(packstackInstalls)) st.packages[p] = v;
    for (const u of unitsFor(cfg.CONFIG_NEUTRON_L2_AGENT)) st.services[u] = { active: true, enabled: "enabled" };
  });
  await print("");
  await print(" **** Installation completed successfully ******");
  await print("");
  await print("Additional information:");
  if (cfg.CONFIG_NEUTRON_L2_AGENT !== "openvswitch") await print(" * Parameter CONFIG_NEUTRON_L2_AGENT: You have chosen OVN Neutron backend. Note that this backend does not support the VPNaaS plugin. Geneve will be used as the encapsulation method for tenant networks");
  await print(` * File /root/keystonerc_admin has been created on OpenStack client host ${ip}. To use the command line tools you need to source the file.`);
  await print(` * To access the OpenStack Dashboard browse to http://${ip}/dashboard .`);
  await print("Please, find your login credentials stored in the keystonerc_admin in your home directory.");
  await print(` * The installation log file is available at: ${logDir}/openstack-setup.log`);
  await print(` * The generated manifests are available at: ${logDir}/manifests`);
  finish("succeeded");
  return 0;
}

async function run(args) {
  const s = load();
  if (!s.packages["openstack-packstack"]) {
    err("bash: line 1: packstack: command not found");
    return 127;
  }
  const gen = option(args, "gen-answer-file");
  if (gen !== undefined) return genAnswerFile(args, gen);
  const file = option(args, "answer-file");
  if (file !== undefined || args.includes("--allinone")) return apply(args, file);
  err("Usage: packstack [options] [--help]\n\npackstack: error: the stand-in needs --gen-answer-file, --answer-file or --allinone");
  return 2;
}

function main(args) {
  run(args).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      err(`packstack stand-in crashed: ${e.stack ?? e}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { main };
