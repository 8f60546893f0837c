/** Neutron URLs of routers. */
export const SERVICE = "network" as const;
export const ROUTERS = "/v2.0/routers";
export const routerUrl = (id: string) => `${ROUTERS}/${encodeURIComponent(id)}`;
export const COLLECTION = { service: SERVICE, path: ROUTERS, singular: "router", plural: "routers" };
