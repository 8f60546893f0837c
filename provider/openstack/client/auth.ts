import { redact } from "../../core/secrets";
import type { CatalogEntry } from "./catalog";
import type { CloudConfig } from "./config";
import { OpenStackConfigError, OpenStackHttpError, parseErrorBody } from "./errors";
import type { Transport } from "./transport";

/** A project-scoped Keystone token and what came with it. */
export interface Session {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  projectId: string;
  userId: string;
  catalog: CatalogEntry[];
}

export const TOKENS_PATH = "/v3/auth/tokens";

/** POST /v3/auth/tokens with the password method, scoped to the project. */
export async function issueToken(transport: Transport, config: CloudConfig): Promise<Session> {
  const res = await transport.send({
    service: "identity",
    method: "POST",
    url: tokensUrl(config.authUrl),
    path: TOKENS_PATH,
    headers: { "Content-Type": "application/json" },
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: config.username, domain: { name: config.userDomainName ?? "Default" }, password: config.password } },
        },
        scope: { project: { name: config.projectName, domain: { name: config.projectDomainName ?? "Default" } } },
      },
    },
    // Issuing a second token has no lasting effect, so token requests are retried like idempotent ones.
    retrySafe: true,
  });
  const token = res.headers["x-subject-token"];
  if (res.status !== 201 || !token) {
    const { errorType, detail } = parseErrorBody(res.data);
    const hint = res.status === 401 ? ` (user ${config.username} in domain ${config.userDomainName}, project ${config.projectName} in domain ${config.projectDomainName} at ${config.authUrl})` : "";
    throw new OpenStackHttpError("identity", "POST", TOKENS_PATH, res.status, {
      errorType,
      detail: detail ? redact(detail, [config.password]) + hint : hint.trim() || undefined,
      requestId: res.headers["x-openstack-request-id"],
      attempts: res.attempts,
    });
  }
  const t = res.data?.token;
  if (!t?.project?.id || !t?.user?.id) throw new OpenStackConfigError(`Keystone at ${config.authUrl} returned a token without project scope`);
  const expires = Date.parse(t.expires_at ?? "");
  return {
    token,
    expiresAt: Number.isNaN(expires) ? Date.now() + 3600_000 : expires,
    projectId: t.project.id,
    userId: t.user.id,
    catalog: Array.isArray(t.catalog) ? t.catalog : [],
  };
}

/** The tokens URL from an auth URL given as ".../v3", ".../v3/", ".../v2.0" (old rc files) or without version. */
export function tokensUrl(authUrl: string): string {
  let base = authUrl.trim().replace(/\/+$/, "");
  if (/\/v2(\.0)?$/.test(base)) base = base.replace(/\/v2(\.0)?$/, "/v3");
  if (!/\/v3$/.test(base)) base = `${base}/v3`;
  return `${base}/auth/tokens`;
}
