/** Neutron security groups and their rules (catalog service "network"): every rule and group request uses them. */
import { collection } from "../urls";

export const SERVICE = "network" as const;
export const RULES = "/v2.0/security-group-rules";
export const GROUPS = "/v2.0/security-groups";

export const RULE_COLLECTION = collection(SERVICE, RULES, "security_group_rule", "security_group_rules");
export const GROUP_COLLECTION = collection(SERVICE, GROUPS, "security_group", "security_groups");
