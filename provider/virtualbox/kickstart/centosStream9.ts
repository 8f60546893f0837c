/**
 * Our CentOS Stream 9 kickstart, given to `VBoxManage unattended install --script-template`.
 *
 * Why our own: VirtualBox's RHEL path (redhat67_ks.cfg) passes the legacy `ks=` kernel argument, which EL9's
 * Anaconda ignores, so the install would stop at the interactive installer. We pass `inst.ks=` ourselves with
 * --extra-install-kernel-parameters and render a minimal EL9 kickstart: static IPv4, root password, root's SSH key,
 * sshd enabled, minimal packages, reboot with the DVD ejected.
 *
 * The root password goes in as `rootpw --iscrypted <SHA-512 crypt hash>` computed here (shaCrypt.ts), not as
 * VirtualBox's @@VBOX_INSERT_ROOT_PASSWORD_SH@@ placeholder filled from --password-file: VirtualBox keeps a
 * password file only up to its first control character and 511 bytes, and Anaconda splits the rootpw line
 * shell-style with comments (a "#" cut the password, a leading "-" made the kickstart invalid). The hash's
 * alphabet ([./0-9A-Za-z$]) survives both readers, so every password check() accepts reaches /etc/shadow as is,
 * and VirtualBox never sees the password. Readers: tests/readers/kickstart*.
 */
import { randomSalt, sha512Crypt } from "./shaCrypt";

export interface KickstartOptions {
  rootPassword: string;
  ip: string;
  prefixLength: number;
  gateway: string;
  dns: string[];
  hostname: string;
  sshPublicKey: string;
  timeZone: string;
  /** Extra packages on top of @^minimal-environment. */
  packages: string[];
}

/** The kernel arguments that make EL9 read the kickstart VirtualBox puts on its auxiliary ISO. */
export const KICKSTART_KERNEL_ARGS = "inst.ks=cdrom:/ks.cfg inst.text";

export function netmaskOf(prefix: number): string {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join(".");
}

/** The base environment our kickstart installs; a kickstart keeps one environment, so `packages` may not name another. */
export const ENVIRONMENT = "minimal-environment";

/**
 * A value as one shell-style word that Python's shlex.split (posix, comments=True: what pykickstart uses) gives
 * back exactly: in double quotes only \ and " are escapes there, so those two get a backslash.
 */
export function shlexQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `salt` only for tests (reproducible output); by default a random one per render. */
export function renderKickstart(o: KickstartOptions, salt: string = randomSalt()): string {
  const network = [
    "network",
    "--bootproto=static",
    "--device=link",
    "--activate",
    "--onboot=yes",
    `--ip=${o.ip}`,
    `--netmask=${netmaskOf(o.prefixLength)}`,
    `--gateway=${o.gateway}`,
    o.dns.length ? `--nameserver=${o.dns.join(",")}` : "--nodns",
    `--hostname=${o.hostname}`,
  ].join(" ");
  return [
    "# CentOS Stream 9 kickstart rendered by pulumi-openstack-lab (virtualbox.VirtualMachine unattended)",
    "text",
    "cdrom",
    "eula --agreed",
    "lang en_US.UTF-8",
    "keyboard us",
    `timezone ${o.timeZone} --utc`,
    network,
    `rootpw --iscrypted ${sha512Crypt(o.rootPassword, salt)}`,
    `sshkey --username=root ${shlexQuote(o.sshPublicKey)}`,
    "services --enabled=sshd",
    "firewall --enabled --ssh",
    "selinux --enforcing",
    "firstboot --disabled",
    "skipx",
    "zerombr",
    "clearpart --all --initlabel",
    "autopart --type=lvm --nohome",
    'bootloader --location=mbr --append="console=tty0 console=ttyS0,115200n8"',
    "reboot --eject",
    "",
    "%packages",
    `@^${ENVIRONMENT}`,
    "openssh-server",
    ...o.packages,
    "%end",
    "",
    "%post --log=/root/ks-post.log",
    "sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin prohibit-password/' /etc/ssh/sshd_config",
    "systemctl enable sshd",
    "%end",
    "",
  ].join("\n");
}
