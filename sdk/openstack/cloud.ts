import * as pulumi from "@pulumi/pulumi";
import type { AdoptInput } from "../../provider/core/schema";
import type { CloudConfig } from "../../provider/openstack/client/config";
import type { InputsOf } from "../inputs";

/**
 * Where and how to authenticate (Keystone v3, password, project-scoped). When a resource has no `cloud`, the
 * provider looks, in order, at: `OS_CLOUD` + clouds.yaml, the `OS_*` environment variables, then a keystonerc
 * file as Packstack writes it (see provider/openstack/client/README.md). The fields and their docs are the
 * client's `CloudConfig` (provider/openstack/client/config.ts), each a `pulumi.Input`.
 */
export interface CloudArgs extends InputsOf<CloudConfig> {}

/** Adopt an existing object instead of creating one: by its id, or by its (unique) name. */
export interface AdoptArgs extends InputsOf<AdoptInput> {}

/** The whole `cloud` input is kept secret in state (it carries the password). */
export function secretCloud(cloud: pulumi.Input<CloudArgs> | undefined): pulumi.Input<CloudArgs> | undefined {
  return cloud === undefined ? undefined : pulumi.secret(cloud);
}
