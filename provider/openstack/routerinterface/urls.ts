/** Neutron URLs of router interfaces (ports owned by a router). */
import { routerUrl } from "../router/urls";
export const SERVICE = "network" as const;
export const PORTS = "/v2.0/ports";
export const addInterfaceUrl = (routerId: string) => `${routerUrl(routerId)}/add_router_interface`;
export const removeInterfaceUrl = (routerId: string) => `${routerUrl(routerId)}/remove_router_interface`;
