/**
 * A witness of what the test cloud holds that shares no code with the provider: plain HTTP (Node's fetch) to the
 * real Keystone and Neutron, one token per witness. It answers in one request what the `openstack` CLI answers in
 * 2-3 s a call (the CLI loads its Python client each time), so suites that count objects many times use it; the
 * README doc tests and the journeys keep the `openstack` CLI, as a learner types it.
 */
import { adminCloud, TestCloud } from "./cloud";

export class Witness {
  private auth?: Promise<{ token: string; network: string; projectId: string }>;

  constructor(private readonly cloud: TestCloud = adminCloud()) {}

  /** GET on Neutron's v2.0 API (`path` after /v2.0/, with its query); the JSON body. */
  async neutron(path: string, again = true): Promise<any> {
    const { token, network } = await this.login();
    const get = () => fetch(`${network}/v2.0/${path}`, { headers: { "X-Auth-Token": token, Accept: "application/json" } });
    // once more on a dropped connection: the fault suites restart the real Neutron under kept-alive sockets
    const res = await get().catch(get);
    if (res.status === 401 && again) {
      // a token of a Keystone that was restarted since (the fault suites do it): log in again, once
      this.auth = undefined;
      return this.neutron(path, false);
    }
    if (!res.ok) throw new Error(`witness: GET ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** The ids of the `kind` (networks, subnets, security_groups, routers, ports, floatingips) named `name`, sorted. */
  async idsNamed(kind: string, name: string): Promise<string[]> {
    const body = await this.neutron(`${kind.replace(/_/g, "-")}?name=${encodeURIComponent(name)}&fields=id`);
    return (body[kind] as { id: string }[]).map((o) => o.id).sort();
  }

  /** Every object of `kind` whose name starts with `prefix` (the sweeps). */
  async named(kind: string, prefix: string): Promise<{ id: string; name: string }[]> {
    const { projectId } = await this.login();
    const scope = kind === "security_groups" ? `project_id=${projectId}&` : "";
    const body = await this.neutron(`${kind.replace(/_/g, "-")}?${scope}fields=id&fields=name`);
    return (body[kind] as { id: string; name: string }[]).filter((o) => o.name.startsWith(prefix));
  }

  /** A group's ingress rules as `protocol port remote` lines, sorted (what `openstack security group rule list` shows). */
  async ingressRules(groupId: string): Promise<string[]> {
    const body = await this.neutron(`security-group-rules?security_group_id=${groupId}&direction=ingress`);
    return (body.security_group_rules as any[]).map((r) => `${r.protocol} ${r.port_range_min} ${r.remote_ip_prefix}`).sort();
  }

  private login() {
    this.auth ??= (async () => {
      const c = this.cloud;
      const res = await fetch(`${c.authUrl.replace(/\/$/, "")}/auth/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          auth: {
            identity: { methods: ["password"], password: { user: { name: c.username, password: c.password, domain: { name: c.userDomainName } } } },
            scope: { project: { name: c.projectName, domain: { name: c.projectDomainName } } },
          },
        }),
      });
      if (res.status !== 201) throw new Error(`witness: Keystone answered ${res.status}`);
      const body: any = await res.json();
      const entry = body.token.catalog.find((s: any) => s.type === "network");
      const ep = entry.endpoints.find((e: any) => e.interface === "public" && (!c.regionName || e.region_id === c.regionName || e.region === c.regionName));
      return { token: res.headers.get("x-subject-token")!, network: ep.url.replace(/\/$/, ""), projectId: body.token.project.id };
    })();
    return this.auth;
  }
}
