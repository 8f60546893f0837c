/**
 * lab.HostPrep's inputs and outputs, written once (provider/core/spec.ts). Preparing a host is idempotent: every
 * field changes in place (create and update check each item and fix what differs). The checks spanning fields
 * (static IP vs gateway, duplicate packages) are in types.ts.
 */
import { customTimeoutsSchema } from "../../core/schema";
import { defineSpec, field, fieldNotArg, output } from "../../core/spec";
import type { ConnectionInput } from "../common/connection";
import { connectionField } from "../common/spec";
import { HOSTNAME, INTERFACE, IPV4, LOCALE, PACKAGE, SELINUX_MODES } from "./types";

export const spec = defineSpec({
  key: "lab.HostPrep",
  inputs: {
    /**
     * How to reach the host over SSH (the NAT Network port forward; kept secret in state).
     * `privateKey` (preferred) or `password` is required; both, and `passphrase`, stay Pulumi secrets.
     * `hostKeyFingerprint` pins the host key; without it the key seen first is pinned and kept in state
     * (`hostKeyFingerprint` output). A `user` other than `root` needs password-less `sudo` (each command goes
     * through `sudo -n`; a user sudo refuses fails the operation with an error naming it).
     */
    connection: connectionField(),
    /** the NAT Network adapter */
    interface: field((z) => z.string().regex(INTERFACE, "must be an interface name such as enp0s3 (letters, digits, _ . -, at most 15 characters)"), { default: "enp0s3" }),
    /**
     * written to `/etc/sysconfig/network-scripts/ifcfg-<interface>`: `BOOTPROTO=none`, `IPADDR`, `PREFIX`, `GATEWAY`,
     * `DNS1..3`, `ONBOOT=yes`. Static, not DHCP: Packstack writes the address into every service's configuration.
     * Once PackstackInstall has moved it to br-ex, it is read from `ifcfg-br-ex` (see the README).
     */
    staticIp: field((z) => z.string(), { default: "10.0.2.15/24" }),
    /** must lie inside `staticIp`'s subnet */
    gateway: field((z) => z.string().regex(IPV4, "must be an IPv4 address such as 10.0.2.1"), { default: "10.0.2.1" }),
    /** 1 to 3 servers */
    dns: field((z) =>
      z
        .array(z.string().regex(IPV4, "must be an IPv4 address such as 10.0.2.1"))
        .min(1, "give at least one DNS server")
        .max(3, "at most 3 DNS servers (DNS1..DNS3)"),
      { default: ["8.8.8.8", "8.8.4.4"] },
    ),
    /** set with `hostnamectl`, and mapped to the static IP in `/etc/hosts` */
    hostname: field((z) =>
      z
        .string()
        .max(64, "must be at most 64 characters (the kernel's limit)")
        .regex(HOSTNAME, "must be a host name such as openstack.lab (letters, digits and -, dot-separated labels)"),
      { default: "openstack.lab" },
    ),
    /** `LANG` and `LC_ALL` in `/etc/environment` */
    locale: field((z) => z.string().regex(LOCALE, 'must be a locale such as "en_US.utf-8"'), { default: "en_US.utf-8" }),
    /** `systemctl disable --now firewalld`. `false` leaves firewalld alone. */
    disableFirewalld: field((z) => z.boolean(), { default: true }),
    /**
     * `network-scripts` installed, `network.service` enabled and running, NetworkManager stopped and disabled.
     * `false` leaves them alone.
     */
    networkScripts: field((z) => z.boolean(), { default: true }),
    /**
     * `SELINUX=` in `/etc/selinux/config`, then `setenforce`; when the running kernel still enforces after that, the
     * host is rebooted (see the README).
     */
    selinux: field((z) => z.enum(SELINUX_MODES, { error: `must be one of ${SELINUX_MODES.join(", ")}` }), { default: "disabled" }),
    /** CRB enabled and `centos-release-openstack-<release>` installed (its repo enabled) */
    openstackRelease: field((z) => z.string().regex(/^[a-z][a-z0-9]{1,20}$/, 'must be a release name such as "zed"'), { default: "zed" }),
    /** installed in one `dnf install -y` */
    packages: field((z) =>
      z
        .array(z.string().regex(PACKAGE, "must be a package name such as openstack-packstack"))
        .min(1, "list at least one package (default: openstack-packstack)"),
      { default: ["openstack-packstack"] },
    ),
    /**
     * root has a key pair (`/root/.ssh/id_rsa`, Packstack's default `CONFIG_SSH_KEY`), its public key is in root's
     * `authorized_keys`, sshd permits root key logins (a drop-in `00-lab-permitrootlogin.conf` only when it does
     * not), and `ssh root@<static IP>` from the host to itself works with no password and no host-key prompt
     * (Packstack sshes to its own IP). `false` leaves SSH alone.
     */
    rootSshForPackstack: field((z) => z.boolean(), { default: true }),
    /** Time limits (a resource option, passed on by the sdk class: not an Args field). */
    customTimeouts: fieldNotArg((z) => customTimeoutsSchema(z).optional()),
  },
  outputs: {
    connection: output<ConnectionInput>(), interface: output<string>(), staticIp: output<string>(),
    gateway: output<string>(), dns: output<string[]>(), hostname: output<string>(), locale: output<string>(),
    disableFirewalld: output<boolean>(), networkScripts: output<boolean>(), selinux: output<string>(),
    openstackRelease: output<string>(), packages: output<string[]>(), rootSshForPackstack: output<boolean>(),
    /** What each item looks like on the host now, e.g. {firewalld: "inactive (disabled)", selinux: "disabled"}. */
    items: output<Record<string, string>>(),
    /** One human line per item that drifted since the last apply, e.g. "firewalld is active again". */
    drift: output<string[]>(),
    /** Warnings from the prechecks (e.g. RAM below 16 GiB). */
    warnings: output<string[]>(),
    hostKeyFingerprint: output<string>(),
  },
});
