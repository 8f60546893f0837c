import { spec } from "../../provider/virtualbox/snapshot/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A snapshot of a VirtualBox VM (id = the snapshot's UUID). Only the VM replaces.
 * Fields, docs, what replaces, secrets: provider/virtualbox/snapshot/spec.ts; see its README.md.
 */
export interface SnapshotArgs extends ArgsOf<typeof spec> {}

/** `Snapshot.get(name, id, state)` reads an existing one without managing it. */
export const Snapshot = resourceClass<typeof spec, SnapshotArgs>(spec);
export type Snapshot = ResourceInstance<typeof spec>;
