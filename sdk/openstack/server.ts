import { spec } from "../../provider/openstack/server/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { ServerNetworkInput } from "../../provider/openstack/server/types";
import type { InputsOf } from "../inputs";

/** One of a server's networks: a new port on `networkId`, or an existing port. */
export interface ServerNetworkArgs extends InputsOf<ServerNetworkInput> {}

/**
 * A Nova server. Waits for ACTIVE; a server that goes to ERROR fails the update with Nova's fault message and is
 * deleted again. name, metadata, securityGroups and powerState change in place; the rest replaces.
 * Fields, docs, what replaces, secrets: provider/openstack/server/spec.ts; see its README.md.
 */
export interface ServerArgs extends ArgsOf<typeof spec> {}

/** `Server.get(name, id, state)` reads an existing one without managing it. */
export const Server = resourceClass<typeof spec, ServerArgs>(spec);
export type Server = ResourceInstance<typeof spec>;
