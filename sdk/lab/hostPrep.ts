import * as pulumi from "@pulumi/pulumi";
import { spec } from "../../provider/lab/hostprep/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { ConnectionArgs } from "./connection";

/**
 * Prepares a CentOS Stream 9 host for Packstack, item by item (check, then act): static IP on the interface,
 * hostname, locale in /etc/environment, firewalld off, NetworkManager off and network.service on, SELinux
 * disabled (rebooting when the kernel still enforces), CRB + the OpenStack repo, packages, root SSH for Packstack.
 * Prechecks (OS, RAM, CPUs, disk, interface, gateway, repos, hostname) run before any change.
 * Fields, docs, secrets: provider/lab/hostprep/spec.ts; see its README.md.
 */
export interface HostPrepArgs extends Omit<ArgsOf<typeof spec>, "connection"> {
  /** How to reach the host over SSH (kept secret in state). */
  connection: pulumi.Input<ConnectionArgs>;
}

/** `HostPrep.get(name, id, state)` reads a prepared host (read probes the host the connection reaches against `state`) without managing it. */
export const HostPrep = resourceClass<typeof spec, HostPrepArgs>(spec);
export type HostPrep = ResourceInstance<typeof spec>;
