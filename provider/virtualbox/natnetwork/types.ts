/** virtualbox.NatNetwork: inputs and outputs (from spec.ts), the field schemas it uses and the checks spanning fields. */
import type { Z } from "../../core/controller";
import { cidrContains, ipVersionOf, parseCidr, ipToBigInt } from "../../core/ip";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { portSchema } from "../vboxmanage/schema";
import { spec } from "./spec";

export interface PortForward {
  name: string;
  protocol: "tcp" | "udp";
  /** Host address to listen on; omitted = all addresses. */
  hostIp?: string;
  hostPort: number;
  guestIp: string;
  guestPort: number;
}

export type NatNetworkInputs = InputsOf<typeof spec>;

export type NatNetworkOutputs = OutputsOf<typeof spec>;

function ipv4(z: Z) {
  return z.string({ error: "must be a string" }).refine((s) => ipVersionOf(s) === 4, "must be an IPv4 address such as 10.0.2.15");
}

/** An IPv4 CIDR, /8 to /30, without host bits. */
export function cidrSchema(z: Z) {
  return z.string({ error: "must be a string" }).superRefine((s, ctx) => {
    const c = parseCidr(s);
    if (!c || c.version !== 4) ctx.addIssue({ code: "custom", message: "must be an IPv4 CIDR such as 10.0.2.0/24" });
    else if (c.prefix < 8 || c.prefix > 30) ctx.addIssue({ code: "custom", message: "prefix length must be between /8 and /30" });
    else if (c.hostBitsSet) ctx.addIssue({ code: "custom", message: `host bits are set; did you mean ${networkOf(s)}?` });
  });
}

export function portForwardSchema(z: Z) {
  return z.strictObject({
    name: z
      .string({ error: "must be a string" })
      .min(1, "must not be empty")
      .refine((s) => !/[:,\s\u0000-\u001f\u007f-\u009f]/.test(s), "must not contain ':', ',', spaces or control characters (they separate the fields of a rule)"),
    protocol: z.enum(["tcp", "udp"], { error: 'must be "tcp" or "udp"' }),
    hostIp: ipv4(z).optional(),
    hostPort: portSchema(z),
    guestIp: ipv4(z),
    guestPort: portSchema(z),
  });
}

/** The spec's fields, with the checks spanning fields (port forwards against each other and the cidr). */
export function natNetworkSchema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((n, ctx) => {
      if (!Array.isArray(n.portForwards)) return;
      const cidr = known(n.cidr) ? parseCidr(n.cidr) : null;
      const names = new Set<string>();
      const listeners = new Set<string>();
      n.portForwards.forEach((f, i) => {
        if (!known(f)) return;
        if (names.has(f.name)) ctx.addIssue({ code: "custom", path: ["portForwards", i, "name"], message: `duplicate port forward name "${f.name}"` });
        names.add(f.name);
        const listener = `${f.protocol}/${f.hostIp ?? "*"}:${f.hostPort}`;
        if (listeners.has(listener)) {
          ctx.addIssue({ code: "custom", path: ["portForwards", i, "hostPort"], message: `host port ${f.hostPort}/${f.protocol} is already forwarded by another rule` });
        }
        listeners.add(listener);
        if (cidr && cidr.version === 4 && !cidrContains(cidr, f.guestIp)) {
          ctx.addIssue({ code: "custom", path: ["portForwards", i, "guestIp"], message: `${f.guestIp} is not inside ${n.cidr}` });
        } else if (cidr && cidr.version === 4 && (ipToBigInt(f.guestIp) === cidr.first || ipToBigInt(f.guestIp) === cidr.last)) {
          ctx.addIssue({ code: "custom", path: ["portForwards", i, "guestIp"], message: `${f.guestIp} is the network or broadcast address of ${n.cidr}; give a guest's address (e.g. 10.0.2.15)` });
        }
      });
    }, whenValid(["cidr", "portForwards"]));
}

function networkOf(cidr: string): string {
  const c = parseCidr(cidr);
  if (!c) return cidr;
  const n = Number(c.first);
  return `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".")}/${c.prefix}`;
}
