/** Neutron routers: every request's URL comes from this collection. */
import { collection } from "../common/urls";

export const COLLECTION = collection("network", "/v2.0/routers", "router", "routers");
