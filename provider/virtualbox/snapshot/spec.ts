/** virtualbox.Snapshot's inputs and outputs, written once (provider/core/spec.ts). Only the VM replaces. */
import { defineSpec, field, output } from "../../core/spec";
import { vboxNameSchema } from "../vboxmanage/schema";
import { vboxFields } from "../vboxmanage/spec";

export const spec = defineSpec({
  key: "virtualbox.Snapshot",
  inputs: {
    ...vboxFields,
    /** The VM's UUID (virtualbox.VirtualMachine's `uuid`/id). */
    vm: field(
      (z) =>
        z
          .string({ error: "must be a string" })
          .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, "must be the VM's UUID (virtualbox.VirtualMachine uuid)")
          .transform((s) => s.replace(/[{}]/g, "").toLowerCase()),
      { replace: true },
    ),
    /** The snapshot's name (`snapshot edit --name`). */
    name: field((z) => vboxNameSchema(z)),
    /** The snapshot's description (at most 4096 characters). */
    description: field((z) => z.string({ error: "must be a string" }).max(4096, "must be at most 4096 characters").optional()),
  },
  outputs: {
    vm: output<string>(), name: output<string>(),
    /** The snapshot's UUID (= the id). */
    uuid: output<string>(),
    description: output<string | null>(),
    /** True when this is the VM's current snapshot. */
    current: output<boolean>(),
    parentUuid: output<string | null>(),
  },
});
