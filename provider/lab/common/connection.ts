/**
 * The `connection` input every lab resource shares (sdk/lab/connection.ts) and opening it: one SSH connection
 * per operation, the host key pinned (the pin from the inputs, else the one kept in state, else trust on first
 * use), connects bounded by the operation's deadline, secrets masked in every error and progress line.
 */
import { isIP } from "net";
import type { Z } from "../../core/controller";
import { known } from "../../core/refine";
import { withDefaults } from "../../core/spec";
import { CONNECTION_DEFAULTS } from "./spec";
import { connect, isFingerprint, SshConnection } from "../../ssh";

export interface ConnectionInput {
  host: string;
  port: number;
  user: string;
  privateKey?: string;
  passphrase?: string;
  password?: string;
  hostKeyFingerprint?: string;
}

const USER = /^[a-z_][a-z0-9_.-]{0,31}$/;
/** A DNS name or an IPv4/IPv6 literal; nothing a shell or ssh option parser could misread. */
const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
/** A host name or an IP address literal (".." or "::::" are neither). */
export function isHostOrIp(s: string): boolean {
  return isIP(s) !== 0 || DNS_NAME.test(s);
}
/** A PEM/OpenSSH private key: the BEGIN line, a base64 body, the matching END line. */
const PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\s*(?:[A-Za-z0-9-]+:[^\n]*\n\s*)*[A-Za-z0-9+/=\s]*[A-Za-z0-9+/]{4}[A-Za-z0-9+/=\s]*-----END \1PRIVATE KEY-----/;

export function connectionSchema(z: Z) {
  return z
    .strictObject(withDefaults({
      host: z.string({ error: "must be a host name or an IP address (a string)" }).refine(isHostOrIp, "must be a host name or an IP address (letters, digits, - and dots between labels; no spaces)"),
      port: z.number({ error: "must be a port number from 1 to 65535" }).int("must be a whole number").min(1, "must be between 1 and 65535").max(65535, "must be between 1 and 65535"),
      user: z.string({ error: "must be a user name (a string)" }).regex(USER, "must be a user name (lower case letters, digits, _ . -)"),
      privateKey: z.string({ error: "must be the private key's text (a string: -----BEGIN ... PRIVATE KEY----- ...)" }).min(1, "must not be empty").optional(),
      passphrase: z.string({ error: "must be the private key's passphrase (a string)" }).optional(),
      password: z.string({ error: "must be the password (a string)" }).min(1, "must not be empty").optional(),
      hostKeyFingerprint: z.string({ error: 'must look like "SHA256:<43 base64 characters>"' }).refine(isFingerprint, 'must look like "SHA256:<43 base64 characters>"').optional(),
    }, CONNECTION_DEFAULTS.keys), { error: "must be an object {host, port, user, privateKey or password, hostKeyFingerprint}" })
    .superRefine((c, ctx) => {
      if (!known(c.privateKey, c.password)) return;
      if (c.privateKey === undefined && c.password === undefined) {
        ctx.addIssue({ code: "custom", path: ["privateKey"], message: "give privateKey (preferred) or password" });
      }
      if (c.privateKey !== undefined && !PRIVATE_KEY.test(c.privateKey)) {
        ctx.addIssue({ code: "custom", path: ["privateKey"], message: "must be a whole PEM/OpenSSH private key: the -----BEGIN ... PRIVATE KEY----- line, the key, the -----END ... PRIVATE KEY----- line" });
      }
    });
}

export function connectionSecrets(c: ConnectionInput): string[] {
  return [c.privateKey, c.passphrase, c.password].filter((s): s is string => typeof s === "string" && s.length > 0);
}

export interface OpenOptions {
  /** Pin kept in state from an earlier operation (used when the inputs pin none). */
  pinnedInState?: string | null;
  deadline: number;
  progress(line: string): void;
}

/** Opens the one connection of an operation; the caller closes it. */
export async function openConnection(c: ConnectionInput, o: OpenOptions): Promise<SshConnection> {
  return connect({
    host: c.host,
    port: c.port,
    user: c.user,
    privateKey: c.privateKey,
    passphrase: c.passphrase,
    password: c.password,
    hostKeyFingerprint: c.hostKeyFingerprint ?? o.pinnedInState ?? undefined,
    deadline: o.deadline,
    secrets: connectionSecrets(c),
    log: o.progress,
  });
}
