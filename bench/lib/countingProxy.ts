/**
 * The request counter every variant talks through: a plain HTTP proxy in front of Keystone and one in front of
 * Neutron, each on a port of its own (19697, 19696). A variant is only given the Keystone proxy as its auth URL;
 * the proxy rewrites the service addresses in every answer (the token's catalog, version documents, links), so
 * each tool then finds Neutron behind the Neutron proxy by itself, whatever client library it uses.
 *
 * Every request is logged with the time it arrived and the time its answer was sent (epoch milliseconds, see
 * `nowMs`), so run.ts can count the requests of each phase of a variant (the phases' windows come from the
 * variant) and the time the cloud was busy answering them.
 */
import * as http from "http";
import type { AddressInfo } from "net";
import { nowMs } from "./clock";
import { summarizeTrace, unionMs } from "./stats";

export interface ProxiedRequest {
  service: string;
  method: string;
  /** The path without its query string (ids included: reads are attributed by them). */
  path: string;
  status: number | null;
  startMs: number;
  endMs: number;
  /** From sending it on to the end of the service's answer: the rest of endMs - startMs is the proxy's own. */
  upstreamMs: number;
}

export interface ProxyRoute {
  service: string;
  listenPort: number;
  /** e.g. http://127.0.0.1:9696 */
  upstream: string;
}


/** Bodies are rewritten only when they are text (JSON, mostly). */
const textual = (type: string | undefined) => !type || /json|text|xml/i.test(type);

/** Hop-by-hop headers are the proxy's own business on each side; the rest goes through as it is. */
const HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "te", "upgrade"]);

export class CountingProxy {
  readonly log: ProxiedRequest[] = [];
  private readonly servers: http.Server[] = [];
  private readonly agent = new http.Agent({ keepAlive: true });
  /** [upstream host:port, proxy host:port] pairs, applied to every answer. */
  private readonly rewrites: Array<[string, string]>;

  private constructor(private readonly routes: ProxyRoute[]) {
    this.rewrites = routes.map((r) => [new URL(r.upstream).host, `127.0.0.1:${r.listenPort}`]);
  }

  static async start(routes: ProxyRoute[]): Promise<CountingProxy> {
    const proxy = new CountingProxy(routes);
    for (const route of routes) await proxy.listen(route);
    return proxy;
  }

  /** The address a client uses for `service` (http://127.0.0.1:<port>). */
  url(service: string): string {
    const route = this.routes.find((r) => r.service === service);
    if (!route) throw new Error(`no proxy route for ${service}`);
    return `http://127.0.0.1:${route.listenPort}`;
  }

  /** The requests that arrived in [startMs, endMs). */
  between(startMs: number, endMs: number): ProxiedRequest[] {
    return this.log.filter((r) => r.startMs >= startMs && r.startMs < endMs);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
    this.agent.destroy();
  }

  private rewrite(text: string): string {
    for (const [from, to] of this.rewrites) text = text.split(from).join(to);
    return text;
  }

  private listen(route: ProxyRoute): Promise<void> {
    const upstream = new URL(route.upstream);
    const server = http.createServer((req, res) => {
      const startMs = nowMs();
      const entry: ProxiedRequest = { service: route.service, method: req.method ?? "?", path: (req.url ?? "/").split("?")[0], status: null, startMs, endMs: startMs, upstreamMs: 0 };
      const headers: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== "host") headers[k] = v;
      headers.host = upstream.host;
      const body: Buffer[] = [];
      req.on("data", (c: Buffer) => body.push(c));
      req.on("end", () => {
        const payload = Buffer.concat(body);
        if (payload.length) headers["content-length"] = String(payload.length);
        const sentMs = nowMs();
        const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: this.agent }, (up) => {
          const chunks: Buffer[] = [];
          up.on("data", (c: Buffer) => chunks.push(c));
          up.on("end", () => {
            entry.upstreamMs = nowMs() - sentMs;
            let answer: Buffer = Buffer.concat(chunks);
            if (answer.length && textual(up.headers["content-type"])) answer = Buffer.from(this.rewrite(answer.toString("utf8")), "utf8");
            const back: http.OutgoingHttpHeaders = {};
            for (const [k, v] of Object.entries(up.headers)) if (!HOP.has(k)) back[k] = typeof v === "string" ? this.rewrite(v) : v;
            back["content-length"] = String(answer.length);
            // Keystone's uwsgi closes every connection; the client sees the same.
            if (/close/i.test(String(up.headers.connection ?? ""))) back.connection = "close";
            res.writeHead(up.statusCode ?? 502, back);
            res.end(answer);
            entry.status = up.statusCode ?? null;
            entry.endMs = nowMs();
            this.log.push(entry);
          });
          up.on("error", () => res.destroy());
        });
        out.on("error", (e) => {
          entry.endMs = nowMs();
          this.log.push(entry);
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(`bench proxy: ${route.service} unreachable: ${e.message}`);
        });
        out.end(payload);
      });
    });
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(route.listenPort, "127.0.0.1", () => {
        if ((server.address() as AddressInfo).port !== route.listenPort) reject(new Error(`proxy for ${route.service}: not on ${route.listenPort}`));
        else resolve();
      });
    });
  }
}

/**
 * Requests per "METHOD service", tokens, how long at least one request was open (the cloud was busy), and the
 * time the proxy itself added to them (summed over the requests).
 */
export function countRequests(requests: ProxiedRequest[]): { total: number; tokens: number; byKind: Record<string, number>; cloudBusyMs: number; proxyMs: number } {
  return {
    ...summarizeTrace(requests),
    cloudBusyMs: unionMs(requests.map((r) => ({ start: r.startMs, end: r.endMs }))),
    proxyMs: requests.reduce((sum, r) => sum + Math.max(0, r.endMs - r.startMs - r.upstreamMs), 0),
  };
}
