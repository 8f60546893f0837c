/** virtualbox.VirtualMachine: inputs and outputs (from spec.ts), the nested schemas it uses and the checks spanning fields. */
import type { Z } from "../../core/controller";
import { cidrContains, ipToBigInt, ipVersionOf, parseCidr } from "../../core/ip";
import { known, whenValid } from "../../core/refine";
import { hasLineSeparator, hasVBoxPlaceholder, NO_PLACEHOLDER_MESSAGE, ONE_LINE_MESSAGE } from "../../core/text";
import { InputsOf, objectSchema, OutputsOf, withDefaults } from "../../core/spec";
import { vboxNameSchema } from "../vboxmanage/schema";
import { NIC_DEFAULTS, spec, UNATTENDED_DEFAULTS } from "./spec";
import { ENVIRONMENT } from "../kickstart/centosStream9";

/**
 * The root password's limits (the VM README states them; tests/readers/readme.test.ts holds them together).
 * It reaches /etc/shadow as a SHA-512 crypt hash, so neither the kickstart's shell-style splitting nor VirtualBox's
 * password file limits it; what is left is logging in with it: EL9's crypt(3) is libxcrypt, which refuses a
 * passphrase of 512 bytes or more (CRYPT_MAX_PASSPHRASE_SIZE 512, counting the NUL: every login with it would
 * fail), and a control character or line separator cannot be typed at an SSH password prompt.
 */
export const ROOT_PASSWORD_MIN_CHARS = 8;
export const READINESS_HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
export const ROOT_PASSWORD_MAX_BYTES = 511;
/** C0 controls, DEL, C1 controls (incl. NEL), LINE/PARAGRAPH SEPARATOR. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ROOT_PASSWORD_FORBIDDEN = CONTROL_CHARS;
export const ROOT_PASSWORD_LENGTH_RULE = `must be at most ${ROOT_PASSWORD_MAX_BYTES} bytes in UTF-8 (EL9's crypt(3), libxcrypt, refuses longer passphrases, so no login could match)`;
export const ROOT_PASSWORD_CHAR_RULE = "must not contain control characters (tab, newline, U+0000-U+001F, U+007F-U+009F) or U+2028/U+2029: they cannot be typed at an SSH password prompt";
const SSH_PUBLIC_KEY_LINE = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+={0,3}( .*)?$/;
/** Package and group names: what dnf names use; a leading "-" would be an exclusion and "#" a comment in %packages. */
export const PACKAGE_NAME = /^@?[A-Za-z0-9][A-Za-z0-9._+-]*$/;
export const PACKAGE_RULE = "must be a package name or @group (letters, digits, . _ + -, starting with a letter or digit; @ in front for a group)";

export const NIC_TYPES = ["natnetwork", "nat", "bridged", "hostonly", "intnet"] as const;
export const BOOT_DEVICES = ["disk", "dvd", "net", "floppy"] as const;
export type NicType = (typeof NIC_TYPES)[number];

export interface Nic {
  type: NicType;
  /** NAT Network name (type natnetwork). */
  natNetwork?: string;
  /** Host interface (type bridged). */
  bridgeAdapter?: string;
  /** Host-only interface, e.g. vboxnet0 (type hostonly). */
  hostOnlyAdapter?: string;
  /** Internal network name (type intnet; default "intnet"). */
  internalNetwork?: string;
  promiscuous?: "deny" | "allow-vms" | "allow-all";
  /** 12 hex digits; omitted = VirtualBox picks one. */
  macAddress?: string;
}

export interface DiskInput {
  sizeMb: number;
  /** Where the .vdi lives (default: beside the VM settings). An existing file is attached as is. */
  path?: string;
  /** Leave the disk file when the VM is deleted. */
  keepOnDelete: boolean;
}

export interface UnattendedInput {
  rootPassword: string;
  sshPublicKey: string;
  hostname: string;
  /** Static IPv4 address of the guest (default 10.0.2.15). */
  ip: string;
  prefixLength: number;
  gateway: string;
  dns: string[];
  timeZone: string;
  packages: string[];
}

export interface ReadinessInput {
  host: string;
  port: number;
  /** Give up after this long (still bounded by customTimeouts.create). */
  timeoutSeconds: number;
}

export type PowerState = "running" | "poweroff";

export type VirtualMachineInputs = InputsOf<typeof spec>;

export type VirtualMachineOutputs = OutputsOf<typeof spec>;

export const msg = (m: string) => ({ error: m });

export function nicSchema(z: Z) {
  const label = z.string(msg("must be a string")).min(1, "must not be empty");
  return z
    .strictObject(withDefaults({
      type: z.enum(NIC_TYPES, msg(`must be one of ${NIC_TYPES.join(", ")}`)),
      natNetwork: label.optional(),
      bridgeAdapter: label.optional(),
      hostOnlyAdapter: label.optional(),
      internalNetwork: label.optional(),
      promiscuous: z.enum(["deny", "allow-vms", "allow-all"], msg('must be "deny", "allow-vms" or "allow-all"')),
      macAddress: z
        .string(msg("must be a string"))
        .transform((s) => s.replace(/[:-]/g, "").toUpperCase())
        .refine((s) => /^[0-9A-F]{12}$/.test(s), "must be 12 hex digits (e.g. 080027AABBCC or 08:00:27:aa:bb:cc)")
        .refine((s) => (parseInt(s.slice(0, 2), 16) & 1) === 0, "must be a unicast address (first octet even)")
        .optional(),
    }, NIC_DEFAULTS.keys))
    .superRefine((n, ctx) => {
      const need: Record<string, keyof typeof n> = { natnetwork: "natNetwork", bridged: "bridgeAdapter", hostonly: "hostOnlyAdapter" };
      const field = need[n.type];
      if (field && !n[field]) ctx.addIssue({ code: "custom", path: [field], message: `is required for a ${n.type} NIC` });
      for (const f of ["natNetwork", "bridgeAdapter", "hostOnlyAdapter", "internalNetwork"] as const) {
        const owner = f === "internalNetwork" ? "intnet" : Object.keys(need).find((t) => need[t] === f);
        if (n[f] !== undefined && owner !== n.type) ctx.addIssue({ code: "custom", path: [f], message: `only applies to a ${owner} NIC, not ${n.type}` });
      }
    });
}

export function unattendedSchema(z: Z) {
  const ipv4 = z.string(msg("must be a string")).refine((s) => ipVersionOf(s) === 4, "must be an IPv4 address");
  const noPlaceholders = (s: string) => !hasVBoxPlaceholder(s);
  return z.strictObject(withDefaults({
    rootPassword: z
      .string(msg("must be a string"))
      .refine((s) => [...s].length >= ROOT_PASSWORD_MIN_CHARS, `must be at least ${ROOT_PASSWORD_MIN_CHARS} characters`)
      .refine((s) => Buffer.byteLength(s, "utf8") <= ROOT_PASSWORD_MAX_BYTES, ROOT_PASSWORD_LENGTH_RULE)
      .refine((s) => !ROOT_PASSWORD_FORBIDDEN.test(s), ROOT_PASSWORD_CHAR_RULE)
      .refine((s) => Buffer.from(s, "utf8").toString("utf8") === s, "must be valid Unicode text (no unpaired surrogate)"),
    sshPublicKey: z
      .string(msg("must be a string"))
      .transform((s) => s.trim())
      .refine(
        (s) => SSH_PUBLIC_KEY_LINE.test(s) && !hasLineSeparator(s) && !CONTROL_CHARS.test(s),
        'must be one OpenSSH public key line ("ssh-ed25519 AAAA... comment"; the comment may hold any printable characters, no control characters or line separators)',
      )
      .refine(noPlaceholders, NO_PLACEHOLDER_MESSAGE),
    hostname: z
      .string(msg("must be a string"))
      .refine(
        (s) => /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i.test(s),
        "must be a fully qualified host name such as openstack.lab.local",
      ),
    ip: ipv4,
    prefixLength: z.number(msg("must be a number")).int("must be an integer").min(8, "must be between 8 and 30").max(30, "must be between 8 and 30"),
    gateway: ipv4,
    dns: z.array(ipv4),
    timeZone: z.string(msg("must be a string")).regex(/^[A-Za-z0-9_+\-/]+$/, "must be a time zone such as UTC or Europe/Berlin"),
    packages: z
      .array(
        z
          .string(msg("must be a string (a package name or @group)"))
          .refine((s) => !s.startsWith("@^"), `is an environment group: the kickstart installs @^${ENVIRONMENT} and keeps only one environment (a second one would silently replace it); give packages or @groups`)
          .refine((s) => s.startsWith("@^") || PACKAGE_NAME.test(s), PACKAGE_RULE),
      ),
  }, UNATTENDED_DEFAULTS.keys)).superRefine((u, ctx) => {
    if (!known(u.ip, u.prefixLength, u.gateway)) return;
    const net = parseCidr(`${u.ip}/${u.prefixLength}`);
    if (!net) return;
    const subnet = `${u.ip}/${u.prefixLength}`;
    const ip = ipToBigInt(u.ip);
    if (ip === net.first || ip === net.last) {
      ctx.addIssue({ code: "custom", path: ["ip"], message: `${u.ip} is the network or broadcast address of ${subnet}; give a host address` });
    }
    if (!cidrContains(net, u.gateway)) ctx.addIssue({ code: "custom", path: ["gateway"], message: `${u.gateway} is outside ${subnet} (the gateway must be on the VM's subnet)` });
    else if (u.gateway === u.ip) ctx.addIssue({ code: "custom", path: ["gateway"], message: "must differ from ip (the VM's own address)" });
  }, whenValid(["ip", "prefixLength", "gateway"]));
}

/** A VM name ends up in the default disk path (<VM folder>/<name>.vdi): no path separators, no "..". */
export function vmNameSchema(z: Z) {
  return vboxNameSchema(z).refine((s) => !/[/\\]/.test(s) && !s.includes(".."), 'must not contain "/", "\\" or ".." (the name is part of the default disk path)');
}

/** The spec's fields, with the checks spanning fields (what an unattended install needs). */
export function virtualMachineSchema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((vm, ctx) => {
      // Each check is skipped only while a value it reads is unknown (preview); an unknown `unattended` as a whole may be absent.
      if (typeof vm.unattended !== "object" || vm.unattended === null) return;
      if (vm.installerIso === undefined) ctx.addIssue({ code: "custom", path: ["installerIso"], message: "is required with unattended (the CentOS Stream 9 DVD ISO)" });
      if (known(vm.memoryMb) && vm.memoryMb < 2048) ctx.addIssue({ code: "custom", path: ["memoryMb"], message: "must be at least 2048 for an unattended CentOS Stream 9 install" });
      if (vm.readiness === undefined) ctx.addIssue({ code: "custom", path: ["readiness"], message: "is required with unattended: the forwarded SSH port that tells the install has finished" });
      if (known(vm.disk?.sizeMb) && vm.disk.sizeMb < 10240) ctx.addIssue({ code: "custom", path: ["disk", "sizeMb"], message: "must be at least 10240 for a CentOS Stream 9 install" });
      if (known(vm.bootOrder) && Array.isArray(vm.bootOrder) && vm.bootOrder[0] !== "disk") {
        ctx.addIssue({ code: "custom", path: ["bootOrder"], message: 'must start with "disk" with unattended (the installed system boots from disk after the install)' });
      }
    }, whenValid(["unattended", "installerIso", "memoryMb", "readiness", "disk", "bootOrder"]));
}
