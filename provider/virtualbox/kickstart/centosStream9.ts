/**
 * Our CentOS Stream 9 kickstart, given to `VBoxManage unattended install --script-template`.
 *
 * Why our own: VirtualBox's RHEL path (redhat67_ks.cfg) passes the legacy `ks=` kernel argument, which EL9's
 * Anaconda ignores, so the install would stop at the interactive installer. We pass `inst.ks=` ourselves with
 * --extra-install-kernel-parameters and render a minimal EL9 kickstart: static IPv4, root password (left as
 * VirtualBox's @@VBOX_INSERT_ROOT_PASSWORD_SH@@ placeholder, so the password never lands in our file: VirtualBox
 * fills it in from --password-file), root's SSH key, sshd enabled, minimal packages, reboot with the DVD ejected.
 */

export interface KickstartOptions {
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

export function renderKickstart(o: KickstartOptions): string {
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
    "rootpw --plaintext @@VBOX_INSERT_ROOT_PASSWORD_SH@@",
    `sshkey --username=root "${o.sshPublicKey}"`,
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
    "@^minimal-environment",
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
