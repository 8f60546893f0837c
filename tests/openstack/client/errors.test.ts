import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { clientFor, forgetClients, isConflict, isNotFound, OpenStackClient, OpenStackHttpError } from "../../../provider/openstack/client";
import { adminCloud } from "../../support/cloud";
import { startFaultProxy } from "../../support/faultProxy";
import { everythingIn, rejectionOf, uniqueName } from "./helpers";

describe("OpenStack client: Neutron errors are typed", () => {
  let client: OpenStackClient;
  beforeAll(async () => {
    client = await clientFor(adminCloud());
  });

  it("a missing network is a 404 NetworkNotFound with the request id", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const e = await rejectionOf(client.get("network", `/v2.0/networks/${id}`));
    expect(e).toBeInstanceOf(OpenStackHttpError);
    expect(isNotFound(e)).toBe(true);
    expect(e).toMatchObject({ service: "network", method: "GET", path: `/v2.0/networks/${id}`, status: 404, errorType: "NetworkNotFound" });
    expect(e.detail).toContain(id);
    expect(e.requestId).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(e.message).toContain(e.requestId);
  });

  it("a duplicate security group rule is a 409 SecurityGroupRuleExists", async () => {
    const { security_group: sg } = await client.post("network", "/v2.0/security-groups", { security_group: { name: uniqueName("oslab-client-sg") } });
    try {
      const rule = { security_group_rule: { security_group_id: sg.id, direction: "ingress", ethertype: "IPv4", protocol: "tcp", port_range_min: 22, port_range_max: 22 } };
      await client.post("network", "/v2.0/security-group-rules", rule);
      const e = await rejectionOf(client.post("network", "/v2.0/security-group-rules", rule));
      expect(isConflict(e)).toBe(true);
      expect(e).toMatchObject({ status: 409, method: "POST", errorType: "SecurityGroupRuleExists", attempts: 1 });
      expect(e.message).toMatch(/POST \/v2.0\/security-group-rules: HTTP 409 SecurityGroupRuleExists: Security group rule already exists/);
      expect(everythingIn(e)).not.toContain(adminCloud().password);
    } finally {
      await client.delete("network", `/v2.0/security-groups/${sg.id}`);
    }
  });

  it("a bad request body is a 400 with Neutron's message", async () => {
    const e = await rejectionOf(client.post("network", "/v2.0/networks", { network: { admin_state_up: "sideways" } }));
    expect(e).toMatchObject({ status: 400, errorType: "InvalidInput" });
    expect(e.detail).toMatch(/'sideways' cannot be converted to boolean/);
  });
});

describe("OpenStack client: TLS", () => {
  let dir: string;
  let cert: string;
  let key: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-tls-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    cert = fs.readFileSync(path.join(dir, "cert.pem"), "utf8");
    key = fs.readFileSync(path.join(dir, "key.pem"), "utf8");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => forgetClients());

  it("verifies the server against caCertPem, refuses an unknown CA, and skips checks when insecure", async () => {
    const proxy = await startFaultProxy("http://127.0.0.1:5000", { tls: { key, cert } });
    try {
      const cloud = { ...adminCloud(), authUrl: `${proxy.url}/v3` };
      const trusted = await clientFor({ ...cloud, caCertPem: cert });
      expect(trusted.projectId).toMatch(/^[0-9a-f]{32}$/);

      const e = await rejectionOf(clientFor(cloud));
      expect(e).toBeInstanceOf(OpenStackHttpError);
      expect(e.status).toBe(0);
      expect(e.message).toMatch(/self[- ]signed/i);
      expect(everythingIn(e)).not.toContain(cloud.password);

      const insecure = await clientFor({ ...cloud, insecure: true });
      expect(insecure.projectId).toBe(trusted.projectId);
    } finally {
      await proxy.close();
    }
  });
});
