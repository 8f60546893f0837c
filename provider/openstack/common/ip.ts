/** The IP/CIDR helpers live in provider/core/ip.ts (VirtualBox and the lab use them too); re-exported here. */
export * from "../../core/ip";
