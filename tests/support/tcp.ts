/** TCP plumbing the tests' forwards and proxies share. */
import type * as net from "net";

/**
 * Joins two sockets both ways: each is tracked in `sockets` until it closes (so a stop can destroy what is left),
 * errors are left to the close, and either side closing closes the other.
 */
export function splice(client: net.Socket, upstream: net.Socket, sockets: Set<net.Socket>): void {
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  }
  client.pipe(upstream).pipe(client);
  client.on("close", () => upstream.destroy());
  upstream.on("close", () => client.destroy());
}
