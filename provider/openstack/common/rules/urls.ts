/** Neutron URLs of security groups and their rules (catalog service "network"): every rule and group request uses them. */
export const SERVICE = "network" as const;
export const RULES = "/v2.0/security-group-rules";
export const GROUPS = "/v2.0/security-groups";

export const ruleUrl = (id: string) => `${RULES}/${encodeURIComponent(id)}`;
export const groupUrl = (id: string) => `${GROUPS}/${encodeURIComponent(id)}`;

export const RULE_COLLECTION = { service: SERVICE, path: RULES, singular: "security_group_rule", plural: "security_group_rules" };
export const GROUP_COLLECTION = { service: SERVICE, path: GROUPS, singular: "security_group", plural: "security_groups" };
