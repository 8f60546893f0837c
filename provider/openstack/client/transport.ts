import type { AxiosInstance, AxiosStatic } from "axios";
import * as http from "http";
import * as https from "https";
import { OpenStackHttpError } from "./errors";
import { retryUntil } from "../../core/retry";
import { backoffMs, isConnectionFailure, retryAfterMs, retryPolicy, shouldRetry } from "./retry";
import { traceRequest } from "./trace";

/** One HTTP call as the client sends it; `path` (as the caller gave it) is what errors and traces show. */
export interface WireRequest {
  service: string;
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  /** May be repeated after it possibly reached the server (idempotent methods, token requests). */
  retrySafe: boolean;
}

export interface WireResponse {
  status: number;
  data: any;
  headers: Record<string, string>;
  attempts: number;
  /** An earlier attempt may have reached the server (it answered, or the connection broke after sending). */
  earlierAttemptMayHaveApplied: boolean;
}

export interface TlsOptions {
  caCertPem?: string;
  insecure?: boolean;
}

const REQUEST_TIMEOUT_MS = 120_000;
/** Idle keep-alive sockets are closed before servers usually drop them, so a reused socket is rarely stale. */
const FREE_SOCKET_TIMEOUT_MS = 3_000;

/**
 * HTTP with keep-alive, TLS options and bounded retries. Answers with any HTTP status (the caller decides what
 * is an error); throws OpenStackHttpError (status 0) when no answer came after the allowed attempts.
 */
export class Transport {
  private readonly axios: AxiosInstance;

  constructor(tls: TlsOptions) {
    // axios (about 70 modules with its dependencies) loads with the first request's client, not with a controller:
    // a no-op `pulumi up` (check and diff only) never needs it
    const axios: AxiosStatic = require("axios");
    this.axios = axios.create({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 16, timeout: FREE_SOCKET_TIMEOUT_MS }),
      httpsAgent: new https.Agent({
        keepAlive: true,
        maxSockets: 16,
        timeout: FREE_SOCKET_TIMEOUT_MS,
        ca: tls.caCertPem || undefined,
        rejectUnauthorized: !tls.insecure,
      }),
      timeout: REQUEST_TIMEOUT_MS,
      maxRedirects: 0,
      proxy: false,
      validateStatus: () => true,
      responseType: "text",
      transformResponse: [(d: unknown) => d],
    });
  }

  async send(req: WireRequest): Promise<WireResponse> {
    const policy = retryPolicy();
    let mayHaveApplied = false;
    let firstRefusedAt: number | undefined;
    // every try decides itself whether it is the last; retryUntil only waits `delayMs` between them
    return retryUntil(
      async (attempt) => {
        let delayMs: number;
        try {
          const res = await this.axios.request({
            method: req.method,
            url: req.url,
            headers: { Accept: "application/json", "User-Agent": "pulumi-openstack-lab", ...req.headers },
            data: req.body === undefined ? undefined : JSON.stringify(req.body),
          });
          traceRequest({ method: req.method, service: req.service, path: req.path, status: res.status });
          const headers = flatHeaders(res.headers as Record<string, unknown>);
          if (attempt >= policy.maxAttempts || !shouldRetry({ status: res.status }, req.retrySafe)) {
            return {
              status: res.status,
              data: parseBody(res.data, headers["content-type"]),
              headers,
              attempts: attempt,
              earlierAttemptMayHaveApplied: mayHaveApplied,
            };
          }
          mayHaveApplied = true;
          delayMs = res.status === 429 || res.status === 503
            ? retryAfterMs(headers["retry-after"], policy) ?? backoffMs(attempt, policy)
            : backoffMs(attempt, policy);
        } catch (e) {
          const code = connectionCode(e);
          // Never rethrow axios errors: they carry the request config, headers (the token) and body (the password).
          if (code === undefined) throw otherFailure(req, e, attempt);
          if (code !== "ECONNREFUSED") traceRequest({ method: req.method, service: req.service, path: req.path, status: null, error: code });
          if (code === "ECONNREFUSED") firstRefusedAt ??= Date.now();
          const stillWaiting = code === "ECONNREFUSED" && Date.now() - (firstRefusedAt as number) < policy.refusedWaitMs;
          if ((attempt >= policy.maxAttempts && !stillWaiting) || !shouldRetry({ code }, req.retrySafe)) {
            throw new OpenStackHttpError(req.service, req.method, req.path, 0, {
              code,
              detail: `cannot reach ${hostOf(req.url)}`,
              attempts: attempt,
            });
          }
          if (code !== "ECONNREFUSED") mayHaveApplied = true;
          delayMs = backoffMs(attempt, policy);
        }
        throw new TryAgain(delayMs);
      },
      {
        firstMs: policy.baseDelayMs,
        capMs: policy.maxDelayMs,
        deadline: Infinity,
        retryable: (e) => e instanceof TryAgain,
        waitMs: (e) => (e as TryAgain).delayMs,
      },
    );
  }

  /**
   * One request whose body is a stream (an image file), sent once: a stream cannot be replayed, so a failure is
   * the caller's to handle (a broken connection throws OpenStackHttpError with status 0).
   */
  async sendStream(req: Omit<WireRequest, "body" | "retrySafe"> & { body: NodeJS.ReadableStream }): Promise<Omit<WireResponse, "attempts" | "earlierAttemptMayHaveApplied">> {
    try {
      const res = await this.axios.request({
        method: req.method,
        url: req.url,
        headers: { Accept: "application/json", "User-Agent": "pulumi-openstack-lab", ...req.headers },
        data: req.body,
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
        timeout: 0,
      });
      traceRequest({ method: req.method, service: req.service, path: req.path, status: res.status });
      const headers = flatHeaders(res.headers as Record<string, unknown>);
      return { status: res.status, data: parseBody(res.data, headers["content-type"]), headers };
    } catch (e) {
      const code = connectionCode(e);
      traceRequest({ method: req.method, service: req.service, path: req.path, status: null, error: code ?? "error" });
      if (code === undefined) throw otherFailure(req as WireRequest, e, 1);
      throw new OpenStackHttpError(req.service, req.method, req.path, 0, { code, detail: `connection to ${hostOf(req.url)} broke during the upload`, attempts: 1 });
    }
  }
}

/** A try that asks for another after `delayMs` (jittered backoff, or the server's Retry-After). */
class TryAgain {
  constructor(readonly delayMs: number) {}
}

function otherFailure(req: WireRequest, e: unknown, attempts: number): OpenStackHttpError {
  const err = e as { code?: string; message?: string };
  return new OpenStackHttpError(req.service, req.method, req.path, 0, {
    code: typeof err?.code === "string" ? err.code : undefined,
    detail: `${hostOf(req.url)}: ${typeof err?.message === "string" ? err.message : String(e)}`,
    attempts,
  });
}

/** The connection-failure code of an axios/Node error, or undefined for anything else. */
function connectionCode(e: unknown): string | undefined {
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (isConnectionFailure(code)) return code;
  if (typeof err?.message === "string" && /socket hang up/i.test(err.message)) return "ECONNRESET";
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the service";
  }
}

function flatHeaders(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}

/** JSON when it looks like JSON, the text otherwise, null when empty. */
function parseBody(text: unknown, contentType: string | undefined): any {
  if (typeof text !== "string") return text ?? null;
  if (text.length === 0) return null;
  if (/json/i.test(contentType ?? "") || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
