/** lab.HostPrep: inputs, outputs and the input schema (built at call time). */
import type * as zod from "zod";
import type { CommonInputs, Z } from "../../core/controller";
import { cidrContains, parseCidr } from "../../core/ip";
import { known, whenValid } from "../../core/refine";
import { customTimeoutsSchema } from "../../core/schema";
import { ConnectionInput, connectionSchema } from "../common";

export const SELINUX_MODES = ["disabled", "permissive", "enforcing"] as const;
export type SelinuxMode = (typeof SELINUX_MODES)[number];

export interface HostPrepInputs extends CommonInputs {
  connection: ConnectionInput;
  interface: string;
  staticIp: string;
  gateway: string;
  dns: string[];
  hostname: string;
  locale: string;
  disableFirewalld: boolean;
  networkScripts: boolean;
  selinux: SelinuxMode;
  openstackRelease: string;
  packages: string[];
  rootSshForPackstack: boolean;
}

/** The input fields read() maps the host's state back onto (so diff names the item that drifted). */
export type LiveFields = Pick<
  HostPrepInputs,
  "staticIp" | "gateway" | "dns" | "hostname" | "locale" | "disableFirewalld" | "networkScripts" | "selinux" | "openstackRelease" | "packages" | "rootSshForPackstack"
>;

export interface HostPrepOutputs extends Partial<LiveFields> {
  /** What each item looks like on the host now, e.g. {firewalld: "inactive (disabled)"}. */
  items: Record<string, string>;
  /** One human line per item that is not as asked, e.g. "firewalld is active again". */
  drift: string[];
  /** Precheck warnings (e.g. RAM below 16 GiB). */
  warnings: string[];
  hostKeyFingerprint: string;
}

/** Linux interface names: at most 15 characters, no "/" or whitespace; we also refuse anything a shell treats specially. */
const INTERFACE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const LOCALE = /^(?:C|POSIX|[a-z]{2,3}_[A-Z]{2}(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?)(?:\.[Uu][Tt][Ff]-?8)?$/;
const PACKAGE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function hostPrepSchema(z: Z): zod.ZodType<HostPrepInputs> {
  const ipv4 = z.string().regex(IPV4, "must be an IPv4 address such as 10.0.2.1");
  return z
    .strictObject({
      connection: connectionSchema(z),
      interface: z.string().regex(INTERFACE, "must be an interface name such as enp0s3 (letters, digits, _ . -, at most 15 characters)").default("enp0s3"),
      staticIp: z.string().default("10.0.2.15/24"),
      gateway: ipv4.default("10.0.2.1"),
      dns: z.array(ipv4).min(1, "give at least one DNS server").max(3, "at most 3 DNS servers (DNS1..DNS3)").default(["8.8.8.8", "8.8.4.4"]),
      hostname: z
        .string()
        .max(64, "must be at most 64 characters (the kernel's limit)")
        .regex(HOSTNAME, "must be a host name such as openstack.lab (letters, digits and -, dot-separated labels)")
        .default("openstack.lab"),
      locale: z.string().regex(LOCALE, 'must be a locale such as "en_US.utf-8"').default("en_US.utf-8"),
      disableFirewalld: z.boolean().default(true),
      networkScripts: z.boolean().default(true),
      selinux: z.enum(SELINUX_MODES, { error: `must be one of ${SELINUX_MODES.join(", ")}` }).default("disabled"),
      openstackRelease: z.string().regex(/^[a-z][a-z0-9]{1,20}$/, 'must be a release name such as "zed"').default("zed"),
      packages: z
        .array(z.string().regex(PACKAGE, "must be a package name such as openstack-packstack"))
        .min(1, "list at least one package (default: openstack-packstack)")
        .default(["openstack-packstack"]),
      rootSshForPackstack: z.boolean().default(true),
      customTimeouts: customTimeoutsSchema(z).optional(),
    })
    .superRefine((v, ctx) => {
      const seen = new Set<string>();
      if (known(v.packages)) {
        v.packages.forEach((p, i) => {
          if (seen.has(p)) ctx.addIssue({ code: "custom", path: ["packages", i], message: `duplicate package "${p}"` });
          seen.add(p);
        });
      }
      if (!known(v.staticIp)) return;
      const cidr = parseCidr(v.staticIp);
      const [addr] = v.staticIp.split("/");
      if (!cidr || cidr.version !== 4 || !IPV4.test(addr)) {
        ctx.addIssue({ code: "custom", path: ["staticIp"], message: 'must be an IPv4 address with its prefix length, such as "10.0.2.15/24"' });
        return;
      }
      if (cidr.prefix < 8 || cidr.prefix > 30) {
        ctx.addIssue({ code: "custom", path: ["staticIp"], message: "prefix length must be between /8 and /30" });
        return;
      }
      if (!cidr.hostBitsSet || cidr.last === ipValue(addr)) {
        ctx.addIssue({ code: "custom", path: ["staticIp"], message: `${addr} is the network or broadcast address of its subnet` });
      }
      if (known(v.gateway) && IPV4.test(v.gateway)) {
        if (!cidrContains(cidr, v.gateway)) {
          ctx.addIssue({ code: "custom", path: ["gateway"], message: `${v.gateway} is outside ${v.staticIp}'s subnet` });
        } else if (v.gateway === addr) {
          ctx.addIssue({ code: "custom", path: ["gateway"], message: "must differ from the static IP" });
        }
      }
    }, whenValid(["staticIp", "gateway", "packages"])) as unknown as zod.ZodType<HostPrepInputs>;
}

function ipValue(addr: string): bigint {
  return addr.split(".").reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n);
}

/** "10.0.2.15/24" -> {address: "10.0.2.15", prefix: 24} (input already checked). */
export function splitCidr(cidr: string): { address: string; prefix: number } {
  const [address, prefix] = cidr.split("/");
  return { address, prefix: Number(prefix) };
}
