import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/**
 * A floating IP from an external network. networkId and address replace; portId / fixedIpAddress associate and
 * disassociate in place. See provider/openstack/floatingip/README.md.
 */
export interface FloatingIpArgs {
  networkId: pulumi.Input<string>;
  /** A specific address (admin); absent = Neutron picks one. */
  address?: pulumi.Input<string>;
  /** The port to associate with; absent/null = not associated (an association made elsewhere is drift). */
  portId?: pulumi.Input<string | null>;
  /** Which of the port's fixed addresses; needs portId. */
  fixedIpAddress?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing floating IP: by id, or `name` = its address. */
  adopt?: pulumi.Input<AdoptArgs>;
}

const OUTPUTS = ["networkId", "address", "portId", "fixedIpAddress", "description", "routerId", "status", "projectId"] as const;

export class FloatingIp extends LabResource {
  public readonly networkId!: pulumi.Output<string>;
  public readonly address!: pulumi.Output<string>;
  public readonly portId!: pulumi.Output<string | null>;
  public readonly fixedIpAddress!: pulumi.Output<string | null>;
  public readonly description!: pulumi.Output<string>;
  public readonly routerId!: pulumi.Output<string | null>;
  public readonly status!: pulumi.Output<string>;
  public readonly projectId!: pulumi.Output<string>;

  constructor(name: string, args: FloatingIpArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.FloatingIp", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing floating IP: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<FloatingIpArgs, "cloud">, opts?: pulumi.CustomResourceOptions): FloatingIp {
    return getExisting(FloatingIp, name, id, state, opts);
  }
}
