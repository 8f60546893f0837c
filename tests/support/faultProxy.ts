import { randomUUID } from "crypto";
import * as http from "http";
import * as https from "https";
import type { AddressInfo, Socket } from "net";

/**
 * A small HTTP proxy on 127.0.0.1:<random port> in front of a real service (Keystone or Neutron) that injects
 * faults on demand. Point the client at it with `endpointOverrides: {network: proxy.url}` or `authUrl: proxy.url + "/v3"`.
 */
export interface FaultProxy {
  /** http(s)://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /**
   * Answer `status` (503 by default) with a Neutron-style error body for the next `n` requests. With
   * `forward: true` each request first reaches the real service and its answer is thrown away (the work was
   * done, the answer was lost). With `when`, only requests matching it are failed (the others pass through):
   * real Neutron answers 409 to a DELETE or a PUT, never to a GET.
   */
  failNext(n: number, opts?: { status?: number; retryAfterSeconds?: number; forward?: boolean; when?: RequestMatch }): void;
  /** Reset (TCP RST) the connection of the next `n` requests once they arrive (optionally after forwarding them). */
  resetNext(n: number, opts?: { forward?: boolean }): void;
  /**
   * Once a request matching `when` has been answered, hold every later request (unanswered, connection open) until
   * `resume()`: lets a test act at an exact point of a run, however fast the run is.
   */
  pauseAfter(when: RequestMatch): void;
  /**
   * The next request matching `when` reaches the real service, but its answer (and every later request) is held
   * until `resume()`: the work is done, the client has not heard of it yet.
   */
  holdAnswerOf(when: RequestMatch): void;
  resume(): void;
  /** Stop listening and drop open connections: clients get ECONNREFUSED. */
  refuse(): Promise<void>;
  /** Listen again on the same port. */
  accept(): Promise<void>;
  /** Rewrite `token.expires_at` in Keystone's token answers to now + `seconds` (undefined: leave them alone). */
  tokenLifetime(seconds: number | undefined): void;
  /** Requests seen (including failed ones), in order. */
  readonly seen: Array<{ method: string; path: string; status: number | "reset" }>;
  /** TCP connections accepted so far (keep-alive clients reuse one for sequential requests). */
  readonly connections: number;
  /** x-openstack-request-id of the last injected error answer. */
  readonly lastInjectedRequestId: string | undefined;
  /** The last token that went through: a request's X-Auth-Token or a response's X-Subject-Token. */
  readonly lastToken: string | undefined;
  close(): Promise<void>;
}

type RequestMatch = (r: { method: string; path: string }) => boolean;

/** `tls`: serve HTTPS with this key and certificate (PEM) instead of HTTP. */
export async function startFaultProxy(target: string, opts: { tls?: { key: string; cert: string } } = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let connections = 0;
  let tokenLifetimeSeconds: number | undefined;
  let failures: Array<{ status: number; retryAfterSeconds?: number; forward: boolean; when?: RequestMatch }> = [];
  let resets: Array<{ forward: boolean }> = [];
  let lastInjectedRequestId: string | undefined;
  let lastToken: string | undefined;
  const seen: FaultProxy["seen"] = [];
  let pauseWhen: RequestMatch | undefined;
  let holdWhen: RequestMatch | undefined;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  const closeGate = () => {
    let open!: () => void;
    const promise = new Promise<void>((r) => (open = r));
    gate = { promise, open };
  };

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port || 80,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, connection: "close" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      while (gate) await gate.promise;
      const method = req.method ?? "GET";
      const path = (req.url ?? "/").split("?")[0];
      const token = req.headers["x-auth-token"];
      if (typeof token === "string") lastToken = token;
      const body = Buffer.concat(chunks);
      try {
        const reset = resets.shift();
        if (reset) {
          if (reset.forward) await forward(req, body);
          seen.push({ method, path, status: "reset" });
          req.socket.resetAndDestroy();
          return;
        }
        const failureAt = failures.findIndex((f) => !f.when || f.when({ method, path }));
        const failure = failureAt < 0 ? undefined : failures.splice(failureAt, 1)[0];
        if (failure) {
          if (failure.forward) await forward(req, body);
          lastInjectedRequestId = `req-${randomUUID()}`;
          const headers: http.OutgoingHttpHeaders = {
            "Content-Type": "application/json",
            "x-openstack-request-id": lastInjectedRequestId,
          };
          if (failure.retryAfterSeconds !== undefined) headers["Retry-After"] = String(failure.retryAfterSeconds);
          seen.push({ method, path, status: failure.status });
          res.writeHead(failure.status, headers);
          res.end(JSON.stringify({ NeutronError: { type: errorTypeFor(failure.status), message: `fault proxy: injected ${failure.status}`, detail: "" } }));
          return;
        }
        const answer = await forward(req, body);
        if (tokenLifetimeSeconds !== undefined && method === "POST" && path.endsWith("/auth/tokens") && answer.status === 201) {
          const doc = JSON.parse(answer.body.toString("utf8"));
          doc.token.expires_at = new Date(Date.now() + tokenLifetimeSeconds * 1000).toISOString();
          answer.body = Buffer.from(JSON.stringify(doc));
        }
        const subject = answer.headers["x-subject-token"];
        if (typeof subject === "string") lastToken = subject;
        seen.push({ method, path, status: answer.status });
        if (holdWhen?.({ method, path })) {
          holdWhen = undefined;
          closeGate();
          await (gate as unknown as { promise: Promise<void> }).promise; // until resume()
        }
        const headers = { ...answer.headers };
        delete headers.connection;
        delete headers["transfer-encoding"];
        headers["content-length"] = String(answer.body.length);
        res.writeHead(answer.status, headers);
        res.end(answer.body);
        if (pauseWhen?.({ method, path })) {
          pauseWhen = undefined;
          closeGate();
        }
      } catch (e) {
        res.writeHead(502, { "Content-Type": "text/plain" });
        res.end(`fault proxy: upstream failed: ${(e as Error).message}`);
      }
    });
  };
  const server: http.Server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  server.on("connection", (s: Socket) => {
    connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    failNext(n, opts = {}) {
      failures = Array.from({ length: n }, () => ({ status: opts.status ?? 503, retryAfterSeconds: opts.retryAfterSeconds, forward: opts.forward ?? false, when: opts.when }));
    },
    resetNext(n, opts = {}) {
      resets = Array.from({ length: n }, () => ({ forward: opts.forward ?? false }));
    },
    tokenLifetime(seconds) {
      tokenLifetimeSeconds = seconds;
    },
    pauseAfter(when) {
      pauseWhen = when;
    },
    holdAnswerOf(when) {
      holdWhen = when;
    },
    resume() {
      pauseWhen = undefined;
      holdWhen = undefined;
      const g = gate;
      gate = undefined;
      g?.open();
    },
    refuse: stop,
    accept: () => listen(port),
    seen,
    get connections() {
      return connections;
    },
    get lastInjectedRequestId() {
      return lastInjectedRequestId;
    },
    get lastToken() {
      return lastToken;
    },
    close: stop,
  };
}

function errorTypeFor(status: number): string {
  return ({ 401: "Unauthorized", 429: "OverLimit", 502: "BadGateway", 503: "ServiceUnavailable", 504: "GatewayTimeout" } as Record<number, string>)[status] ?? "HTTPError";
}
