/** Neutron subnet URLs (service type "network"). */
export const SERVICE = "network";
export const subnetsUrl = () => "/v2.0/subnets";
export const subnetUrl = (id: string) => `/v2.0/subnets/${encodeURIComponent(id)}`;
export const COLLECTION = { service: SERVICE, path: subnetsUrl(), singular: "subnet", plural: "subnets" };
