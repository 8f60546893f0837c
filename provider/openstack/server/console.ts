/**
 * A server's remote console URL (Nova's remote-consoles API, microversion 2.6+): POST
 * /servers/{id}/remote-consoles {"remote_console": {"protocol": "vnc", "type": "novnc"}}. Every call makes a new
 * console token (valid for Nova's [consoleauth] token_ttl, 10 minutes by default); nothing else changes.
 */
import { clientFor, nova } from "../client";
import type { CloudConfig } from "../client";
import { serverUrl } from "./urls";

/** 2.6 introduced remote-consoles (the os-getVNCConsole actions before it are deprecated). */
export const CONSOLE_MICROVERSION = "2.6";

export const CONSOLE_TYPES = { vnc: ["novnc", "xvpvnc"], spice: ["spice-html5"], rdp: ["rdp-html5"], serial: ["serial"] } as const;
export type ConsoleProtocol = keyof typeof CONSOLE_TYPES;

export interface ConsoleRequest {
  serverId: string;
  protocol?: ConsoleProtocol;
  type?: string;
  /** Replaces the scheme, host and port of Nova's URL (the lab: Nova names 10.0.2.15:6080, the PC uses the forward). */
  baseUrl?: string;
  cloud?: Partial<CloudConfig> | null;
}

/** The URL with `baseUrl`'s origin (and path prefix, when it has one) in place of Nova's origin. */
export function rebase(url: string, baseUrl?: string): string {
  if (!baseUrl) return url;
  const from = new URL(url);
  const to = new URL(baseUrl);
  const prefix = to.pathname.replace(/\/$/, "");
  return `${to.origin}${prefix}${from.pathname}${from.search}${from.hash}`;
}

export async function remoteConsoleUrl(r: ConsoleRequest): Promise<string> {
  const protocol = r.protocol ?? "vnc";
  const types: readonly string[] = CONSOLE_TYPES[protocol] ?? [];
  if (!types.length) throw new Error(`console protocol "${protocol}" is not one of ${Object.keys(CONSOLE_TYPES).join(", ")}`);
  const type = r.type ?? types[0];
  if (!types.includes(type)) throw new Error(`console type "${type}" does not go with protocol ${protocol} (${types.join(", ")})`);
  const client = await clientFor(r.cloud ?? null);
  const res = await nova<{ remote_console: { url: string } }>(client, CONSOLE_MICROVERSION, "POST", `${serverUrl(r.serverId)}/remote-consoles`, {
    body: { remote_console: { protocol, type } },
    idempotent: true,
  });
  return rebase(res.remote_console.url, r.baseUrl);
}
