/**
 * lab.PackstackInstall's inputs and outputs, written once (provider/core/spec.ts). Every field changes in place:
 * an input that ends up in the answer file re-runs Packstack with the same passwords (ANSWER_INPUTS, types.ts);
 * the others repair without a run. The checks spanning fields are in types.ts.
 */
import { customTimeoutsSchema } from "../../core/schema";
import { defineSpec, field, fieldNotArg, output } from "../../core/spec";
import { hasLineSeparator, ONE_LINE_MESSAGE } from "../../core/text";
import { connectionField } from "../common/spec";
import type { CloudConfig } from "../../openstack/client/config";
import type { ServiceHealth } from "./types";
import { IFNAME, IFNAME_RULE, IPV4, L2_AGENTS, networkTypesSchema, passwordSchema, PHYSNET, SUPPORTED_L2_AGENTS, VIRT_TYPES } from "./types";

export const spec = defineSpec({
  key: "lab.PackstackInstall",
  inputs: {
    /**
     * `{host, port, user, privateKey | password, hostKeyFingerprint}` (secret). The host key is pinned on first
     * use. Packstack and every command run as root: a `user` other than `root` needs password-less `sudo` (each
     * command goes through `sudo -n`; a user sudo refuses fails the operation with an error naming it).
     */
    connection: connectionField(),
    /** Keystone `admin` password (`CONFIG_KEYSTONE_ADMIN_PW`), secret. No whitespace, quotes, `\`, `$`, backtick. */
    adminPassword: field((z) => passwordSchema(z, "the Keystone admin password"), { secret: true }),
    /** `CONFIG_CONTROLLER_HOST`, `CONFIG_COMPUTE_HOSTS`, `CONFIG_NETWORK_HOSTS`, and br-ex's address. */
    hostIp: field((z) => z.string().regex(IPV4, "must be an IPv4 address such as 10.0.2.15"), { default: "10.0.2.15" }),
    /** Becomes an OVS port of the bridge. */
    externalInterface: field((z) => z.string().regex(IFNAME, `must be a network interface name such as enp0s3 (${IFNAME_RULE})`), { default: "enp0s3" }),
    /** The external Open vSwitch bridge. */
    bridge: field((z) => z.string().regex(IFNAME, `must be an Open vSwitch bridge name such as br-ex (${IFNAME_RULE})`), { default: "br-ex" }),
    /** The external network's physical network. */
    physnet: field((z) => z.string().regex(PHYSNET, "must be a physical network name such as extnet (letters, digits, _ . -)"), { default: "extnet" }),
    /** Must be among `typeDrivers`. */
    tenantNetworkTypes: field((z) => networkTypesSchema(z), { default: ["vxlan"] }),
    /** ML2 type drivers. */
    typeDrivers: field((z) => networkTypesSchema(z), { default: ["vxlan", "flat"] }),
    /** `openvswitch` or `ovn` (`linuxbridge` is refused: the external bridge this resource prepares is an Open vSwitch bridge). */
    l2Agent: field((z) => z.enum(L2_AGENTS, { error: `must be one of ${SUPPORTED_L2_AGENTS.join(", ")}` }), { default: "openvswitch" }),
    /** `CONFIG_PROVISION_DEMO`. */
    provisionDemo: field((z) => z.boolean(), { default: false }),
    /**
     * More Packstack Zed answers, e.g. `{CONFIG_CINDER_VOLUMES_SIZE: "30G"}`, checked as the README describes
     * (secret: they hold passwords too). Keys owned by an input above are refused (set the input).
     */
    extraAnswers: field(
      (z) => z.record(z.string(), z.string({ error: "values must be strings" }).refine((v) => !hasLineSeparator(v), `values ${ONE_LINE_MESSAGE}`)),
      { default: {}, secret: true },
    ),
    /** How long to wait for one Packstack run, minutes (customTimeouts, default 3h, also bound it). */
    timeoutMinutes: field((z) => z.number().int("must be a whole number").min(5, "must be at least 5").max(24 * 60, "must be at most 1440"), { default: 120 }),
    /** The gateway written to ifcfg-br-ex. */
    gateway: field((z) => z.string().regex(IPV4, "must be an IPv4 address such as 10.0.2.1"), { default: "10.0.2.1" }),
    /** The prefix length written to ifcfg-br-ex. */
    prefixLength: field((z) => z.number().int("must be a whole number").min(8, "must be between 8 and 30").max(30, "must be between 8 and 30"), { default: 24 }),
    /**
     * Nova's libvirt `virt_type` (`CONFIG_NOVA_LIBVIRT_VIRT_TYPE`, whose Packstack default is `qemu` in any VM):
     * `auto` = `kvm` when the VM has `/dev/kvm` (nested virtualization), `qemu` otherwise; `kvm` / `qemu` force
     * one. Checked in nova.conf on every read; a change of this input alone sets nova.conf and restarts
     * nova-compute, no Packstack run.
     */
    virtType: field((z) => z.enum(VIRT_TYPES, { error: `must be one of ${VIRT_TYPES.join(", ")} ("auto": kvm when the VM has /dev/kvm, else qemu)` }), { default: "auto" }),
    /**
     * Not an Args field: the health we want, always true. The output of the same name holds the live health, so
     * after a refresh an unhealthy install shows as a change of `healthy` and `pulumi up` repairs it.
     */
    healthy: fieldNotArg((z) => z.literal(true, { error: "is an output (the live health); leave it unset" }), { default: true }),
    /** `{}` takes over an install that already exists on the host (its answer file, so its passwords stay; see below). */
    adopt: field((z) => z.strictObject({}, { error: "must be {} (it takes over the install on the host the connection reaches)" }).optional()),
    /** Time limits (a resource option, passed on by the sdk class: not an Args field). */
    customTimeouts: fieldNotArg((z) => customTimeoutsSchema(z).optional()),
  },
  outputs: {
    /**
     * `/root/keystonerc_admin` as `{authUrl, username, password, projectName, userDomainName, projectDomainName,
     * regionName}`: pass it as `cloud` to the openstack.* resources (secret).
     */
    keystonerc: output<CloudConfig>({ secret: true }),
    /** `http://<hostIp>/dashboard`. */
    dashboardUrl: output<string>(),
    /** The answer file every Packstack run uploads (secret). */
    answerFile: output<string>({ secret: true }),
    /** `[{name, active}]` of the 17 units an all-in-one install runs. */
    services: output<ServiceHealth[]>(),
    /** The health check's verdict (with `problems`). */
    healthy: output<boolean>(),
    /** Problems found by the health check, one line each with the fix. */
    problems: output<string[]>(),
    /** How many times this resource ran Packstack. */
    runs: output<number>(),
    /** The host key seen on first connect, kept so later operations refuse another host. */
    hostKeyFingerprint: output<string>(),
    hostIp: output<string>(), externalInterface: output<string>(), bridge: output<string>(), physnet: output<string>(),
    tenantNetworkTypes: output<string[]>(), typeDrivers: output<string[]>(), l2Agent: output<string>(), provisionDemo: output<boolean>(),
    extraAnswers: output<Record<string, string>>(),
    /** nova.conf's `[libvirt] virt_type`; `auto` while it is what `auto` means, so a hand change (`virt_type=kvm` in a VM without `/dev/kvm`) shows as drift. */
    virtType: output<string>(),
    /** The VM has /dev/kvm (nested virtualization): what virtType "auto" follows. */
    kvm: output<boolean>(),
  },
});
