/**
 * Reboot and wait, over the operation's one SshConnection object: trigger the reboot detached (so the command
 * returns before the machine goes down), wait for the connection to drop, reconnect until it answers again (host
 * key still pinned), all bounded by the operation's deadline.
 */
import { HostKeyMismatchError, SshAuthError, SshConnection, SshConnectionLostError } from "../../ssh";
import { RemoteHost } from "../common";
import { pollUntil, retryUntil } from "../../core/retry";

const POLL_MS = 250;

export async function rebootAndWait(host: RemoteHost, ctx: { deadline: number; progress(line: string): void }): Promise<void> {
  const conn: SshConnection = host.conn;
  ctx.progress("rebooting the host (SELinux only changes mode at boot)");
  // Detached, with its own stdio, so this command's channel closes before the machine goes down.
  const trigger = "setsid -f sh -c 'sleep 2; systemctl reboot' </dev/null >/dev/null 2>&1";
  await host.run(["sh", "-c", trigger], { timeoutMs: 30_000 }).catch((e) => {
    if (!(e instanceof SshConnectionLostError)) throw e; // it went down even faster: that is the point
  });
  await pollUntil(async () => conn.connected, (connected) => !connected, {
    firstMs: POLL_MS,
    capMs: POLL_MS,
    deadline: ctx.deadline,
    lastLookAtDeadline: true,
    timedOut: () => {
      throw new Error("the host did not go down for its reboot before the deadline (customTimeouts)");
    },
  });
  ctx.progress("host is down; waiting for SSH to answer again");
  await retryUntil(() => conn.reconnect(), {
    firstMs: 1000,
    capMs: 1000,
    deadline: ctx.deadline,
    retryable: (e) => !(e instanceof HostKeyMismatchError || e instanceof SshAuthError),
    giveUp: (e) => new Error(`the host did not come back from its reboot before the deadline (customTimeouts): ${(e as Error).message}`),
  });
  ctx.progress("host is back after the reboot");
}
