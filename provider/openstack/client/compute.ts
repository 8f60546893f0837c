/**
 * Nova calls with a microversion: Nova answers in the shape of the version a request asks for (2.1 by default), so
 * every compute request names the one its resource is written against (`OpenStack-API-Version: compute 2.x`).
 */
import type { HttpMethod, OpenStackClient, QueryValue } from "./client";

export function microversionHeaders(version: string): Record<string, string> {
  return { "OpenStack-API-Version": `compute ${version}`, "X-OpenStack-Nova-API-Version": version };
}

/** One Nova request at `version`; the parsed body. */
export async function nova<T = any>(
  client: OpenStackClient,
  version: string,
  method: HttpMethod,
  path: string,
  opts: { body?: unknown; query?: Record<string, QueryValue>; idempotent?: boolean } = {},
): Promise<T> {
  return (await client.request<T>("compute", method, path, { ...opts, headers: microversionHeaders(version) })).data;
}
