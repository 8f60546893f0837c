import { redact } from "../../core/secrets";
import { issueToken, Session } from "./auth";
import { endpointFor, joinUrl, queryString, SERVICE_TYPES } from "./catalog";
import type { CloudConfig } from "./config";
import { OpenStackHttpError, parseErrorBody } from "./errors";
import { isIdempotent } from "./retry";
import { Transport } from "./transport";

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";
export type QueryValue = string | number | boolean | string[] | undefined;

export interface RequestOptions {
  body?: unknown;
  /** Arrays repeat the key (Neutron's `fields=a&fields=b`); undefined values are left out. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /**
   * Override whether the request may be repeated after it possibly reached the server. Default: GET, PUT, DELETE,
   * HEAD yes; POST, PATCH no. Set false for a PUT that is not idempotent (Neutron's add_router_interface).
   */
  idempotent?: boolean;
}

export interface OpenStackResponse<T> {
  status: number;
  data: T;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface OpenStackClient {
  readonly projectId: string;
  readonly userId: string;
  /** Throws OpenStackHttpError for any status >= 400 and when the service cannot be reached. */
  request<T = any>(service: ServiceType, method: HttpMethod, path: string, opts?: RequestOptions): Promise<OpenStackResponse<T>>;
  get<T = any>(service: ServiceType, path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T = any>(service: ServiceType, path: string, body: unknown): Promise<T>;
  put<T = any>(service: ServiceType, path: string, body: unknown): Promise<T>;
  delete(service: ServiceType, path: string): Promise<void>;
  /**
   * Sends `body` (a stream, e.g. a file) as the request body, once (never repeated: a stream cannot be replayed),
   * with the given headers (Content-Type, e.g. application/octet-stream). Glance's image upload.
   */
  upload<T = any>(service: ServiceType, method: HttpMethod, path: string, body: NodeJS.ReadableStream, headers: Record<string, string>): Promise<OpenStackResponse<T>>;
}

/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 120_000;

/**
 * One authenticated connection to one cloud: the token, its catalog, the keep-alive transport. Re-authenticates
 * once on 401 (and before the token expires); concurrent re-authentications share one token request.
 */
export class KeystoneClient implements OpenStackClient {
  // ES private fields: util.inspect / JSON.stringify of a client never show the password or the token.
  readonly #config: CloudConfig;
  readonly #transport: Transport;
  #session: Session;
  #renewing: Promise<Session> | undefined;

  private constructor(config: CloudConfig, transport: Transport, session: Session) {
    this.#config = config;
    this.#transport = transport;
    this.#session = session;
  }

  static async connect(config: CloudConfig): Promise<KeystoneClient> {
    const transport = new Transport({ caCertPem: config.caCertPem, insecure: config.insecure });
    return new KeystoneClient(config, transport, await issueToken(transport, config));
  }

  get projectId(): string {
    return this.#session.projectId;
  }

  get userId(): string {
    return this.#session.userId;
  }

  async request<T = any>(service: ServiceType, method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<OpenStackResponse<T>> {
    let session = await this.#currentSession();
    let res = await this.#send(session, service, method, path, opts);
    if (res.status === 401) {
      session = await this.#renew(session);
      res = await this.#send(session, service, method, path, opts);
    }
    if (method === "DELETE" && res.status === 404 && res.earlierAttemptMayHaveApplied) {
      // A retried DELETE whose first try was answered too late: the object is gone, which is what was asked.
      return { status: 204, data: null as T, headers: res.headers };
    }
    if (res.status >= 400) {
      const { errorType, detail } = parseErrorBody(res.data);
      throw new OpenStackHttpError(service, method, path, res.status, {
        errorType,
        detail: detail === undefined ? undefined : redact(detail, [this.#config.password, session.token]),
        requestId: res.headers["x-openstack-request-id"] ?? res.headers["x-compute-request-id"],
        attempts: res.attempts,
      });
    }
    return { status: res.status, data: res.data as T, headers: res.headers };
  }

  async get<T = any>(service: ServiceType, path: string, query?: Record<string, QueryValue>): Promise<T> {
    return (await this.request<T>(service, "GET", path, { query })).data;
  }

  async post<T = any>(service: ServiceType, path: string, body: unknown): Promise<T> {
    return (await this.request<T>(service, "POST", path, { body })).data;
  }

  async put<T = any>(service: ServiceType, path: string, body: unknown): Promise<T> {
    return (await this.request<T>(service, "PUT", path, { body })).data;
  }

  async delete(service: ServiceType, path: string): Promise<void> {
    await this.request(service, "DELETE", path);
  }

  async upload<T = any>(service: ServiceType, method: HttpMethod, path: string, body: NodeJS.ReadableStream, headers: Record<string, string>): Promise<OpenStackResponse<T>> {
    const session = await this.#currentSession();
    const base = this.#base(session, service);
    const res = await this.#transport.sendStream({
      service,
      method,
      url: joinUrl(base, path),
      path: path.split("?")[0],
      headers: { ...headers, "X-Auth-Token": session.token },
      body,
    });
    if (res.status >= 400) {
      const { errorType, detail } = parseErrorBody(res.data);
      throw new OpenStackHttpError(service, method, path, res.status, {
        errorType,
        detail: detail === undefined ? undefined : redact(detail, [this.#config.password, session.token]),
        requestId: res.headers["x-openstack-request-id"],
        attempts: 1,
      });
    }
    return { status: res.status, data: res.data as T, headers: res.headers };
  }

  #base(session: Session, service: ServiceType): string {
    return endpointFor(session.catalog, service, {
      interface: this.#config.interface ?? "public",
      regionName: this.#config.regionName,
      overrides: this.#config.endpointOverrides,
      projectId: session.projectId,
    });
  }

  #send(session: Session, service: ServiceType, method: HttpMethod, path: string, opts: RequestOptions) {
    const base = this.#base(session, service);
    const headers: Record<string, string> = { ...(opts.headers ?? {}), "X-Auth-Token": session.token };
    if (opts.body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
    return this.#transport.send({
      service,
      method,
      url: joinUrl(base, path) + queryString(opts.query),
      path: path.split("?")[0],
      headers,
      body: opts.body,
      retrySafe: opts.idempotent ?? isIdempotent(method),
    });
  }

  async #currentSession(): Promise<Session> {
    if (this.#renewing) return this.#renewing;
    if (Date.now() > this.#session.expiresAt - EXPIRY_MARGIN_MS) return this.#renew(this.#session);
    return this.#session;
  }

  /** A new token, unless another request already replaced `stale`; one token request at a time. */
  #renew(stale: Session): Promise<Session> {
    if (this.#session !== stale) return Promise.resolve(this.#session);
    if (!this.#renewing) {
      this.#renewing = issueToken(this.#transport, this.#config)
        .then((s) => (this.#session = s))
        .finally(() => (this.#renewing = undefined));
    }
    return this.#renewing;
  }
}
