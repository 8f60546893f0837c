/** Neutron floating IPs: every request's URL comes from this collection. */
import { collection } from "../common/urls";

export const SERVICE = "network" as const;
export const FLOATINGIPS = "/v2.0/floatingips";
export const COLLECTION = collection(SERVICE, FLOATINGIPS, "floatingip", "floatingips");
