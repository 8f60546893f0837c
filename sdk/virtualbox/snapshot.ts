import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import type { VBoxAdoptArgs } from "./natNetwork";

/**
 * A snapshot of a VirtualBox VM (id = the snapshot's UUID). Replace: vm. In place: name, description.
 * See provider/virtualbox/snapshot/README.md.
 */
export interface SnapshotArgs {
  /** The VM's UUID (VirtualMachine.uuid). */
  vm: pulumi.Input<string>;
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  vboxManagePath?: pulumi.Input<string>;
  /** Take over an existing snapshot of `vm` (by UUID, or by its unique name). */
  adopt?: pulumi.Input<VBoxAdoptArgs>;
}

const OUTPUTS = ["vm", "name", "uuid", "description", "current", "parentUuid"] as const;

export class Snapshot extends LabResource {
  public readonly vm!: pulumi.Output<string>;
  public readonly name!: pulumi.Output<string>;
  public readonly uuid!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string | null>;
  public readonly current!: pulumi.Output<boolean>;
  public readonly parentUuid!: pulumi.Output<string | null>;

  constructor(name: string, args: SnapshotArgs, opts?: pulumi.CustomResourceOptions) {
    super("virtualbox.Snapshot", name, { ...args }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing snapshot (id = its UUID; `vm`: the VM it belongs to): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<SnapshotArgs, "vm" | "vboxManagePath">, opts?: pulumi.CustomResourceOptions): Snapshot {
    return getExisting(Snapshot, name, id, state, opts);
  }
}
