/** Neutron security group body -> outputs. */
import { sortedTags } from "../common";
import type { SecurityGroupOutputs } from "./types";
import { ApiRule, ruleFromApi } from "../common/rules";

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
  return (g.security_group_rules ?? []).filter((r) => {
    const s = ruleFromApi(r); // 0.0.0.0/0 and ::/0 count as "any", as Neutron counts them
    return s.direction === "egress" && s.protocol === "any" && s.portRangeMin === null && s.remoteIpPrefix === null && s.remoteGroupId === null;
  });
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
