/** Neutron network URLs (service type "network"). */
export const SERVICE = "network";
export const networksUrl = () => "/v2.0/networks";
export const networkUrl = (id: string) => `/v2.0/networks/${encodeURIComponent(id)}`;
export const COLLECTION = { service: SERVICE, path: networksUrl(), singular: "network", plural: "networks" };
