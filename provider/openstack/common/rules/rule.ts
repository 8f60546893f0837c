/**
 * One security group rule as a user writes it, its checks, and its canonical form. Shared by SecurityGroupRule
 * (one rule), SecurityGroupRuleSet (rules[]) and SecurityGroup's inline rules: all validate with `checkRule`
 * and compare `canonicalRule`s.
 */
import type { Z } from "../../../core/controller";
import type { FieldInputsOf } from "../../../core/spec";
import type { ruleSpecFields } from "./spec";
import { known, whenValid } from "../../../core/refine";
import { normalizeCidr, parseCidr } from "../ip";
import { descriptionSchema, isUuid } from "../schema";
import { ANY, canonicalProtocol, isIcmp, knownProtocolNames, takesPortRange } from "./protocols";

export type Direction = "ingress" | "egress";
export type Ethertype = "IPv4" | "IPv6";

/** A rule as written (every field optional; docs and types from spec.ts); the sdk's RuleArgs is this shape, each field a pulumi.Input. */
export type RuleInput = FieldInputsOf<typeof ruleSpecFields>;

/** The canonical rule: every field present, the form outputs and comparisons use (the sdk's `Rule`). */
export interface RuleSpec {
  direction: Direction;
  ethertype: Ethertype;
  /** Canonical protocol: a name ("tcp", "icmpv6" ...), a number as text ("132" has a name: "sctp"), or "any". */
  protocol: string;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  /** A group id, or "self": the rule's own group. */
  remoteGroupId: string | null;
  description: string;
}

/** A rule's group: its id (a UUID), or "default" (the project's default group). Names are refused. */
export function groupRefSchema(z: Z) {
  return z
    .string({ error: 'must be a group id (a UUID) or "default"' })
    .refine((s) => s === "default" || isUuid(s), 'must be a group id (a UUID) or "default" (the project\'s default group), not a name');
}

/** A rule's direction when it gives none. */
export const DEFAULT_DIRECTION = "ingress";

/** The zod fields of one rule (spread into an object schema). */
export function ruleFields(z: Z) {
  return {
    direction: z.enum(["ingress", "egress"], { error: 'must be "ingress" or "egress"' }).default(DEFAULT_DIRECTION),
    ethertype: z.enum(["IPv4", "IPv6"], { error: 'must be "IPv4" or "IPv6"' }).optional(),
    protocol: z.union([z.string(), z.number().int()], { error: 'must be a protocol name such as "tcp", "udp", "icmp" or "any", or a protocol number 0-255' }).optional(),
    portRangeMin: z.number({ error: "must be a port number (an integer)" }).int("must be an integer").optional(),
    portRangeMax: z.number({ error: "must be a port number (an integer)" }).int("must be an integer").optional(),
    remoteIpPrefix: z.string({ error: "must be a CIDR such as 0.0.0.0/0 (a string)" }).optional(),
    remoteGroupId: z
      .string({ error: 'must be a group id (a UUID) or "self"' })
      .refine((s) => s === "self" || isUuid(s), 'must be a group id (a UUID) or "self" (the rule\'s own group), not a name')
      .optional(),
    description: descriptionSchema(z).optional(),
  };
}

export interface Issue {
  path: string[];
  message: string;
}

const prefixFamily = (prefix: string): Ethertype | null => {
  const c = parseCidr(prefix);
  return c ? (c.version === 4 ? "IPv4" : "IPv6") : null;
};

/** Everything wrong with one rule, each issue naming its field. Pure: no I/O. */
export function checkRule(r: RuleInput): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.push({ path: [field], message });
  // Preview: a check is skipped only when a value it reads is still unknown.
  if (!known(r.protocol, r.ethertype, r.remoteIpPrefix)) {
    if (known(r.remoteIpPrefix, r.remoteGroupId) && r.remoteIpPrefix !== undefined && r.remoteGroupId !== undefined) {
      add("remoteGroupId", "give remoteIpPrefix or remoteGroupId, not both");
    }
    if (known(r.portRangeMin, r.portRangeMax) && r.portRangeMin !== undefined && r.portRangeMax !== undefined && r.portRangeMin > r.portRangeMax && known(r.protocol)) {
      if (takesPortRange(canonicalProtocol(r.protocol) ?? "")) add("portRangeMax", `must be >= portRangeMin (${r.portRangeMin} > ${r.portRangeMax})`);
    }
    return issues;
  }
  if (!known(r.portRangeMin, r.portRangeMax, r.remoteGroupId)) {
    const { portRangeMin: _a, portRangeMax: _b, remoteGroupId: _c, ...rest } = r;
    return checkRule({ ...rest, ...(known(r.portRangeMin) ? { portRangeMin: r.portRangeMin } : {}), ...(known(r.portRangeMax) ? { portRangeMax: r.portRangeMax } : {}) }).filter(
      (i) => i.path[0] !== "portRangeMin" || known(r.portRangeMin),
    );
  }

  const protocol = canonicalProtocol(r.protocol);
  if (protocol === null) {
    add("protocol", `"${r.protocol}" is not a protocol: use a number 0-255 or one of ${knownProtocolNames().join(", ")}`);
  }

  let family: Ethertype | null = null;
  if (r.remoteIpPrefix !== undefined) {
    family = prefixFamily(r.remoteIpPrefix);
    if (!family) add("remoteIpPrefix", `"${r.remoteIpPrefix}" is not a CIDR (e.g. 10.0.0.0/8 or 2001:db8::/32)`);
    else if (r.ethertype && r.ethertype !== family) {
      add("ethertype", `${r.ethertype} does not match remoteIpPrefix ${r.remoteIpPrefix} (an ${family} prefix)`);
    }
  }
  if (r.remoteIpPrefix !== undefined && r.remoteGroupId !== undefined) {
    add("remoteGroupId", "give remoteIpPrefix or remoteGroupId, not both");
  }

  if (protocol !== null) {
    const ethertype = r.ethertype ?? family ?? "IPv4";
    if (protocol === "icmpv6" && ethertype === "IPv4") add("protocol", "icmpv6 needs ethertype IPv6");
    const { portRangeMin: min, portRangeMax: max } = r;
    if (takesPortRange(protocol)) {
      if (min !== undefined && (min < 1 || min > 65535)) add("portRangeMin", `${min} is not a port (1-65535)`);
      if (max !== undefined && (max < 1 || max > 65535)) add("portRangeMax", `${max} is not a port (1-65535)`);
      if (max !== undefined && min === undefined) add("portRangeMin", "is required when portRangeMax is given");
      if (min !== undefined && max !== undefined && min > max) {
        add("portRangeMax", `must be >= portRangeMin (${min} > ${max})`);
      }
    } else if (isIcmp(protocol)) {
      if (min !== undefined && (min < 0 || min > 255)) add("portRangeMin", `${min} is not an ICMP type (0-255)`);
      if (max !== undefined && (max < 0 || max > 255)) add("portRangeMax", `${max} is not an ICMP code (0-255)`);
      if (max !== undefined && min === undefined) add("portRangeMin", "the ICMP type is required when a code (portRangeMax) is given");
    } else {
      const why = `port ranges apply only to tcp, udp, sctp, dccp and udplite (and ICMP type/code), not to protocol ${protocol}`;
      if (min !== undefined) add("portRangeMin", why);
      if (max !== undefined) add("portRangeMax", why);
    }
  }
  return issues;
}

/** Adds `checkRule`'s issues to a zod refinement context (paths are relative to the rule). */
export function refineRule(r: RuleInput, ctx: { addIssue(i: { code: "custom"; path: string[]; message: string }): void }): void {
  for (const i of checkRule(r)) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
}

/** "0.0.0.0/0" and "::/0" mean "any address": Neutron stores them as null. */
function canonicalPrefix(prefix: string | null | undefined): string | null {
  if (!prefix) return null;
  const c = parseCidr(prefix);
  if (c && c.prefix === 0 && c.first === 0n) return null;
  return normalizeCidr(prefix);
}

/**
 * Why the rule resources' check always parses (core/check.ts's fast path needs check's output to check to
 * itself): a canonical rule holds null for what is absent, and check refuses null.
 */
export const CANONICAL_RULES = "check returns canonical rules, whose nulls for absent fields check itself refuses";

/** The canonical form of a checked rule (call only after `checkRule` found nothing). */
export function canonicalRule(r: RuleInput): RuleSpec {
  const family = r.remoteIpPrefix ? prefixFamily(r.remoteIpPrefix) : null;
  const ethertype: Ethertype = r.ethertype ?? family ?? "IPv4";
  let protocol = canonicalProtocol(r.protocol) ?? ANY;
  // Neutron takes "icmp" in an IPv6 rule as ICMPv6 (it is the same rule).
  if (protocol === "icmp" && ethertype === "IPv6") protocol = "icmpv6";
  const ported = takesPortRange(protocol);
  const min = r.portRangeMin ?? null;
  // A TCP/UDP rule with only portRangeMin opens that one port.
  const max = r.portRangeMax ?? (ported && min !== null ? min : null);
  return {
    direction: r.direction ?? "ingress",
    ethertype,
    protocol,
    portRangeMin: min,
    portRangeMax: max,
    remoteIpPrefix: canonicalPrefix(r.remoteIpPrefix),
    remoteGroupId: r.remoteGroupId ?? null,
    description: r.description ?? "",
  };
}

/** "self" as remoteGroupId means the rule's own group. */
export const SELF = "self";

/** The rule with remoteGroupId "self" replaced by the group's id (what Neutron is sent and compared with). */
export function resolveSelf(r: RuleSpec, groupId: string): RuleSpec {
  return r.remoteGroupId === SELF ? { ...r, remoteGroupId: groupId } : r;
}

/** What makes two rules the same rule for Neutron (its duplicate check ignores the description). */
export function ruleKey(r: RuleSpec): string {
  return JSON.stringify([r.direction, r.ethertype, r.protocol, r.portRangeMin, r.portRangeMax, r.remoteIpPrefix, r.remoteGroupId]);
}

/** The same rule and the same description. */
export function fullRuleKey(r: RuleSpec): string {
  return JSON.stringify([ruleKey(r), r.description]);
}

export function describeRule(r: RuleSpec): string {
  const ports = r.portRangeMin === null ? "" : r.portRangeMax === r.portRangeMin ? ` ${r.portRangeMin}` : ` ${r.portRangeMin}-${r.portRangeMax ?? ""}`;
  const remote = r.remoteIpPrefix ?? (r.remoteGroupId ? `group ${r.remoteGroupId}` : "any");
  return `${r.direction} ${r.ethertype} ${r.protocol}${ports} ${r.direction === "ingress" ? "from" : "to"} ${remote}`;
}

/** Every rule field replaces the rule: Neutron cannot update rules (not even the description). */
export const RULE_FIELDS = [
  "direction",
  "ethertype",
  "protocol",
  "portRangeMin",
  "portRangeMax",
  "remoteIpPrefix",
  "remoteGroupId",
  "description",
] as const;

/** Rules one list (a rule set's, a group's inline rules) holds at most. */
export const MAX_RULES = 1000;

/** A list of rules (`rules` of a rule set or of a group): each rule checked, at most MAX_RULES. */
export function ruleListSchema(z: Z) {
  const rule = z.strictObject(ruleFields(z)).superRefine((r, ctx) => {
    for (const i of checkRule(r)) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
  }, whenValid(RULE_FIELDS));
  return z.array(rule).max(MAX_RULES, `at most ${MAX_RULES} rules`);
}

/** Neutron rejects two rules that differ only in their description (DuplicateSecurityGroupRuleInPost). */
export function refineRuleList(v: { rules?: unknown }, ctx: { addIssue(i: { code: "custom"; path: Array<string | number>; message: string }): void }): void {
  const seen = new Map<string, number>();
  if (!Array.isArray(v.rules)) return; // unknown in preview
  v.rules.forEach((r: RuleInput, i: number) => {
    if (!known(r)) return;
    const key = ruleKey(canonicalRule(r));
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path: ["rules", i], message: `is the same rule as rules[${first}] (Neutron ignores descriptions when comparing rules)` });
    } else seen.set(key, i);
  });
}
