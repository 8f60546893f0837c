/**
 * OpenStack over bare node:http, for the raw-HTTP floor and for the benchmark's own housekeeping (finding a spare
 * physnet, sweeping leftovers). Keystone once (its uwsgi answers `Connection: close`), then every Neutron request
 * on ONE keep-alive connection (an agent with a single socket), counted.
 */
import * as http from "http";
import type { BenchCloud } from "./cloud";

export interface Session {
  token: string;
  projectId: string;
  /** The public network endpoint of the region, from the token's catalog (no trailing slash). */
  networkUrl: string;
  /** Nova's and Glance's public endpoints, when the cloud has them (the instance workload). */
  computeUrl?: string;
  imageUrl?: string;
}

export interface Answer {
  status: number;
  data: any;
}

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, agent: http.Agent | false) {
  if (body !== undefined) headers = { ...headers, "Content-Length": String(Buffer.byteLength(body)) };
  return new Promise<{ res: http.IncomingMessage; text: string; req: http.ClientRequest }>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ res, text: Buffer.concat(chunks).toString("utf8"), req }));
      res.on("error", reject);
    });
    req.on("error", (e: NodeJS.ErrnoException) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const parse = (text: string) => (text ? JSON.parse(text) : null);

/** POST /v3/auth/tokens (password, project scope) on its own connection. */
export async function authenticate(cloud: BenchCloud): Promise<Session> {
  const base = cloud.authUrl.replace(/\/+$/, "").replace(/\/v3$/, "");
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: cloud.username, domain: { name: cloud.userDomainName }, password: cloud.password } },
      },
      scope: { project: { name: cloud.projectName, domain: { name: cloud.projectDomainName } } },
    },
  });
  const { res, text } = await send(new URL(`${base}/v3/auth/tokens`), "POST", { "Content-Type": "application/json", Accept: "application/json" }, body, false);
  if (res.statusCode !== 201) throw new Error(`Keystone answered ${res.statusCode} to the token request`);
  const token = String(res.headers["x-subject-token"]);
  const t = parse(text).token;
  const network = (t.catalog ?? []).find((s: any) => s.type === "network");
  const endpoint = network?.endpoints.find((e: any) => e.interface === "public" && (e.region_id === cloud.regionName || e.region === cloud.regionName));
  if (!endpoint) throw new Error(`no public network endpoint in region ${cloud.regionName}`);
  const publicUrl = (type: string) => {
    const e = (t.catalog ?? []).find((s: any) => s.type === type)?.endpoints.find((e: any) => e.interface === "public" && (e.region_id === cloud.regionName || e.region === cloud.regionName));
    return e ? String(e.url).replace(/\/+$/, "") : undefined;
  };
  return { token, projectId: t.project.id, networkUrl: String(endpoint.url).replace(/\/+$/, ""), computeUrl: publicUrl("compute"), imageUrl: publicUrl("image") };
}

/** Neutron on one keep-alive connection. `requests` and `connections` count what was actually sent/opened. */
export class Neutron {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  requests = 0;
  connections = 0;
  private readonly sockets = new WeakSet<object>();

  constructor(private readonly session: Session) {}

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { "X-Auth-Token": this.session.token, Accept: "application/json" };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    for (let attempt = 1; ; attempt++) {
      this.requests++;
      try {
        const { res, text, req } = await send(new URL(this.session.networkUrl + path), method, headers, payload, this.agent);
        if (req.socket && !this.sockets.has(req.socket)) {
          this.sockets.add(req.socket);
          this.connections++;
        }
        return { status: res.statusCode ?? 0, data: parse(text) };
      } catch (e) {
        // A kept-alive socket the server closed meanwhile: only requests that change nothing are sent again.
        const stale = (e as { reusedSocket?: boolean; code?: string }).reusedSocket && (e as { code?: string }).code === "ECONNRESET";
        if (!stale || attempt > 1 || (method !== "GET" && method !== "DELETE")) throw e;
      }
    }
  }

  /** `call`, failing on any status but `expected` (a 404 on DELETE counts as done). */
  async ok(method: string, path: string, body?: unknown, expected: number[] = [200, 201, 204]): Promise<any> {
    const a = await this.call(method, path, body);
    if (expected.includes(a.status) || (method === "DELETE" && a.status === 404)) return a.data;
    const detail = a.data?.NeutronError ? `${a.data.NeutronError.type}: ${a.data.NeutronError.message}` : JSON.stringify(a.data);
    throw new Error(`${method} ${path} answered ${a.status}: ${detail}`);
  }

  close(): void {
    this.agent.destroy();
  }
}
