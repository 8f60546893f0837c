import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { clientFor, forgetClients, OpenStackConfigError, resolveCloud } from "../../../provider/openstack/client";
import { parseKeystonerc } from "../../../provider/openstack/client/sources/keystonerc";
import { adminCloud } from "../../support/cloud";
import { noCredentialEnv, rejectionOf, withEnv } from "./helpers";

const PACKSTACK_RC = `unset OS_SERVICE_TOKEN
    export OS_USERNAME=admin
    export OS_PASSWORD='s3cr3t with $pace'
    export OS_REGION_NAME=RegionOne
    export OS_AUTH_URL=http://10.0.2.15:5000/v3
    export PS1='[\\u@\\h \\W(keystone_admin)]\\$ '

export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_IDENTITY_API_VERSION=3
`;

describe("OpenStack client: credential sources", () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-creds-"));
    cwd = process.cwd();
    forgetClients();
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  /** The environment a test sees: no OS_* at all, HOME in the temp dir, plus `vars`. */
  const envWith = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ HOME: path.join(dir, "home"), ...vars });

  describe("keystonerc", () => {
    it("reads a Packstack keystonerc: exports, quotes, leading spaces; ignores unset and PS1", () => {
      const vars = parseKeystonerc(PACKSTACK_RC);
      expect(vars).toEqual({
        OS_USERNAME: "admin",
        OS_PASSWORD: "s3cr3t with $pace",
        OS_REGION_NAME: "RegionOne",
        OS_AUTH_URL: "http://10.0.2.15:5000/v3",
        OS_PROJECT_NAME: "admin",
        OS_USER_DOMAIN_NAME: "Default",
        OS_PROJECT_DOMAIN_NAME: "Default",
        OS_IDENTITY_API_VERSION: "3",
      });
    });

    it("handles double quotes with escapes, comments, and unset of an earlier value", () => {
      const vars = parseKeystonerc(
        ['# comment', 'export OS_PASSWORD="a\\"b\\$c"  # trailing', "OS_USERNAME=bob", "export OS_TOKEN=x", "unset OS_TOKEN"].join("\n"),
      );
      expect(vars).toEqual({ OS_PASSWORD: 'a"b$c', OS_USERNAME: "bob" });
    });

    it("uses OSLAB_KEYSTONERC and authenticates against the test cloud with it", async () => {
      const c = adminCloud();
      const rc = write("rc/keystonerc_admin", `    export OS_USERNAME=${c.username}\n    export OS_PASSWORD='${c.password}'\n    export OS_AUTH_URL=${c.authUrl}\n    export PS1='x'\nexport OS_PROJECT_NAME=${c.projectName}\n`);
      await withEnv({ ...noCredentialEnv(), OSLAB_KEYSTONERC: rc }, async () => {
        const client = await clientFor();
        const { projects } = await client.get("identity", "/v3/projects", { name: "admin" });
        expect(client.projectId).toBe(projects[0].id);
      });
    });

    it("falls back to ./keystonerc_admin, then ~/keystonerc_admin", () => {
      write("home/keystonerc_admin", PACKSTACK_RC.replace("OS_USERNAME=admin", "OS_USERNAME=from-home"));
      expect(resolveCloud(null, envWith()).username).toBe("from-home");
      write("work/keystonerc_admin", PACKSTACK_RC.replace("OS_USERNAME=admin", "OS_USERNAME=from-cwd"));
      process.chdir(path.join(dir, "work"));
      expect(resolveCloud(null, envWith()).username).toBe("from-cwd");
    });

    it("says so when OSLAB_KEYSTONERC names a missing file", () => {
      expect(() => resolveCloud(null, envWith({ OSLAB_KEYSTONERC: path.join(dir, "nope") }))).toThrow(/OSLAB_KEYSTONERC names .*nope/);
    });
  });

  describe("OS_* environment variables", () => {
    it("reads every variable, OS_TENANT_NAME and publicURL-style interface included", () => {
      const ca = write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
      const c = resolveCloud(null, envWith({
        OS_AUTH_URL: "https://keystone.lab:5000/v3", OS_USERNAME: "u", OS_PASSWORD: "p", OS_TENANT_NAME: "t",
        OS_USER_DOMAIN_NAME: "UD", OS_PROJECT_DOMAIN_NAME: "PD", OS_REGION_NAME: "R2", OS_INTERFACE: "internalURL",
        OS_CACERT: ca, OS_INSECURE: "true",
      }));
      expect(c).toEqual({
        authUrl: "https://keystone.lab:5000/v3", username: "u", password: "p", projectName: "t",
        userDomainName: "UD", projectDomainName: "PD", regionName: "R2", interface: "internal",
        caCertPem: fs.readFileSync(ca, "utf8"), insecure: true,
      });
    });

    it("wins over a keystonerc, and is not mixed with it", () => {
      write("home/keystonerc_admin", PACKSTACK_RC);
      const e = (() => {
        try {
          resolveCloud(null, envWith({ OS_AUTH_URL: "http://k:5000/v3", OS_USERNAME: "env-user", OS_PROJECT_NAME: "p" }));
        } catch (err) {
          return err as Error;
        }
        throw new Error("expected an error");
      })();
      expect(e).toBeInstanceOf(OpenStackConfigError);
      expect(e.message).toMatch(/missing password \(from the `cloud` input and the OS_\* environment variables\)/);
    });

    it("completes a partial `cloud`; the given fields win", () => {
      const c = resolveCloud(
        { username: "given", endpointOverrides: { network: "http://127.0.0.1:1" } },
        envWith({ OS_AUTH_URL: "http://k:5000/v3", OS_USERNAME: "env-user", OS_PASSWORD: "p", OS_PROJECT_NAME: "proj" }),
      );
      expect(c).toMatchObject({ authUrl: "http://k:5000/v3", username: "given", password: "p", projectName: "proj", endpointOverrides: { network: "http://127.0.0.1:1" } });
    });

    it("is read at call time", async () => {
      const c = adminCloud();
      await withEnv({ ...noCredentialEnv(), OS_AUTH_URL: c.authUrl, OS_USERNAME: c.username, OS_PASSWORD: c.password, OS_PROJECT_NAME: c.projectName }, async () => {
        const client = await clientFor({ regionName: "RegionOne" });
        expect(client.projectId).toMatch(/^[0-9a-f]{32}$/);
      });
    });
  });

  describe("clouds.yaml", () => {
    const c = adminCloud();
    const cloudsYaml = (auth: string, extra = "") => `clouds:
  other:
    auth: {auth_url: "http://elsewhere:5000/v3", username: x, password: y, project_name: z}
  lab:
    auth:
${auth}
    region_name: RegionOne
    interface: public
    identity_api_version: 3
${extra}`;

    it("uses OS_CLOUD from OS_CLIENT_CONFIG_FILE with secure.yaml merged, and authenticates for real", async () => {
      const file = write("cfg/my-clouds.yaml", cloudsYaml(`      auth_url: http://127.0.0.1:5000\n      username: ${c.username}\n      project_name: ${c.projectName}\n      user_domain_name: Default\n      project_domain_name: Default`));
      const secure = write("cfg/secure.yaml", `clouds:\n  lab:\n    auth:\n      password: "${c.password}"\n`);
      await withEnv({ ...noCredentialEnv(), OS_CLOUD: "lab", OS_CLIENT_CONFIG_FILE: file, OS_CLIENT_SECURE_FILE: secure, OS_USERNAME: "ignored" }, async () => {
        const client = await clientFor();
        await client.get("network", "/v2.0/networks", { fields: "id" });
        expect(client.projectId).toMatch(/^[0-9a-f]{32}$/);
      });
    });

    it("finds ~/.config/openstack/clouds.yaml and reads cacert, verify and endpoint overrides", () => {
      const ca = write("ca.pem", "PEM-TEXT");
      write("home/.config/openstack/clouds.yaml", cloudsYaml(
        "      auth_url: https://k:5000/v3\n      username: u\n      password: p\n      tenant_name: t\n      user_domain_id: default",
        `    cacert: ${ca}\n    verify: false\n    network_endpoint_override: http://127.0.0.1:19696\n`,
      ));
      const got = resolveCloud(null, envWith({ OS_CLOUD: "lab" }));
      expect(got).toEqual({
        authUrl: "https://k:5000/v3", username: "u", password: "p", projectName: "t", userDomainName: "Default",
        projectDomainName: "Default", regionName: "RegionOne", interface: "public", caCertPem: "PEM-TEXT", insecure: true,
        endpointOverrides: { network: "http://127.0.0.1:19696" },
      });
    });

    it("prefers ./clouds.yaml over the home one", () => {
      write("home/.config/openstack/clouds.yaml", cloudsYaml("      auth_url: http://home\n      username: home\n      password: p\n      project_name: t"));
      write("work/clouds.yaml", cloudsYaml("      auth_url: http://cwd\n      username: cwd\n      password: p\n      project_name: t"));
      process.chdir(path.join(dir, "work"));
      expect(resolveCloud(null, envWith({ OS_CLOUD: "lab" })).username).toBe("cwd");
    });

    it("fails clearly when OS_CLOUD names a cloud no file defines", () => {
      write("home/.config/openstack/clouds.yaml", cloudsYaml("      auth_url: http://x\n      username: u\n      password: p\n      project_name: t"));
      expect(() => resolveCloud(null, envWith({ OS_CLOUD: "missing" }))).toThrow(/OS_CLOUD=missing but no clouds.yaml defines it \(looked at .*clouds.yaml/);
    });

    it("wins over OS_* variables", () => {
      write("home/.config/openstack/clouds.yaml", cloudsYaml("      auth_url: http://x\n      username: yaml-user\n      password: p\n      project_name: t"));
      expect(resolveCloud(null, envWith({ OS_CLOUD: "lab", OS_USERNAME: "env-user", OS_AUTH_URL: "http://env" })).username).toBe("yaml-user");
    });
  });

  describe("missing credentials", () => {
    it("names what is missing and every source looked at", async () => {
      const e = await withEnv({ ...noCredentialEnv(), HOME: path.join(dir, "home") }, async () => {
        process.chdir(dir);
        return rejectionOf(clientFor({ username: "someone" }));
      });
      expect(e).toBeInstanceOf(OpenStackConfigError);
      expect(e.message).toContain("missing authUrl, password, projectName");
      expect(e.message).toContain("OS_CLOUD not set");
      expect(e.message).toContain("OS_AUTH_URL");
      expect(e.message).toContain(path.join(dir, "keystonerc_admin"));
      expect(e.message).toContain(path.join(dir, "home", "keystonerc_admin"));
    });
  });
});
