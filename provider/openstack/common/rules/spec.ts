/**
 * One security group rule's fields as a spec (provider/core/spec.ts): SecurityGroupRule's own inputs, and the
 * shape of SecurityGroupRuleSet's and SecurityGroup's `rules` elements (`RuleInput`, rule.ts). A rule cannot change
 * in Neutron: every field replaces a SecurityGroupRule. Light: the zod types are rule.ts's `ruleFields`, built at
 * call time.
 */
import { field } from "../../../core/spec";
import { DEFAULT_DIRECTION, ruleFields } from "./rule";

export const ruleSpecFields = {
  /** "ingress" or "egress". */
  direction: field((z) => ruleFields(z).direction.unwrap(), { default: DEFAULT_DIRECTION, replace: true }),
  /** "IPv4" or "IPv6"; default: the family of remoteIpPrefix, else IPv4 (it must match the prefix family). */
  ethertype: field((z) => ruleFields(z).ethertype, { replace: true }),
  /** A name (tcp, udp, icmp, icmpv6/ipv6-icmp, sctp, gre, esp, vrrp, ...), a number 0-255, or "any" (default). */
  protocol: field((z) => ruleFields(z).protocol, { replace: true }),
  /** tcp/udp/sctp/dccp/udplite: first port (1-65535); icmp/icmpv6: the ICMP type (0-255); other protocols: none. */
  portRangeMin: field((z) => ruleFields(z).portRangeMin, { replace: true }),
  /** tcp/udp/...: last port (default: portRangeMin, min <= max); icmp/icmpv6: the ICMP code (0-255). */
  portRangeMax: field((z) => ruleFields(z).portRangeMax, { replace: true }),
  /** A CIDR; exclusive with remoteGroupId. Absent (and 0.0.0.0/0, ::/0, as in Neutron) = any address. */
  remoteIpPrefix: field((z) => ruleFields(z).remoteIpPrefix, { replace: true }),
  /** A group id, or "self" for the rule's own group; exclusive with remoteIpPrefix. */
  remoteGroupId: field((z) => ruleFields(z).remoteGroupId, { replace: true }),
  /** The rule's description. */
  description: field((z) => ruleFields(z).description, { replace: true }),
};
