/** Neutron URLs of security groups. */
export const SERVICE = "network" as const;
export const GROUPS = "/v2.0/security-groups";
export const groupUrl = (id: string) => `${GROUPS}/${encodeURIComponent(id)}`;
export const COLLECTION = { service: SERVICE, path: GROUPS, singular: "security_group", plural: "security_groups" };
