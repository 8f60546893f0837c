import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/** A subnet attached to a router; id = the router's port. Both inputs replace. See provider/openstack/routerinterface/README.md. */
export interface RouterInterfaceArgs {
  routerId: pulumi.Input<string>;
  subnetId: pulumi.Input<string>;
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over the router's existing port on the subnet (adopt: {id: portId}). */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["routerId", "subnetId", "portId", "ipAddress"] as const;

export class RouterInterface extends LabResource {
  public readonly routerId!: pulumi.Output<string>;
  public readonly subnetId!: pulumi.Output<string>;
  public readonly portId!: pulumi.Output<string>;
  /** The router's address on the subnet. */
  public readonly ipAddress!: pulumi.Output<string | null>;

  constructor(name: string, args: RouterInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.RouterInterface", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing router interface (id = its port; the read looks among the router's ports on the subnet): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<RouterInterfaceArgs, "cloud" | "routerId" | "subnetId">, opts?: pulumi.CustomResourceOptions): RouterInterface {
    return getExisting(RouterInterface, name, id, state, opts);
  }
}
