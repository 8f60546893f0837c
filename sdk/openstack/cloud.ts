import * as pulumi from "@pulumi/pulumi";

/**
 * Where and how to authenticate (Keystone v3, password, project-scoped). When a resource has no `cloud`, the
 * provider looks, in order, at: `OS_CLOUD` + clouds.yaml, the `OS_*` environment variables, then a keystonerc
 * file as Packstack writes it (see provider/openstack/client/README.md).
 */
export interface CloudArgs {
  authUrl: pulumi.Input<string>;
  username: pulumi.Input<string>;
  password: pulumi.Input<string>;
  projectName: pulumi.Input<string>;
  userDomainName?: pulumi.Input<string>;
  projectDomainName?: pulumi.Input<string>;
  regionName?: pulumi.Input<string>;
  /** "public" (default), "internal" or "admin". */
  interface?: pulumi.Input<string>;
  /** PEM of the CA that signed the cloud's TLS certificates. */
  caCertPem?: pulumi.Input<string>;
  insecure?: pulumi.Input<boolean>;
  /** Per-service endpoint URLs that replace the catalog's (e.g. {network: "http://127.0.0.1:19696"}). */
  endpointOverrides?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Adopt an existing object instead of creating one: by its id, or by its (unique) name. */
export interface AdoptArgs {
  id?: pulumi.Input<string>;
  name?: pulumi.Input<string>;
}

/** The whole `cloud` input is kept secret in state (it carries the password). */
export function secretCloud(cloud: pulumi.Input<CloudArgs> | undefined): pulumi.Input<CloudArgs> | undefined {
  return cloud === undefined ? undefined : pulumi.secret(cloud);
}
