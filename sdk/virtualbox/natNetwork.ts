import { spec } from "../../provider/virtualbox/natnetwork/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { AdoptInput } from "../../provider/core/schema";
import type { PortForward } from "../../provider/virtualbox/natnetwork/types";
import type { InputsOf } from "../inputs";

/** Adopt an existing VirtualBox object: by its id, or by its (unique) name. */
export interface VBoxAdoptArgs extends InputsOf<AdoptInput> {}

/** One port forward: the provider's `PortForward`, each field a pulumi.Input. */
export interface PortForwardArgs extends InputsOf<PortForward> {}

/**
 * A VirtualBox NAT Network (id = its name). Only the name replaces; port forwards are reconciled as a set.
 * Fields, docs, what replaces, secrets: provider/virtualbox/natnetwork/spec.ts; see its README.md.
 */
export interface NatNetworkArgs extends ArgsOf<typeof spec> {}

/** `NatNetwork.get(name, id, state)` reads an existing one without managing it. */
export const NatNetwork = resourceClass<typeof spec, NatNetworkArgs>(spec);
export type NatNetwork = ResourceInstance<typeof spec>;
