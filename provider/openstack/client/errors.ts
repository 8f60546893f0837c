/**
 * Typed errors of the OpenStack client. They carry what a user needs to find the failing call in the cloud's logs
 * (method, path, status, the service's error type and message, x-openstack-request-id) and never the token,
 * the password or the request headers.
 */
export class OpenStackHttpError extends Error {
  /** Neutron's `NeutronError.type` (e.g. "SecurityGroupRuleExists"), Keystone's `error.title`, Nova's fault key. */
  readonly errorType?: string;
  /** The service's error message. */
  readonly detail?: string;
  /** x-openstack-request-id of the failing response. */
  readonly requestId?: string;
  /** Node's error code when no HTTP answer came (ECONNREFUSED, ECONNRESET, ETIMEDOUT ...). */
  readonly code?: string;
  /** How many times the request was sent before giving up. */
  readonly attempts: number;

  constructor(
    readonly service: string,
    readonly method: string,
    readonly path: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    info: { errorType?: string; detail?: string; requestId?: string; code?: string; attempts?: number } = {},
  ) {
    super(describe(service, method, path, status, info));
    this.name = "OpenStackHttpError";
    this.errorType = info.errorType;
    this.detail = info.detail;
    this.requestId = info.requestId;
    this.code = info.code;
    this.attempts = info.attempts ?? 1;
  }
}

function describe(
  service: string,
  method: string,
  path: string,
  status: number,
  info: { errorType?: string; detail?: string; requestId?: string; code?: string; attempts?: number },
): string {
  const what = status ? `HTTP ${status}` : `no answer (${info.code ?? "connection error"})`;
  let msg = `${service} ${method} ${path}: ${what}`;
  if (info.errorType) msg += ` ${info.errorType}`;
  if (info.detail) msg += `: ${info.detail}`;
  if (info.attempts && info.attempts > 1) msg += ` (after ${info.attempts} attempts)`;
  if (info.requestId) msg += ` [request ${info.requestId}]`;
  return msg;
}

/** Missing or unusable credentials / configuration (names what is missing and where it looked). */
export class OpenStackConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpenStackConfigError";
  }
}

/** True for a 404 from an OpenStack service (or core's NotFoundError). */
export function isNotFound(e: unknown): boolean {
  if (e instanceof OpenStackHttpError) return e.status === 404;
  return e instanceof Error && (e.name === "NotFoundError" || (e as { status?: unknown }).status === 404);
}

/** True for a 409 (Neutron: in use, already exists, IP address already allocated ...). */
export function isConflict(e: unknown): boolean {
  return e instanceof OpenStackHttpError && e.status === 409;
}

/**
 * The error type and message from an OpenStack error body:
 * Neutron `{"NeutronError": {"type", "message", "detail"}}`, Keystone `{"error": {"code", "title", "message"}}`,
 * Nova/Glance style `{"itemNotFound": {"message", "code"}}`, or plain text.
 */
export function parseErrorBody(body: unknown): { errorType?: string; detail?: string } {
  let data = body;
  if (typeof data === "string") {
    const text = data.trim();
    try {
      data = JSON.parse(text);
    } catch {
      return text ? { detail: firstLine(stripHtml(text)) } : {};
    }
  }
  if (typeof data !== "object" || data === null) return {};
  const obj = data as Record<string, any>;
  const neutron = obj.NeutronError;
  if (neutron && typeof neutron === "object") {
    return { errorType: str(neutron.type), detail: str(neutron.message) || str(neutron.detail) };
  }
  if (obj.error && typeof obj.error === "object") {
    return { errorType: str(obj.error.title) || str(obj.error.type), detail: str(obj.error.message) };
  }
  const keys = Object.keys(obj);
  if (keys.length === 1 && typeof obj[keys[0]] === "object" && obj[keys[0]] !== null) {
    return { errorType: keys[0], detail: str(obj[keys[0]].message) };
  }
  return { detail: str(obj.message) || str(obj.detail) };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function stripHtml(text: string): string {
  return text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
}

function firstLine(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
