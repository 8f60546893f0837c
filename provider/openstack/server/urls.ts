/** Nova URLs of servers (and the Neutron ports that belong to one). */
export const SERVICE = "compute" as const;
/** 2.37: `networks` is required ("none"/"auto" or a list); the server's flavor is still given by id (until 2.47). */
export const MICROVERSION = "2.37";
export const SERVERS = "/servers";
export const serverUrl = (id: string) => `${SERVERS}/${encodeURIComponent(id)}`;
export const actionUrl = (id: string) => `${serverUrl(id)}/action`;
export const metadataUrl = (id: string) => `${serverUrl(id)}/metadata`;
export const PORTS = "/v2.0/ports";
export const SECURITY_GROUPS = "/v2.0/security-groups";
