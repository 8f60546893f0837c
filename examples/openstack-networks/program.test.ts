/**
 * The stack's config keys the README does not use, under pulumi.runtime.setMocks: no `cloud` (the provider's own
 * credential sources) and every other key overriding the seed's defaults. No cloud is touched. The README's run
 * (readme.test.ts) covers the defaults against the real cloud: the objects equal to the seed's commands' own.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { installRecordingMocks, Recorder, Registration, valueOf } from "../../tests/harness/programCapture";
import { isSecret, stripSecrets } from "../../tests/harness/wire";

const PROJECT = "openstack-networks";

/** Runs index.ts once, fresh, with `config` (keys without namespace) and returns what it registered. */
async function runProgram(config: Record<string, string>, secretKeys: string[] = []) {
  let rec!: Recorder;
  rec = await installRecordingMocks(
    { newResource: (a) => ({ id: `${a.name}-id`, state: { ...a.inputs, securityGroupId: "sg-default-id" } }), call: (a) => a.inputs },
    PROJECT,
    "dev",
  );
  pulumi.runtime.setAllConfig(
    Object.fromEntries(Object.entries(config).map(([k, v]) => [`${PROJECT}:${k}`, v])),
    secretKeys.map((k) => `${PROJECT}:${k}`),
  );
  let exportsOf: Record<string, pulumi.Output<string>> = {};
  jest.isolateModules(() => {
    exportsOf = require(path.join(__dirname, "index.ts"));
  });
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(exportsOf)) outputs[k] = await valueOf(v);
  const byName = (n: string) => rec.registrations.find((r) => r.name === n) as Registration;
  return { outputs, byName, registrations: rec.registrations };
}

test("without a `cloud` config no resource gets one: the provider finds the credentials itself", async () => {
  const { registrations } = await runProgram({});
  expect(registrations).toHaveLength(4);
  for (const r of registrations) expect(r.inputs).not.toHaveProperty("cloud");
});

test("stack config overrides the defaults; the `cloud` config reaches every resource as a secret", async () => {
  const cloud = { authUrl: "http://127.0.0.1:5000/v3", username: "admin", password: "pw-from-config", projectName: "admin" };
  const { byName, registrations } = await runProgram(
    {
      networkName: "ext2",
      physicalNetwork: "physnet9",
      subnetName: "pub2",
      cidr: "192.168.50.0/24",
      gatewayIp: "192.168.50.254",
      poolStart: "192.168.50.10",
      poolEnd: "192.168.50.20",
      securityGroup: "0b6c3c3e-1111-4222-8333-944445555666",
      sshPort: "2222",
      cloud: JSON.stringify(cloud),
    },
    ["cloud"],
  );
  expect(byName("external-network").inputs).toMatchObject({ name: "ext2", providerPhysicalNetwork: "physnet9" });
  expect(byName("public-subnet").inputs).toMatchObject({
    name: "pub2",
    cidr: "192.168.50.0/24",
    gatewayIp: "192.168.50.254",
    allocationPools: [{ start: "192.168.50.10", end: "192.168.50.20" }],
  });
  expect(byName("allow-ssh").inputs).toMatchObject({ securityGroup: "0b6c3c3e-1111-4222-8333-944445555666", portRangeMin: 2222, portRangeMax: 2222 });
  for (const r of registrations) {
    expect(isSecret(r.inputs.cloud)).toBe(true);
    expect(stripSecrets(r.inputs.cloud)).toEqual(cloud);
    expect(r.inputs.__provider).not.toContain("pw-from-config");
  }
});
