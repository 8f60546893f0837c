import { spec } from "../../provider/virtualbox/virtualmachine/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { ElementArgsOf, FieldArgsOf } from "../resource";

/** One network adapter (see the spec's `nics`). */
export interface NicArgs extends ElementArgsOf<typeof spec, "nics"> {}
/** The VM's disk (see the spec's `disk`). */
export interface DiskArgs extends FieldArgsOf<typeof spec, "disk"> {}
/** Unattended CentOS Stream 9 install with our kickstart (static IPv4, root SSH key). Kept secret in state. */
export interface UnattendedArgs extends FieldArgsOf<typeof spec, "unattended"> {}
/** Where an SSH banner tells that the guest is up (a forwarded host port; no Guest Additions needed). */
export interface ReadinessArgs extends FieldArgsOf<typeof spec, "readiness"> {}

/**
 * A VirtualBox VM (id = its UUID). Settings that need the VM off are applied after a graceful ACPI shutdown and
 * the power state is restored.
 * Fields, docs, what replaces, secrets: provider/virtualbox/virtualmachine/spec.ts; see its README.md.
 */
export interface VirtualMachineArgs extends ArgsOf<typeof spec> {}

/** `VirtualMachine.get(name, id, state)` reads an existing one without managing it. */
export const VirtualMachine = resourceClass<typeof spec, VirtualMachineArgs>(spec);
export type VirtualMachine = ResourceInstance<typeof spec>;
