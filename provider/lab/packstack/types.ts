/** lab.PackstackInstall: inputs (from spec.ts), outputs, the field rules and the checks spanning fields (built at call time). */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema } from "../../core/spec";
import { spec } from "./spec";
import type { ScopedCloud } from "../../openstack/client";
import { answerProblems, DEPRECATED_KEYS } from "./zedOptions";
import { PASSWORD_ANSWER_KEY } from "../../core/secrets";

export const L2_AGENTS = ["openvswitch", "linuxbridge", "ovn"] as const;
export type L2Agent = (typeof L2_AGENTS)[number];
/** What check() lets through ("linuxbridge" is refused with its reason, see packstackSchema). */
export const SUPPORTED_L2_AGENTS = ["openvswitch", "ovn"] as const;
/** Nova's libvirt virt_type: "auto" follows the VM (kvm with /dev/kvm, qemu without). */
export const VIRT_TYPES = ["auto", "kvm", "qemu"] as const;
export type VirtType = (typeof VIRT_TYPES)[number];
export const NETWORK_TYPES = ["local", "flat", "vlan", "gre", "vxlan", "geneve"] as const;

/** The checked inputs (the spec's fields; `healthy` always true). */
export type PackstackInputs = Omit<InputsOf<typeof spec>, "healthy"> & { healthy: true };

export interface ServiceHealth {
  name: string;
  active: boolean;
}

/** keystonerc_admin in the `cloud` shape the OpenStack resources take (every field keystonerc sets is there). */
export type CloudOutput = ScopedCloud;

export interface PackstackOutputs {
  keystonerc: CloudOutput | null;
  dashboardUrl: string;
  /** The answer file every Packstack run uploads (secret). */
  answerFile: string;
  services: ServiceHealth[];
  healthy: boolean;
  problems: string[];
  /** nova.conf's [libvirt] virt_type, or "auto" while it is what the VM has (see the input). */
  virtType: string;
  /** The VM has /dev/kvm (nested virtualization): what virtType "auto" follows. */
  kvm: boolean;
  runs: number;
  /** The host key seen on first connect, kept so later operations refuse another host. */
  hostKeyFingerprint: string;
}

export type PackstackState = PackstackInputs & PackstackOutputs;

/** Inputs that end up in the answer file: changing one re-runs Packstack (with the same passwords). */
export const ANSWER_INPUTS = [
  "adminPassword", "hostIp", "externalInterface", "bridge", "physnet", "tenantNetworkTypes", "typeDrivers", "l2Agent",
  "provisionDemo", "extraAnswers",
] as const;

export const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/**
 * Linux interface names: at most 15 characters, no '/', whitespace or ':' (and nothing a shell cares about); the
 * first character a letter or digit (so no "-enp0s3" read as an option, no "." or "..").
 */
export const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;
export const PHYSNET = /^[A-Za-z0-9_.-]{1,64}$/;
export const ANSWER_KEY = /^CONFIG_[A-Z0-9_]+$/;

export function ipToInt(ip: string): number {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}

export function sameSubnet(a: string, b: string, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(ipToInt(a) / size) === Math.floor(ipToInt(b) / size);
}

/** A Packstack password: at least 6 characters, nothing its shell and Puppet files would misread. */
export function passwordSchema(z: Z, what: string) {
  return z
    .string({ error: `is required (${what})` })
    .min(6, "must be at least 6 characters")
    .refine((s) => !PASSWORD_FORBIDDEN.test(s), PASSWORD_RULE);
}

/** A list of ML2 network types. */
export function networkTypesSchema(z: Z) {
  return z.array(z.enum(NETWORK_TYPES, { error: `each must be one of ${NETWORK_TYPES.join(", ")}` })).min(1, "must not be empty");
}

/** The spec's fields, with the checks spanning fields. */
export function packstackSchema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((p, ctx) => {
      const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const drivers = known(p.typeDrivers, p.tenantNetworkTypes);
      for (const t of drivers ? p.tenantNetworkTypes : []) {
        if (!p.typeDrivers.includes(t)) issue(["tenantNetworkTypes"], `"${t}" is not in typeDrivers (${p.typeDrivers.join(", ")})`);
      }
      if (p.l2Agent === "linuxbridge") {
        issue(["l2Agent"], `"linuxbridge" is not supported by lab.PackstackInstall: the external network it prepares is an Open vSwitch bridge (ifcfg-${typeof p.bridge === "string" ? p.bridge : "br-ex"} of TYPE=OVSBridge, the host's address on it), which a linuxbridge agent does not use (it would need CONFIG_NEUTRON_LB_INTERFACE_MAPPINGS and no external bridge); use "openvswitch" or "ovn"`);
      }
      if (known(p.l2Agent, p.typeDrivers) && p.l2Agent !== "ovn" && p.typeDrivers.includes("geneve")) issue(["typeDrivers"], `geneve needs l2Agent "ovn" (l2Agent is "${p.l2Agent}")`);
      if (known(p.l2Agent, p.tenantNetworkTypes) && p.l2Agent === "ovn" && p.tenantNetworkTypes.some((t) => t === "vxlan" || t === "gre")) {
        issue(["tenantNetworkTypes"], 'l2Agent "ovn" carries tenant networks over geneve; use ["geneve"] or l2Agent "openvswitch"');
      }
      if (!known(p.gateway, p.hostIp, p.prefixLength)) {
        // judged at `up`
      } else if (p.gateway === p.hostIp) issue(["gateway"], "must differ from hostIp");
      else if (!sameSubnet(p.hostIp, p.gateway, p.prefixLength)) issue(["gateway"], `${p.gateway} is not in ${p.hostIp}/${p.prefixLength}`);
      if (typeof p.extraAnswers !== "object" || p.extraAnswers === null) return;
      for (const [key, value] of Object.entries(p.extraAnswers)) {
        const own = (k: string | undefined) => (k !== undefined && Object.prototype.hasOwnProperty.call(MANAGED_KEYS, k) ? MANAGED_KEYS[k] : undefined);
        const owner = own(key) ?? own(own(DEPRECATED_KEYS[key]) ? DEPRECATED_KEYS[key] : undefined) ?? own(key.toUpperCase());
        if (owner) issue(["extraAnswers", key], `is set by the ${owner} input; set that instead`);
        else if (!known(value) || typeof value !== "string") {
          // judged once known (at `up`)
        } else {
          const problems = answerProblems(key, value);
          if (problems.length) issue(["extraAnswers", key], problems.join("; "));
          else if (PASSWORD_ANSWER_KEY.test(key) && value !== "" && PASSWORD_FORBIDDEN.test(value)) issue(["extraAnswers", key], `a password ${PASSWORD_RULE}`);
        }
      }
    }, whenValid(["tenantNetworkTypes", "typeDrivers", "l2Agent", "gateway", "hostIp", "prefixLength", "extraAnswers"]));
}

/** Passwords (adminPassword, CONFIG_DEFAULT_PASSWORD, CONFIG_*_PW) go into shell and Puppet files unquoted. */
export const PASSWORD_FORBIDDEN = /[\s'"\\$`\u0085]/;
export const PASSWORD_RULE = "must not contain whitespace, quotes, \\, $ or ` (Packstack writes it into shell and Puppet files)";
export const IFNAME_RULE = "a letter or digit first, then letters, digits, _ . -, at most 15 characters";

/**
 * Answer keys the inputs own (extraAnswers may not set them), and the input(s) that set each. Every key
 * answerFile.ts `desiredAnswers` writes must be here (a unit test holds them together).
 */
export const MANAGED_KEYS: Record<string, string> = {
  CONFIG_KEYSTONE_ADMIN_PW: "adminPassword",
  CONFIG_NOVA_LIBVIRT_VIRT_TYPE: "virtType",
  CONFIG_CONTROLLER_HOST: "hostIp",
  CONFIG_COMPUTE_HOSTS: "hostIp",
  CONFIG_NETWORK_HOSTS: "hostIp",
  CONFIG_PROVISION_DEMO: "provisionDemo",
  CONFIG_NEUTRON_L2_AGENT: "l2Agent",
  CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS: "l2Agent",
  CONFIG_NEUTRON_ML2_TYPE_DRIVERS: "typeDrivers",
  CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES: "tenantNetworkTypes",
  CONFIG_NEUTRON_L3_EXT_BRIDGE: "bridge",
  CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS: "physnet/bridge",
  CONFIG_NEUTRON_OVS_BRIDGE_IFACES: "bridge/externalInterface",
  CONFIG_NEUTRON_OVS_EXTERNAL_PHYSNET: "physnet",
  CONFIG_NEUTRON_OVN_BRIDGE_MAPPINGS: "physnet/bridge",
  CONFIG_NEUTRON_OVN_BRIDGE_IFACES: "bridge/externalInterface",
  CONFIG_NEUTRON_OVN_EXTERNAL_PHYSNET: "physnet",
};
