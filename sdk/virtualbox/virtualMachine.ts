import * as pulumi from "@pulumi/pulumi";
import { getExisting, LabResource } from "../resource";
import type { VBoxAdoptArgs } from "./natNetwork";

export interface NicArgs {
  type: pulumi.Input<"natnetwork" | "nat" | "bridged" | "hostonly" | "intnet">;
  /** NAT Network name (type natnetwork). */
  natNetwork?: pulumi.Input<string>;
  /** Host interface (type bridged). */
  bridgeAdapter?: pulumi.Input<string>;
  /** Host-only interface such as vboxnet0 (type hostonly). */
  hostOnlyAdapter?: pulumi.Input<string>;
  /** Internal network name (type intnet, default "intnet"). */
  internalNetwork?: pulumi.Input<string>;
  /** Default "deny"; Neutron's external flat network needs "allow-all". */
  promiscuous?: pulumi.Input<"deny" | "allow-vms" | "allow-all">;
  /** 12 hex digits (separators allowed); omitted = VirtualBox picks one. */
  macAddress?: pulumi.Input<string>;
}

export interface DiskArgs {
  sizeMb: pulumi.Input<number>;
  /** Where the .vdi goes (default beside the VM settings). An existing file is attached as is. */
  path?: pulumi.Input<string>;
  /** Leave the disk file when the VM is deleted (default false). */
  keepOnDelete?: pulumi.Input<boolean>;
}

/** Unattended CentOS Stream 9 install with our kickstart (static IPv4, root SSH key). Kept secret in state. */
export interface UnattendedArgs {
  rootPassword: pulumi.Input<string>;
  /** One OpenSSH public key line, installed for root. */
  sshPublicKey: pulumi.Input<string>;
  /** Fully qualified (default "openstack.lab.local"). */
  hostname?: pulumi.Input<string>;
  /** Default "10.0.2.15". */
  ip?: pulumi.Input<string>;
  /** Default 24. */
  prefixLength?: pulumi.Input<number>;
  /** Default "10.0.2.1". */
  gateway?: pulumi.Input<string>;
  /** Default ["10.0.2.1"]. */
  dns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Default "UTC". */
  timeZone?: pulumi.Input<string>;
  /** Extra packages on top of the minimal environment. */
  packages?: pulumi.Input<pulumi.Input<string>[]>;
}

/** Where an SSH banner tells that the guest is up (a forwarded host port; no Guest Additions needed). */
export interface ReadinessArgs {
  host?: pulumi.Input<string>;
  port: pulumi.Input<number>;
  /** Default 3600 (also bounded by customTimeouts.create). */
  timeoutSeconds?: pulumi.Input<number>;
}

/**
 * A VirtualBox VM (id = its UUID). Replace: installerIso, unattended, disk (a smaller sizeMb or another path).
 * In place: everything else; settings that
 * need the VM off are applied after a graceful ACPI shutdown and the power state is restored. See
 * provider/virtualbox/virtualmachine/README.md.
 */
export interface VirtualMachineArgs {
  name: pulumi.Input<string>;
  /** VirtualBox OS type id (default "RedHat_64"). */
  osType?: pulumi.Input<string>;
  /** Default 2. */
  cpus?: pulumi.Input<number>;
  /** Default 4096 (at least 2048 with unattended). */
  memoryMb?: pulumi.Input<number>;
  /** Default 40 GB. */
  disk?: pulumi.Input<DiskArgs>;
  /** Default one NAT adapter. */
  nics?: pulumi.Input<pulumi.Input<NicArgs>[]>;
  /** Default ["disk", "dvd"]. */
  bootOrder?: pulumi.Input<pulumi.Input<"disk" | "dvd" | "net" | "floppy">[]>;
  /** Default true (Packstack's Nova runs nested guests). */
  nestedVirtualization?: pulumi.Input<boolean>;
  /** Default "vmsvga". */
  graphicsController?: pulumi.Input<"vmsvga" | "vboxvga" | "vboxsvga" | "none">;
  /** Default "running". */
  state?: pulumi.Input<"running" | "poweroff">;
  /** Default "headless". */
  startType?: pulumi.Input<"headless" | "gui" | "sdl" | "separate">;
  /** Seconds to wait for an ACPI shutdown before a hard power-off (default 120). */
  gracefulStopSeconds?: pulumi.Input<number>;
  /** Installer DVD image (required with unattended). */
  installerIso?: pulumi.Input<string>;
  unattended?: pulumi.Input<UnattendedArgs>;
  readiness?: pulumi.Input<ReadinessArgs>;
  vboxManagePath?: pulumi.Input<string>;
  /** Take over an existing VM (by UUID or name) instead of creating one. */
  adopt?: pulumi.Input<VBoxAdoptArgs>;
}

const OUTPUTS = [
  "name", "uuid", "osType", "cpus", "memoryMb", "state", "nics", "bootOrder", "nestedVirtualization", "graphicsController", "disk",
] as const;

export class VirtualMachine extends LabResource {
  public readonly name!: pulumi.Output<string>;
  public readonly uuid!: pulumi.Output<string>;
  public readonly osType!: pulumi.Output<string>;
  public readonly cpus!: pulumi.Output<number>;
  public readonly memoryMb!: pulumi.Output<number>;
  /** Live VMState: running, poweroff, saved, aborted, ... */
  public readonly state!: pulumi.Output<string>;
  public readonly nics!: pulumi.Output<Array<{ type: string; natNetwork?: string; bridgeAdapter?: string; hostOnlyAdapter?: string; internalNetwork?: string; promiscuous?: string; macAddress?: string }>>;
  public readonly bootOrder!: pulumi.Output<string[]>;
  public readonly nestedVirtualization!: pulumi.Output<boolean | null>;
  public readonly graphicsController!: pulumi.Output<string | null>;
  public readonly disk!: pulumi.Output<{ sizeMb: number; path?: string; keepOnDelete: boolean }>;

  constructor(name: string, args: VirtualMachineArgs, opts?: pulumi.CustomResourceOptions) {
    super("virtualbox.VirtualMachine", name, { ...args, unattended: args.unattended === undefined ? undefined : pulumi.secret(args.unattended) }, OUTPUTS, opts);
  }

  /** A read-only reference to an existing VM (id = its UUID): read, never changed or deleted by this stack. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: Pick<VirtualMachineArgs, "vboxManagePath">, opts?: pulumi.CustomResourceOptions): VirtualMachine {
    return getExisting(VirtualMachine, name, id, state, opts);
  }
}
