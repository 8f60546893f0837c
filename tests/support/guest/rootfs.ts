/**
 * The files a guest's sshd sees instead of this machine's: a CentOS Stream 9 flavoured copy of /etc, a home for
 * root, an overlay upper dir for /usr (the CentOS stand-ins on the session PATH, and whatever the guest writes
 * under /usr), a private /var/tmp and /home (users besides root: users.ts), and the stand-ins' state dir.
 * Nothing here touches the host's own files.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** /etc entries never copied: this machine's OpenStack test cloud and services would leak into the "fresh" guest. */
const SKIP_ETC = new Set(["nova", "neutron", "keystone", "glance", "placement", "cinder", "openstack-dashboard", "mysql", "ssh", "os-release", "shadow", "shadow-", "gshadow-"]);

/** Commands the stand-ins provide, first on the session PATH (/usr/local/sbin). */
export const STANDIN_COMMANDS = [
  "systemctl", "dnf", "yum", "rpm", "nmcli", "getenforce", "setenforce", "hostnamectl", "ip", "ping",
  "nproc", "free", "df", "reboot", "shutdown", "curl", "packstack", "openstack",
];

/** Host binaries also shadowed at their absolute path (state-changing ones: a guest must never reach the host's). */
const SHADOWED_ABSOLUTE: Record<string, string> = {
  "bin/systemctl": "systemctl", "bin/hostnamectl": "hostnamectl", "sbin/reboot": "reboot", "sbin/shutdown": "shutdown",
  "sbin/poweroff": "shutdown", "sbin/halt": "shutdown", "sbin/ip": "ip", "bin/ip": "ip",
};

export const STANDINS_DIR = path.resolve(__dirname, "..", "..", "standins", "centos");

export interface GuestLayout {
  dir: string;
  etc: string;
  root: string;
  usrUpper: string;
  usrWork: string;
  varTmp: string;
  varLog: string;
  home: string;
  state: string;
  clientKey: string;
}

export function layout(dir: string): GuestLayout {
  return {
    dir,
    etc: path.join(dir, "etc"),
    root: path.join(dir, "root"),
    usrUpper: path.join(dir, "usr-upper"),
    usrWork: path.join(dir, "usr-work"),
    varTmp: path.join(dir, "var-tmp"),
    varLog: path.join(dir, "var-log"),
    home: path.join(dir, "home"),
    state: path.join(dir, "state"),
    clientKey: path.join(dir, "client_ed25519"),
  };
}

export interface RootOptions {
  hostname: string;
  /** Root's password; also turns on `PermitRootLogin yes` (the drop-in anaconda writes for `rootpw --allow-ssh`). */
  rootPassword?: string;
  sftp: boolean;
}

export function buildRoot(l: GuestLayout, opts: RootOptions): { privateKey: string } {
  for (const d of [l.etc, l.root, l.usrUpper, l.usrWork, l.varTmp, l.varLog, l.home, l.state]) fs.mkdirSync(d, { recursive: true, mode: 0o755 });
  fs.chmodSync(l.root, 0o700);
  fs.chmodSync(l.varTmp, 0o1777);
  copyEtc(l.etc);
  writeCentosFiles(l.etc, opts);
  writeShadow(l.etc, opts.rootPassword);
  writeSshd(l.etc, opts);
  newHostKey(l.etc);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "oslab-test-guest", "-f", l.clientKey]);
  fs.mkdirSync(path.join(l.root, ".ssh"), { mode: 0o700 });
  fs.copyFileSync(`${l.clientKey}.pub`, path.join(l.root, ".ssh", "authorized_keys"));
  fs.chmodSync(path.join(l.root, ".ssh", "authorized_keys"), 0o600);
  writeStandinWrappers(l);
  return { privateKey: fs.readFileSync(l.clientKey, "utf8") };
}

function copyEtc(dest: string): void {
  for (const entry of fs.readdirSync("/etc")) {
    if (SKIP_ETC.has(entry)) continue;
    execFileSync("cp", ["-a", "--", path.join("/etc", entry), dest]);
  }
}

function write(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, text, { mode });
}

function writeCentosFiles(etc: string, opts: RootOptions): void {
  write(
    path.join(etc, "os-release"),
    [
      'NAME="CentOS Stream"', 'VERSION="9"', 'ID="centos"', 'ID_LIKE="rhel fedora"', 'VERSION_ID="9"', 'PLATFORM_ID="platform:el9"',
      'PRETTY_NAME="CentOS Stream 9"', 'ANSI_COLOR="0;31"', 'LOGO="fedora-logo-icon"', 'CPE_NAME="cpe:/o:centos:centos:9"',
      'HOME_URL="https://centos.org/"', 'BUG_REPORT_URL="https://issues.redhat.com/"',
      'REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux 9"', 'REDHAT_SUPPORT_PRODUCT_VERSION="CentOS Stream"', "",
    ].join("\n"),
  );
  write(path.join(etc, "centos-release"), "CentOS Stream release 9\n");
  write(path.join(etc, "redhat-release"), "CentOS Stream release 9\n");
  write(path.join(etc, "system-release"), "CentOS Stream release 9\n");
  write(
    path.join(etc, "sysconfig", "network-scripts", "readme-ifcfg-rh.txt"),
    "NetworkManager stores new network profiles in keyfile format in the\n/etc/NetworkManager/system-connections/ directory.\n\n" +
      "Previously, NetworkManager stored network profiles in ifcfg format\nin this directory (/etc/sysconfig/network-scripts/). However, the ifcfg\n" +
      "format is deprecated. By default, NetworkManager no longer creates\nnew profiles in this format.\n",
  );
  write(
    path.join(etc, "selinux", "config"),
    "\n# This file controls the state of SELinux on the system.\n# SELINUX= can take one of these three values:\n" +
      "#     enforcing - SELinux security policy is enforced.\n#     permissive - SELinux prints warnings instead of enforcing.\n" +
      "#     disabled - No SELinux policy is loaded.\nSELINUX=enforcing\n# SELINUXTYPE= can take one of these three values:\n" +
      "#     targeted - Targeted processes are protected,\n#     minimum - Modification of targeted policy. Only selected processes are protected.\n" +
      "#     mls - Multi Level Security protection.\nSELINUXTYPE=targeted\n\n",
  );
  write(path.join(etc, "environment"), "");
  write(path.join(etc, "hostname"), `${opts.hostname}\n`);
  // Containers cannot write /proc/self/loginuid; the guest's PAM must not make that fatal.
  const pamSshd = path.join(etc, "pam.d", "sshd");
  if (fs.existsSync(pamSshd)) {
    write(pamSshd, fs.readFileSync(pamSshd, "utf8").replace(/^session\s+required\s+pam_loginuid\.so/m, "session    optional     pam_loginuid.so"));
  }
}

function writeShadow(etc: string, rootPassword: string | undefined): void {
  const hash = rootPassword ? execFileSync("openssl", ["passwd", "-6", "-stdin"], { input: rootPassword }).toString().trim() : "*";
  const host = fs.readFileSync("/etc/shadow", "utf8").split("\n").filter((l) => l && !l.startsWith("root:"));
  const masked = host.map((l) => l.replace(/^([^:]*):[^:]*:/, "$1:*:"));
  write(path.join(etc, "shadow"), [`root:${hash}:19500:0:99999:7:::`, ...masked, ""].join("\n"), 0o640);
}

function writeSshd(etc: string, opts: RootOptions): void {
  const ssh = path.join(etc, "ssh");
  fs.mkdirSync(path.join(ssh, "sshd_config.d"), { recursive: true });
  if (fs.existsSync("/etc/ssh/moduli")) fs.copyFileSync("/etc/ssh/moduli", path.join(ssh, "moduli"));
  write(
    path.join(ssh, "sshd_config"),
    [
      "#\t$OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $",
      "",
      "# This is the sshd server system-wide configuration file.  See",
      "# sshd_config(5) for more information.",
      "",
      "# To modify the system-wide sshd configuration, create a  *.conf  file under",
      "#  /etc/ssh/sshd_config.d/  which will be automatically included below",
      "Include /etc/ssh/sshd_config.d/*.conf",
      "",
      "#Port 22",
      "#ListenAddress 0.0.0.0",
      "",
      "#HostKey /etc/ssh/ssh_host_ed25519_key",
      "",
      "# Authentication:",
      "",
      "#LoginGraceTime 2m",
      "#PermitRootLogin prohibit-password",
      "#StrictModes yes",
      "#MaxAuthTries 6",
      "#MaxSessions 10",
      "",
      "#PubkeyAuthentication yes",
      "AuthorizedKeysFile\t.ssh/authorized_keys",
      "",
      "#PasswordAuthentication yes",
      "#PermitEmptyPasswords no",
      "",
      "# override default of no subsystems",
      // CentOS: /usr/libexec/openssh/sftp-server; this guest runs Debian's sshd.
      opts.sftp ? "Subsystem\tsftp\t/usr/lib/openssh/sftp-server" : "# (sftp subsystem removed for this guest)",
      "",
    ].join("\n"),
    0o600,
  );
  write(
    path.join(ssh, "sshd_config.d", "50-redhat.conf"),
    "# This system is following system-wide crypto policy. The changes to\n# crypto properties (Ciphers, MACs, ...) will not have any effect in\n" +
      "# this or following included files. To override some configuration option,\n# write it before this block or in a file with a lower number.\n\n" +
      "KbdInteractiveAuthentication no\nGSSAPIAuthentication yes\nGSSAPICleanupCredentials no\nUsePAM yes\nX11Forwarding yes\nPrintMotd no\n",
    0o600,
  );
  if (opts.rootPassword) write(path.join(ssh, "sshd_config.d", "01-permitrootlogin.conf"), "# This file has been generated by the Anaconda Installer.\n# Allow root to log in using ssh. Remove this file to opt-out.\nPermitRootLogin yes\n", 0o600);
}

/** A fresh ed25519 host key (what a rebuilt VM would have); returns its SHA256 fingerprint from ssh-keygen. */
export function newHostKey(etc: string): string {
  const key = path.join(etc, "ssh", "ssh_host_ed25519_key");
  fs.rmSync(key, { force: true });
  fs.rmSync(`${key}.pub`, { force: true });
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "root@guest", "-f", key]);
  return hostKeyFingerprint(etc);
}

export function hostKeyFingerprint(etc: string): string {
  const line = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", path.join(etc, "ssh", "ssh_host_ed25519_key.pub")]).toString();
  const m = /\b(SHA256:[A-Za-z0-9+/]+)/.exec(line);
  if (!m) throw new Error(`unexpected ssh-keygen -l output: ${line}`);
  return m[1];
}

/**
 * The node the stand-ins run on, at a path the guest sees. The guest's /root is private, so a node under /root
 * (Node.js 24 from scripts/node.sh lives in ~/.cache/pulumi-openstack-lab) is hard-linked (copied across file
 * systems) once into a folder of its own under the temp folder, which the guest shares.
 */
function guestVisibleNode(): string {
  const exe = process.execPath;
  if (!exe.startsWith("/root/")) return exe;
  const dir = path.join(os.tmpdir(), `oslab-guest-node-${process.versions.node}`);
  const target = path.join(dir, "node");
  if (!fs.existsSync(target)) {
    fs.mkdirSync(dir, { recursive: true });
    const partial = `${target}.${process.pid}`;
    try {
      fs.linkSync(exe, partial);
    } catch {
      fs.copyFileSync(exe, partial);
      fs.chmodSync(partial, 0o755);
    }
    fs.renameSync(partial, target);
  }
  return target;
}

function writeStandinWrappers(l: GuestLayout): void {
  const node = guestVisibleNode();
  const wrapper = (cmd: string) =>
    `#!/bin/sh\n# CentOS stand-in (tests/standins/centos)\nOSLAB_GUEST_STATE='${l.state}'\nexport OSLAB_GUEST_STATE\n` +
    `exec '${node}' '${path.join(STANDINS_DIR, "main.js")}' '${cmd}' "$@"\n`;
  for (const cmd of STANDIN_COMMANDS) write(path.join(l.usrUpper, "local", "sbin", cmd), wrapper(cmd), 0o755);
  for (const [rel, cmd] of Object.entries(SHADOWED_ABSOLUTE)) write(path.join(l.usrUpper, rel), wrapper(cmd), 0o755);
}
