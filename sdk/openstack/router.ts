import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { AdoptArgs, CloudArgs, secretCloud } from "./cloud";

/** A Neutron router with an optional external gateway. Everything updates in place. See provider/openstack/router/README.md. */
export interface RouterArgs {
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** The external network of the gateway; absent = no gateway (removing it clears the gateway). */
  externalNetworkId?: pulumi.Input<string>;
  /** SNAT on the gateway (Neutron's default: true); needs externalNetworkId. */
  enableSnat?: pulumi.Input<boolean>;
  adminStateUp?: pulumi.Input<boolean>;
  cloud?: pulumi.Input<CloudArgs>;
  /** Take over an existing router (by id, or by its unique name in the project). */
  adopt?: pulumi.Input<AdoptArgs>;
}

export interface ExternalFixedIp {
  subnetId: string;
  ipAddress: string;
}

const OUTPUTS = ["name", "description", "externalNetworkId", "enableSnat", "adminStateUp", "externalFixedIps", "status", "projectId"] as const;

export class Router extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly externalNetworkId!: pulumi.Output<string | null>;
  public readonly enableSnat!: pulumi.Output<boolean | null>;
  public readonly adminStateUp!: pulumi.Output<boolean>;
  /** The gateway's addresses on the external network. */
  public readonly externalFixedIps!: pulumi.Output<ExternalFixedIp[]>;
  public readonly status!: pulumi.Output<string>;
  public readonly projectId!: pulumi.Output<string>;

  constructor(name: string, args: RouterArgs, opts?: pulumi.CustomResourceOptions) {
    super("openstack.Router", name, { ...args, cloud: secretCloud(args.cloud) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing router: read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<RouterArgs, "cloud">, opts?: pulumi.CustomResourceOptions): Router {
    return getExisting(Router, name, id, state, opts);
  }
}
