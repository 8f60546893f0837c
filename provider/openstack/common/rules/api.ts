/** Neutron security group rule bodies -> canonical rules and outputs. */
import { canonicalRule, Direction, Ethertype, RuleSpec } from "./rule";

/** A rule as Neutron returns it (the fields used here). */
export interface ApiRule {
  id: string;
  security_group_id: string;
  direction: Direction;
  ethertype: Ethertype;
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description: string | null;
}

export function ruleFromApi(r: ApiRule): RuleSpec {
  return canonicalRule({
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: r.protocol ?? undefined,
    portRangeMin: r.port_range_min ?? undefined,
    portRangeMax: r.port_range_max ?? undefined,
    remoteIpPrefix: r.remote_ip_prefix ?? undefined,
    remoteGroupId: r.remote_group_id ?? undefined,
    description: r.description ?? undefined,
  });
}

/** The id Neutron names in "Security group rule already exists. Rule id is <id>." */
export function existingRuleId(message: string | undefined): string | null {
  const m = /Rule id is ([0-9a-f-]{36})/i.exec(message ?? "");
  return m ? m[1] : null;
}
