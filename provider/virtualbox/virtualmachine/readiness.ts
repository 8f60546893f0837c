/**
 * Readiness without Guest Additions: an SSH server answering on the forwarded host port. SSH servers speak
 * first ("SSH-2.0-OpenSSH_8.7\r\n"), so reading one line is enough: no login, no key.
 */
import * as net from "net";
import type { OpContext } from "../../core/controller";
import { pollUntil } from "../../core/retry";

/** One attempt: the banner line, or null (refused, closed, timed out, not SSH). */
export function readSshBanner(host: string, port: number, timeoutMs = 5000): Promise<string | null> {
  return new Promise((resolve) => {
    let data = "";
    const socket = net.connect({ host, port });
    const finish = (v: string | null) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.on("error", () => finish(null));
    socket.on("close", () => finish(data.startsWith("SSH-") ? data.split(/\r?\n/)[0] : null));
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      if (data.includes("\n") || data.length > 255) finish(data.startsWith("SSH-") ? data.split(/\r?\n/)[0] : null);
    });
  });
}

export async function waitForSshBanner(host: string, port: number, until: number, ctx: OpContext, pollMs = 5000): Promise<string> {
  const started = Date.now();
  let lastReport = 0;
  const banner = await pollUntil(
    async () => {
      const banner = await readSshBanner(host, port);
      const now = Date.now();
      if (!banner && now < until && now - lastReport >= 30e3) {
        ctx.progress(`waiting for SSH on ${host}:${port} (${Math.round((now - started) / 1e3)}s)`);
        lastReport = now;
      }
      return banner;
    },
    (banner) => banner !== null,
    {
      firstMs: pollMs,
      capMs: pollMs,
      deadline: until,
      lastLookAtDeadline: true,
      timedOut: () => {
        throw new Error(`no SSH banner on ${host}:${port} after ${Math.round((Date.now() - started) / 1e3)}s (install still running, or the port forward is wrong)`);
      },
    },
  );
  ctx.progress(`SSH is up on ${host}:${port} (${banner})`);
  return banner as string;
}
