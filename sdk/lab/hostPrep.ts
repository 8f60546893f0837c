import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import { ConnectionArgs, secretConnection } from "./connection";

/**
 * Prepares a CentOS Stream 9 host for Packstack, item by item (check, then act): static IP on the interface,
 * hostname, locale in /etc/environment, firewalld off, NetworkManager off and network.service on, SELinux
 * disabled (rebooting when the kernel still enforces), CRB + the OpenStack repo, packages, root SSH for Packstack.
 * Prechecks (OS, RAM, CPUs, disk, interface, gateway, repos, hostname) run before any change.
 * See provider/lab/hostprep/README.md.
 */
export interface HostPrepArgs {
  connection: pulumi.Input<ConnectionArgs>;
  /** default "enp0s3" */
  interface?: pulumi.Input<string>;
  /** default "10.0.2.15/24" */
  staticIp?: pulumi.Input<string>;
  /** default "10.0.2.1" */
  gateway?: pulumi.Input<string>;
  /** default ["8.8.8.8", "8.8.4.4"] */
  dns?: pulumi.Input<pulumi.Input<string>[]>;
  /** default "openstack.lab" */
  hostname?: pulumi.Input<string>;
  /** LANG and LC_ALL in /etc/environment; default "en_US.utf-8" */
  locale?: pulumi.Input<string>;
  /** default true */
  disableFirewalld?: pulumi.Input<boolean>;
  /** default true: NetworkManager stopped and disabled, network-scripts installed, network.service enabled */
  networkScripts?: pulumi.Input<boolean>;
  /** "disabled" (default) | "permissive" | "enforcing" */
  selinux?: pulumi.Input<string>;
  /** default "zed": CRB enabled and centos-release-openstack-zed installed */
  openstackRelease?: pulumi.Input<string>;
  /** default ["openstack-packstack"] */
  packages?: pulumi.Input<pulumi.Input<string>[]>;
  /** default true: root key login so Packstack never asks for a password */
  rootSshForPackstack?: pulumi.Input<boolean>;
}

export class HostPrep extends LabResource {
  public readonly connection!: pulumi.Output<ConnectionArgs>;
  public readonly interface!: pulumi.Output<string>;
  public readonly staticIp!: pulumi.Output<string>;
  public readonly gateway!: pulumi.Output<string>;
  public readonly dns!: pulumi.Output<string[]>;
  public readonly hostname!: pulumi.Output<string>;
  public readonly locale!: pulumi.Output<string>;
  public readonly disableFirewalld!: pulumi.Output<boolean>;
  public readonly networkScripts!: pulumi.Output<boolean>;
  public readonly selinux!: pulumi.Output<string>;
  public readonly openstackRelease!: pulumi.Output<string>;
  public readonly packages!: pulumi.Output<string[]>;
  public readonly rootSshForPackstack!: pulumi.Output<boolean>;
  /** What each item looks like on the host now, e.g. {firewalld: "inactive (disabled)", selinux: "disabled"}. */
  public readonly items!: pulumi.Output<Record<string, string>>;
  /** One human line per item that drifted since the last apply, e.g. "firewalld is active again". */
  public readonly drift!: pulumi.Output<string[]>;
  /** Warnings from the prechecks (e.g. RAM below 16 GiB). */
  public readonly warnings!: pulumi.Output<string[]>;
  public readonly hostKeyFingerprint!: pulumi.Output<string>;

  constructor(name: string, args: HostPrepArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "lab.HostPrep",
      name,
      { ...args, connection: secretConnection(args.connection) },
      ["interface", "staticIp", "gateway", "dns", "hostname", "locale", "disableFirewalld", "networkScripts", "selinux",
        "openstackRelease", "packages", "rootSshForPackstack", "items", "drift", "warnings", "hostKeyFingerprint"],
      opts,
    );
  }

  /** A read-only reference to an existing prepared host (read probes the host the connection reaches against `state`): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: HostPrepArgs, opts?: pulumi.CustomResourceOptions): HostPrep {
    return getExisting(HostPrep, name, id, state, opts);
  }
}
