import * as pulumi from "@pulumi/pulumi";
import { CloudArgs } from "../openstack/cloud";
import { getExisting, LabResource } from "../resource";
import { ConnectionArgs, secretConnection } from "./connection";

/**
 * An all-in-one Packstack install of OpenStack (Zed) with OVS + vxlan and a flat external network on extnet:br-ex.
 * The answer file is generated once and kept in state as a secret: every later run uploads the same file, so
 * passwords never change. Packstack runs detached on the guest and survives the SSH connection dropping.
 * read() is a health check (services, Horizon, nova's DB credentials); update repairs without re-running
 * Packstack unless an input that changes the answer file changed. See provider/lab/packstack/README.md.
 */
export interface PackstackInstallArgs {
  connection: pulumi.Input<ConnectionArgs>;
  adminPassword: pulumi.Input<string>;
  /** default "10.0.2.15" */
  hostIp?: pulumi.Input<string>;
  /** default "enp0s3" */
  externalInterface?: pulumi.Input<string>;
  /** default "br-ex" */
  bridge?: pulumi.Input<string>;
  /** default "extnet" */
  physnet?: pulumi.Input<string>;
  /** default ["vxlan"] */
  tenantNetworkTypes?: pulumi.Input<pulumi.Input<string>[]>;
  /** default ["vxlan", "flat"] */
  typeDrivers?: pulumi.Input<pulumi.Input<string>[]>;
  /** default "openvswitch" */
  l2Agent?: pulumi.Input<string>;
  /** default false */
  provisionDemo?: pulumi.Input<boolean>;
  /** CONFIG_* overrides */
  extraAnswers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** default 120 */
  timeoutMinutes?: pulumi.Input<number>;
  /**
   * `{}`: take over a Packstack install that already runs on the host (its answer file and keystonerc) instead of
   * refusing it; the answer file is then reused, so its passwords stay.
   */
  adopt?: pulumi.Input<Record<string, never>>;
  /** Static address, gateway and prefix written to ifcfg-br-ex before installing (defaults from hostIp, 10.0.2.1, 24). */
  gateway?: pulumi.Input<string>;
  prefixLength?: pulumi.Input<number>;
  /**
   * Nova's libvirt virt_type: "auto" (default) = `kvm` when the VM has /dev/kvm (nested virtualization), `qemu`
   * otherwise; "kvm" or "qemu" forces one. Read back from nova.conf: a hand change is drift.
   */
  virtType?: pulumi.Input<"auto" | "kvm" | "qemu">;
}

export interface ServiceHealth {
  name: string;
  active: boolean;
}

export class PackstackInstall extends LabResource {
  /** The admin credentials from /root/keystonerc_admin, in the `cloud` shape the OpenStack resources take. */
  public readonly keystonerc!: pulumi.Output<CloudArgs>;
  public readonly dashboardUrl!: pulumi.Output<string>;
  /** The answer file Packstack was run with (secret). */
  public readonly answerFile!: pulumi.Output<string>;
  public readonly services!: pulumi.Output<ServiceHealth[]>;
  public readonly healthy!: pulumi.Output<boolean>;
  /** Problems found by the health check, one line each with the fix. */
  public readonly problems!: pulumi.Output<string[]>;
  public readonly runs!: pulumi.Output<number>;
  /** nova.conf's [libvirt] virt_type ("auto" while it is what the VM has). */
  public readonly virtType!: pulumi.Output<string>;
  /** The VM has /dev/kvm (nested virtualization on). */
  public readonly kvm!: pulumi.Output<boolean>;
  public readonly hostKeyFingerprint!: pulumi.Output<string>;

  constructor(name: string, args: PackstackInstallArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "lab.PackstackInstall",
      name,
      { ...args, connection: secretConnection(args.connection), adminPassword: pulumi.secret(args.adminPassword) },
      ["keystonerc", "dashboardUrl", "answerFile", "services", "healthy", "problems", "runs", "hostKeyFingerprint", "hostIp", "externalInterface",
        "bridge", "physnet", "tenantNetworkTypes", "typeDrivers", "l2Agent", "provisionDemo", "extraAnswers", "virtType", "kvm"],
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "keystonerc", "answerFile"] },
    );
  }

  /** A read-only reference to an existing Packstack install (read checks the host the connection reaches): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: PackstackInstallArgs, opts?: pulumi.CustomResourceOptions): PackstackInstall {
    return getExisting(PackstackInstall, name, id, state, opts);
  }
}
