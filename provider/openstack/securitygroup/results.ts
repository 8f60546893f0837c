/** Neutron security group body -> outputs. */
import { sortedTags } from "../common";
import type { ApiRule } from "../securitygrouprule/results";
import type { SecurityGroupOutputs } from "./types";

export interface ApiGroup {
  id: string;
  name: string;
  description: string | null;
  stateful?: boolean;
  tags?: string[];
  project_id: string;
  security_group_rules?: ApiRule[];
}

/** The egress "allow everything" rules Neutron adds to a new group. */
export function defaultEgressRules(g: ApiGroup): ApiRule[] {
  return (g.security_group_rules ?? []).filter(
    (r) => r.direction === "egress" && r.protocol === null && r.port_range_min === null && r.port_range_max === null && !r.remote_ip_prefix && !r.remote_group_id,
  );
}

/** `deleteDefaultRules` reads true only while the group has none of Neutron's default egress rules. */
export function groupOutputs(g: ApiGroup, deleteDefaultRules: boolean): SecurityGroupOutputs {
  return {
    name: g.name,
    description: g.description ?? "",
    deleteDefaultRules: deleteDefaultRules && defaultEgressRules(g).length === 0,
    stateful: g.stateful ?? true,
    tags: sortedTags(g.tags),
    projectId: g.project_id,
    ruleIds: (g.security_group_rules ?? []).map((r) => r.id).sort(),
  };
}
