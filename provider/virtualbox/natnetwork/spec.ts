/** virtualbox.NatNetwork's inputs and outputs, written once (provider/core/spec.ts). Only the name replaces. */
import { defineSpec, field, output } from "../../core/spec";
import { vboxNameSchema } from "../vboxmanage/schema";
import { vboxFields } from "../vboxmanage/spec";
import { cidrSchema, portForwardSchema, PortForward } from "./types";

export const spec = defineSpec({
  key: "virtualbox.NatNetwork",
  inputs: {
    ...vboxFields,
    /** The network's name (its id). */
    name: field((z) => vboxNameSchema(z), { replace: true }),
    /** IPv4 range, /8 to /30, no host bits, e.g. "10.0.2.0/24"; the gateway is its first address (`natnetwork modify --network`). */
    cidr: field((z) => cidrSchema(z)),
    /** VirtualBox's DHCP server on the network. */
    dhcp: field((z) => z.boolean({ error: "must be true or false" }), { default: true }),
    /** The network is enabled. */
    enabled: field((z) => z.boolean({ error: "must be true or false" }), { default: true }),
    /** IPv6 on the network. */
    ipv6: field((z) => z.boolean({ error: "must be true or false" }), { default: false }),
    /** IPv4 port forwards `{name, protocol: tcp|udp, hostIp?, hostPort, guestIp, guestPort}`, reconciled as a set (changed rules are deleted and re-added). */
    portForwards: field((z) => z.array(portForwardSchema(z)), { default: [] }),
  },
  outputs: {
    name: output<string>(), cidr: output<string>(),
    /** The network's gateway (its first address). */
    gateway: output<string | null>(),
    dhcp: output<boolean>(), enabled: output<boolean>(), ipv6: output<boolean>(),
    portForwards: output<PortForward[]>(),
  },
});
