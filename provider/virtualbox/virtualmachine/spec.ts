/**
 * virtualbox.VirtualMachine's inputs and outputs, written once (provider/core/spec.ts). The installer ISO and the
 * unattended install replace the VM; a smaller or moved disk too (the controller's replaceIf); settings that need
 * the VM off are applied after a graceful ACPI shutdown and the power state is restored. The nested schemas and
 * the checks spanning fields are in types.ts.
 */
import { isIP } from "net";
import { defineSpec, field, output, withDefaults } from "../../core/spec";
import { portSchema } from "../vboxmanage/schema";
import { vboxFields } from "../vboxmanage/spec";
import { BOOT_DEVICES, DiskInput, msg, Nic, nicSchema, READINESS_HOST, unattendedSchema, vmNameSchema } from "./types";

/** The defaults nested in the fields' values (data: core/spec.ts `NestedDefaults`; the zod shapes take them from here). */
export const DISK_DEFAULTS = { keys: { keepOnDelete: false } } as const;
export const NIC_DEFAULTS = { keys: { promiscuous: "deny" } } as const;
export const UNATTENDED_DEFAULTS = {
  keys: { hostname: "openstack.lab.local", ip: "10.0.2.15", prefixLength: 24, gateway: "10.0.2.1", dns: () => ["10.0.2.1"], timeZone: "UTC", packages: () => [] as string[] },
} as const;
export const READINESS_DEFAULTS = { keys: { host: "127.0.0.1", timeoutSeconds: 3600 } } as const;

export const spec = defineSpec({
  key: "virtualbox.VirtualMachine",
  inputs: {
    ...vboxFields,
    /** The VM's name (`modifyvm --name`; no "/", "\" or "..": it is part of the default disk path). */
    name: field((z) => vmNameSchema(z)),
    /** VirtualBox OS type id. */
    osType: field((z) => z.string(msg("must be a string")).regex(/^[A-Za-z0-9_]+$/, "must be a VirtualBox OS type id such as RedHat_64"), { default: "RedHat_64" }),
    /** Virtual CPUs (1-64). */
    cpus: field((z) => z.number(msg("must be a number")).int("must be an integer").min(1, "must be at least 1").max(64, "must be at most 64"), { default: 2 }),
    /** Memory, MB (at least 2048 with unattended). */
    memoryMb: field((z) => z.number(msg("must be a number")).int("must be an integer").min(4, "must be at least 4").max(2097152, "must be at most 2097152"), { default: 4096 }),
    /**
     * The disk `{sizeMb, path?, keepOnDelete}` (default 40 GB beside the VM settings, not kept). `sizeMb` grows in
     * place (`modifymedium --resize`); VirtualBox disks only grow and are not moved. An existing `path` is attached
     * as is (reuse a kept disk); keepOnDelete leaves the file when the VM is deleted.
     */
    disk: field((z) =>
      z
        .strictObject(withDefaults({
          sizeMb: z.number(msg("must be a number")).int("must be an integer").min(1024, "must be at least 1024 (1 GB)"),
          path: z.string(msg("must be a string")).min(1, "must not be empty").optional(),
          keepOnDelete: z.boolean(msg("must be true or false")),
        }, DISK_DEFAULTS.keys)),
      { default: { sizeMb: 40960, ...DISK_DEFAULTS.keys }, nested: DISK_DEFAULTS },
    ),
    /** Network adapters `{type, natNetwork?, bridgeAdapter?, hostOnlyAdapter?, internalNetwork?, promiscuous?, macAddress?}` (1-8; Neutron's external flat network needs promiscuous "allow-all"). */
    nics: field((z) => z.array(nicSchema(z)).min(1, "needs at least one NIC").max(8, "at most 8 NICs"), { default: [{ type: "nat", ...NIC_DEFAULTS.keys }], nested: { each: NIC_DEFAULTS } }),
    /** Boot devices in order. */
    bootOrder: field((z) =>
      z
        .array(z.enum(BOOT_DEVICES, msg(`must be one of ${BOOT_DEVICES.join(", ")}`)))
        .min(1, "needs at least one device")
        .max(4, "at most 4 devices")
        .refine((a) => new Set(a).size === a.length, "must not repeat a device"),
      { default: ["disk", "dvd"] },
    ),
    /** Nested VT-x/AMD-V (Packstack's Nova runs nested guests). */
    nestedVirtualization: field((z) => z.boolean(msg("must be true or false")), { default: true }),
    /** The graphics controller. */
    graphicsController: field((z) => z.enum(["vmsvga", "vboxvga", "vboxsvga", "none"], msg('must be "vmsvga", "vboxvga", "vboxsvga" or "none"')), { default: "vmsvga" }),
    /** The wanted power state. */
    state: field((z) => z.enum(["running", "poweroff"], msg('must be "running" or "poweroff"')), { default: "running" }),
    /** How the VM is started (used at the next start). */
    startType: field((z) => z.enum(["headless", "gui", "sdl", "separate"], msg('must be "headless", "gui", "sdl" or "separate"')), { default: "headless" }),
    /** Seconds to wait for an ACPI shutdown before a hard power-off. */
    gracefulStopSeconds: field((z) => z.number(msg("must be a number")).min(0, "must not be negative").max(3600, "must be at most 3600"), { default: 120 }),
    /** Installer DVD image (required with unattended; with unattended it defines what is installed). */
    installerIso: field((z) => z.string(msg("must be a string")).min(1, "must not be empty").optional(), { replace: true }),
    /** Unattended CentOS Stream 9 install with our kickstart `{rootPassword, sshPublicKey, hostname?, ip?, prefixLength?, gateway?, dns?, timeZone?, packages?}` (static IPv4, root SSH key). */
    unattended: field((z) => unattendedSchema(z).optional(), { replace: true, secret: true, nested: UNATTENDED_DEFAULTS }),
    /** Where an SSH banner tells that the guest is up `{host?, port, timeoutSeconds?}` (a forwarded host port; no Guest Additions needed; also bounded by customTimeouts.create). */
    readiness: field((z) =>
      z
        .strictObject(withDefaults({
          host: z
            .string(msg("must be a host name or an IP address (a string)"))
            .refine((s) => isIP(s) !== 0 || READINESS_HOST.test(s), "must be a host name or an IP address such as 127.0.0.1 (no spaces, line breaks or empty labels)"),
          port: portSchema(z),
          timeoutSeconds: z.number(msg("must be a number of seconds")).int("must be a whole number of seconds").min(1, "must be at least 1"),
        }, READINESS_DEFAULTS.keys))
        .optional(),
      { nested: READINESS_DEFAULTS },
    ),
  },
  outputs: {
    name: output<string>(),
    /** The VM's UUID (= the id). */
    uuid: output<string>(),
    osType: output<string>(), cpus: output<number>(), memoryMb: output<number>(),
    /** Live VMState: running, poweroff, saved, aborted, paused, ... */
    state: output<string>(),
    nics: output<Nic[]>(), bootOrder: output<string[]>(), nestedVirtualization: output<boolean | null>(),
    graphicsController: output<string | null>(), disk: output<DiskInput | undefined>(),
  },
});
