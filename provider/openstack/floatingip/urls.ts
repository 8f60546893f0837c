/** Neutron URLs of floating IPs. */
export const SERVICE = "network" as const;
export const FLOATINGIPS = "/v2.0/floatingips";
export const floatingIpUrl = (id: string) => `${FLOATINGIPS}/${encodeURIComponent(id)}`;
export const COLLECTION = { service: SERVICE, path: FLOATINGIPS, singular: "floatingip", plural: "floatingips" };
