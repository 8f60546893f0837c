/**
 * One connect attempt of an SshConnection (provider/ssh/connection.ts): ssh2's Client, the host key pinned. ssh2
 * (and its crypto) is required here, at the first connect, not when the module loads: a check or diff of HostPrep
 * or PackstackInstall opens no connection and never loads it (tests/engine/loadOnCall.test.ts).
 */
import type { Client, ConnectConfig } from "ssh2";
import { HostKeyMismatchError, SshAuthError } from "./errors";
import { HostKeyPin } from "./hostKey";
import type { ConnectOptions } from "./options";

type Opts = Pick<ConnectOptions, "privateKey" | "passphrase" | "password"> & { host: string; port: number; user: string };

/**
 * One connect attempt (ssh2), the host key checked against `pinned` (trust on first use when none): the ready
 * client and the fingerprint it showed. A key mismatch is HostKeyMismatchError, a refused login SshAuthError
 * (neither worth another attempt); any other failure is ssh2's error.
 */
export function dial(
  opts: Opts,
  target: string,
  pinned: string | undefined,
  readyTimeout: number,
  mask: (text: string) => string,
): Promise<{ client: Client; seen: string | undefined }> {
  const pin = new HostKeyPin(pinned);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ssh2: typeof import("ssh2") = require("ssh2");
  const client = new ssh2.Client();
  const config: ConnectConfig = {
    host: opts.host,
    port: opts.port,
    username: opts.user,
    readyTimeout,
    keepaliveInterval: 15_000,
    keepaliveCountMax: 4,
    hostVerifier: (key: Buffer) => pin.verify(key),
    ...(opts.privateKey !== undefined ? { privateKey: opts.privateKey } : {}),
    ...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
  };
  return new Promise<{ client: Client; seen: string | undefined }>((resolve, reject) => {
    let settled = false;
    client.once("ready", () => {
      settled = true;
      resolve({ client, seen: pin.seen });
    });
    client.on("error", (err: Error & { level?: string }) => {
      if (settled) return; // later errors (after ready, or a second one while failing) are handled elsewhere or moot
      settled = true;
      client.end();
      if (pin.mismatch) reject(new HostKeyMismatchError(target, pin.pinned!, pin.seen!));
      else if (err.level === "client-authentication") reject(new SshAuthError(target, methods(opts)));
      else reject(err);
    });
    try {
      client.connect(config);
    } catch (e) {
      settled = true;
      // ssh2 throws synchronously for an unreadable key or wrong passphrase: not worth retrying.
      reject(new SshAuthError(target, `${methods(opts)}: ${mask((e as Error).message)}`));
    }
  });
}

function methods(opts: Opts): string {
  const m = [];
  if (opts.privateKey !== undefined) m.push("publickey");
  if (opts.password !== undefined) m.push("password");
  return m.join(", ") || "none";
}
