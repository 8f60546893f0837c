/**
 * The stack's resource graph under pulumi.runtime.setMocks: what `pulumi up` would register, with the seed's values
 * as defaults and stack config overriding them. No cloud is touched (the real run, from the README, is readme.test.ts).
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

test("defaults: the seed's network, subnet and two ingress rules on the default group", async () => {
  const { byName, registrations, outputs } = await runProgram({});
  // registration order depends on when inputs resolve: compare as a set
  expect(registrations.map((r) => [r.name, r.type]).sort()).toEqual([
    ["allow-icmp", "pulumi-nodejs:dynamic/openstack:SecurityGroupRule"],
    ["allow-ssh", "pulumi-nodejs:dynamic/openstack:SecurityGroupRule"],
    ["external-network", "pulumi-nodejs:dynamic/openstack:Network"],
    ["public-subnet", "pulumi-nodejs:dynamic/openstack:Subnet"],
  ]);
  const net = byName("external-network");
  expect(net.inputs).toMatchObject({ name: "external_network", external: true, providerNetworkType: "flat", providerPhysicalNetwork: "extnet" });
  expect(net.inputs.__provider).toMatch(/^exports\.handler = /);
  expect(net.inputs).not.toHaveProperty("cloud"); // no `cloud` config: the provider finds credentials itself

  const subnet = byName("public-subnet");
  expect(subnet.inputs).toMatchObject({
    name: "public_subnet",
    networkId: "external-network-id",
    cidr: "10.0.2.0/24",
    ipVersion: 4,
    gatewayIp: "10.0.2.1",
    enableDhcp: false,
    allocationPools: [{ start: "10.0.2.100", end: "10.0.2.200" }],
  });
  expect(subnet.propertyDependencies.networkId).toEqual([net.urn]);
  expect(subnet.dependencies).toContain(net.urn);

  expect(byName("allow-icmp").inputs).toMatchObject({ securityGroup: "default", direction: "ingress", ethertype: "IPv4", protocol: "icmp", remoteIpPrefix: "0.0.0.0/0" });
  expect(byName("allow-icmp").inputs).not.toHaveProperty("portRangeMin");
  expect(byName("allow-ssh").inputs).toMatchObject({ securityGroup: "default", direction: "ingress", protocol: "tcp", portRangeMin: 22, portRangeMax: 22 });

  expect(outputs).toEqual({
    networkId: "external-network-id",
    subnetId: "public-subnet-id",
    icmpRuleId: "allow-icmp-id",
    sshRuleId: "allow-ssh-id",
    securityGroupId: "sg-default-id",
  });
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
