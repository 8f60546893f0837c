/** Neutron URLs of router interfaces (ports owned by a router). */
import { COLLECTION as ROUTERS } from "../router/urls";
export const SERVICE = "network" as const;
export const PORTS = "/v2.0/ports";
export const addInterfaceUrl = (routerId: string) => `${ROUTERS.url(routerId)}/add_router_interface`;
export const removeInterfaceUrl = (routerId: string) => `${ROUTERS.url(routerId)}/remove_router_interface`;
