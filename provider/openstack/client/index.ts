/**
 * The OpenStack client every openstack.* resource uses: Keystone v3 password auth scoped to a project, one token
 * per process and set of credentials, endpoints from the catalog, keep-alive HTTP with bounded retries, typed
 * errors that never carry secrets. See README.md beside this file.
 *
 * This module is only ever require()d by provider code at call time, never serialized; the client cache below
 * lives in the provider process.
 */
import { KeystoneClient, OpenStackClient } from "./client";
import { CloudConfig, configKey, resolveCloud } from "./config";

export type { CloudConfig, ScopedCloud } from "./config";
export { resolveCloud } from "./config";
export type { OpenStackClient, RequestOptions, OpenStackResponse, ServiceType, HttpMethod, QueryValue } from "./client";
export { nova, microversionHeaders } from "./compute";
export { OpenStackHttpError, OpenStackConfigError, isNotFound, isConflict } from "./errors";

/** Connected (or connecting) clients keyed by a hash of the full credentials. */
const clients = new Map<string, Promise<OpenStackClient>>();

/**
 * The client for `cloud` (completed from OS_CLOUD/clouds.yaml, OS_* env, or a keystonerc when partial or absent).
 * The first call authenticates; later and concurrent calls with the same credentials share that token.
 * A failed authentication is not cached, so the next call tries again.
 */
export async function clientFor(cloud?: Partial<CloudConfig> | null): Promise<OpenStackClient> {
  const config = resolveCloud(cloud);
  const key = configKey(config);
  let client = clients.get(key);
  if (!client) {
    client = KeystoneClient.connect(config);
    clients.set(key, client);
    client.catch(() => {
      if (clients.get(key) === client) clients.delete(key);
    });
  }
  return client;
}

/** Forgets every cached client (tests; the next clientFor authenticates again). */
export function forgetClients(): void {
  clients.clear();
}
