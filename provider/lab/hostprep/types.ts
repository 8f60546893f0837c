/** lab.HostPrep: inputs and outputs (from spec.ts), the field rules and the checks spanning fields (built at call time). */
import type * as zod from "zod";
import type { CommonInputs, Z } from "../../core/controller";
import { cidrContains, parseCidr } from "../../core/ip";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema } from "../../core/spec";
import { spec } from "./spec";

export const SELINUX_MODES = ["disabled", "permissive", "enforcing"] as const;
export type SelinuxMode = (typeof SELINUX_MODES)[number];

/** The checked inputs (adopt: only ever absent, HostPrep has none; kept for the shared plumbing). */
export type HostPrepInputs = InputsOf<typeof spec> & CommonInputs;

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
export const INTERFACE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
export const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
export const LOCALE = /^(?:C|POSIX|[a-z]{2,3}_[A-Z]{2}(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?)(?:\.[Uu][Tt][Ff]-?8)?$/;
export const PACKAGE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
export const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The spec's fields, with the checks spanning fields. */
export function hostPrepSchema(z: Z): zod.ZodType<HostPrepInputs> {
  return objectSchema(spec, z)
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
