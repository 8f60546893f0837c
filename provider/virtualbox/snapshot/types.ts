/** virtualbox.Snapshot: inputs (zod schema) and outputs. */
import type { Z } from "../../core/controller";
import { VBoxCommonInputs, vboxCommonFields, vboxNameSchema } from "../vboxmanage/schema";

export interface SnapshotInputs extends VBoxCommonInputs {
  /** The VM's UUID (virtualbox.VirtualMachine's `uuid`/id). */
  vm: string;
  name: string;
  description?: string;
}

export interface SnapshotOutputs {
  vm: string;
  name: string;
  uuid: string;
  description: string | null;
  /** True when this is the VM's current snapshot. */
  current: boolean;
  parentUuid: string | null;
}

export function snapshotSchema(z: Z) {
  return z.strictObject({
    ...vboxCommonFields(z),
    vm: z
      .string({ error: "must be a string" })
      .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, "must be the VM's UUID (virtualbox.VirtualMachine uuid)")
      .transform((s) => s.replace(/[{}]/g, "").toLowerCase()),
    name: vboxNameSchema(z),
    description: z.string({ error: "must be a string" }).max(4096, "must be at most 4096 characters").optional(),
  });
}
