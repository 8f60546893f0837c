import * as pulumi from "@pulumi/pulumi";
import { spec } from "../../provider/lab/packstack/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";
import type { ConnectionArgs } from "./connection";

export type { ServiceHealth } from "../../provider/lab/packstack/types";

/**
 * An all-in-one Packstack install of OpenStack (Zed) with OVS + vxlan and a flat external network on extnet:br-ex.
 * The answer file is generated once and kept in state as a secret: every later run uploads the same file, so
 * passwords never change. Packstack runs detached on the guest and survives the SSH connection dropping.
 * read() is a health check (services, Horizon, nova's DB credentials); update repairs without re-running
 * Packstack unless an input that changes the answer file changed.
 * Fields, docs, secrets: provider/lab/packstack/spec.ts; see its README.md.
 */
export interface PackstackInstallArgs extends Omit<ArgsOf<typeof spec>, "connection" | "adopt"> {
  /** How to reach the host over SSH (kept secret in state; `user` must be root). */
  connection: pulumi.Input<ConnectionArgs>;
  /**
   * `{}`: take over a Packstack install that already runs on the host (its answer file and keystonerc) instead of
   * refusing it; the answer file is then reused, so its passwords stay.
   */
  adopt?: pulumi.Input<Record<string, never>>;
}

/** `PackstackInstall.get(name, id, state)` reads an install (a health check of the host the connection reaches) without managing it. */
export const PackstackInstall = resourceClass<typeof spec, PackstackInstallArgs>(spec);
export type PackstackInstall = ResourceInstance<typeof spec>;
