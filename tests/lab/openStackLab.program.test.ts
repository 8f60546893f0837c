/**
 * The OpenStackLab component's graph under pulumi.runtime.setMocks: which resources `pulumi up` registers, in which
 * order (dependencies), with which values (the seed's defaults, overridable), and what stays secret.
 * Nothing runs: the real end-to-end run through the plugin is tests/lab/wholeLab.e2e.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { installRecordingMocks, Recorder, Registration, valueOf } from "../harness/programCapture";
import { isSecret, stripSecrets } from "../harness/wire";

const KEYSTONERC = {
  authUrl: "http://10.0.2.15:5000/v3",
  username: "admin",
  password: "rc-admin-pw",
  projectName: "admin",
  userDomainName: "Default",
  projectDomainName: "Default",
  regionName: "RegionOne",
};

async function runLab(args: Record<string, any> = {}) {
  const rec: Recorder = await installRecordingMocks(
    {
      newResource: (a) => {
        const state: Record<string, any> = { ...a.inputs };
        if (a.type.endsWith(":VirtualMachine")) state.uuid = "vm-uuid-1";
        if (a.type.endsWith(":PackstackInstall")) state.keystonerc = KEYSTONERC;
        return { id: `${a.name}-id`, state };
      },
      call: (a) => a.inputs,
    },
    "lab",
    "dev",
  );
  let lab: any;
  jest.isolateModules(() => {
    const { OpenStackLab } = require("../../sdk/lab/openStackLab");
    lab = new OpenStackLab("lab", {
      vm: { installerIso: "/isos/cs9.iso", rootPassword: pulumi.secret("root-pw"), sshPublicKey: "ssh-ed25519 AAAA lab", sshPrivateKey: pulumi.secret("-----BEGIN KEY-----") },
      packstack: { adminPassword: pulumi.secret("admin-pw") },
      ...args,
    });
  });
  await valueOf(lab.dashboardUrl);
  await Promise.all([lab.sshRule.id, lab.icmpRule.id, lab.publicSubnet.id, lab.externalNetwork.id].map(valueOf));
  const by = (suffix: string) => rec.registrations.find((r) => r.name === `lab-${suffix}`) as Registration;
  return { lab, rec, by };
}

/** True when `a` waits for `b` (directly, through dependsOn or a property). */
function waitsFor(a: Registration, b: Registration): boolean {
  return a.dependencies.includes(b.urn) || Object.values(a.propertyDependencies).some((urns) => urns.includes(b.urn));
}

test("registers the whole lab, each step waiting for the one before it, as the learner builds it by hand", async () => {
  const { rec, by } = await runLab();
  const types = rec.registrations.map((r) => `${r.type.replace("pulumi-nodejs:dynamic/", "")} ${r.name}`).sort();
  expect(types).toEqual([
    "lab:HostPrep lab-hostprep",
    "lab:PackstackInstall lab-packstack",
    "openstack:Network lab-external-network",
    "openstack:SecurityGroupRule lab-default-icmp",
    "openstack:SecurityGroupRule lab-default-ssh",
    "openstack:Subnet lab-public-subnet",
    "pulumi-openstack-lab:lab:OpenStackLab lab",
    "virtualbox:NatNetwork lab-natnet",
    "virtualbox:Snapshot lab-after-packstack",
    "virtualbox:VirtualMachine lab-vm",
  ]);
  const chain = ["natnet", "vm", "hostprep", "packstack", "after-packstack"].map(by);
  for (let i = 1; i < chain.length; i++) expect(waitsFor(chain[i], chain[i - 1])).toBe(true);
  for (const r of ["external-network", "public-subnet", "default-icmp", "default-ssh"]) {
    expect(waitsFor(by(r), by("after-packstack"))).toBe(true);
  }
  expect(waitsFor(by("public-subnet"), by("external-network"))).toBe(true);
  const component = rec.registrations.find((r) => r.name === "lab")!;
  for (const r of rec.registrations.filter((x) => x.name !== "lab")) expect(r.parent).toBe(component.urn);
});

test("uses the seed's addresses by default", async () => {
  const { by } = await runLab();
  expect(by("natnet").inputs).toMatchObject({ name: "LabNatNetwork", cidr: "10.0.2.0/24", dhcp: false });
  const forwards = by("natnet").inputs.portForwards.map((f: any) => `${f.name} ${f.hostIp}:${f.hostPort}->${f.guestIp}:${f.guestPort}`);
  expect(forwards).toEqual([
    "ssh 127.0.0.1:2222->10.0.2.15:22",
    "http 127.0.0.1:8080->10.0.2.15:80",
    "keystone 127.0.0.1:5000->10.0.2.15:5000",
    "neutron 127.0.0.1:9696->10.0.2.15:9696",
    "nova 127.0.0.1:8774->10.0.2.15:8774",
    "glance 127.0.0.1:9292->10.0.2.15:9292",
    "placement 127.0.0.1:8778->10.0.2.15:8778",
    "novnc 127.0.0.1:6080->10.0.2.15:6080",
  ]);
  const vm = stripSecrets(by("vm").inputs);
  expect(vm).toMatchObject({ name: "openstack-lab", nics: [{ type: "natnetwork", natNetwork: "LabNatNetwork" }], bootOrder: ["disk", "dvd"], nestedVirtualization: true });
  expect(vm.unattended).toMatchObject({ ip: "10.0.2.15", prefixLength: 24, gateway: "10.0.2.1", dns: ["8.8.8.8", "8.8.4.4"] });
  expect(stripSecrets(by("hostprep").inputs)).toMatchObject({ interface: "enp0s3", staticIp: "10.0.2.15/24", gateway: "10.0.2.1" });
  expect(stripSecrets(by("packstack").inputs)).toMatchObject({ hostIp: "10.0.2.15", externalInterface: "enp0s3", physnet: "extnet" });
  expect(by("external-network").inputs).toMatchObject({ name: "external_network", external: true, providerNetworkType: "flat", providerPhysicalNetwork: "extnet" });
  expect(by("public-subnet").inputs).toMatchObject({
    name: "public_subnet", networkId: "lab-external-network-id", cidr: "10.0.2.0/24", gatewayIp: "10.0.2.1", enableDhcp: false,
    allocationPools: [{ start: "10.0.2.100", end: "10.0.2.200" }],
  });
  expect(by("default-icmp").inputs).toMatchObject({ securityGroup: "default", protocol: "icmp", direction: "ingress" });
  expect(by("default-ssh").inputs).toMatchObject({ securityGroup: "default", protocol: "tcp", portRangeMin: 22, portRangeMax: 22 });
  // the VM's id (its UUID), which stays known in the preview of a VM update, unlike the uuid output
  expect(by("after-packstack").inputs).toMatchObject({ vm: "lab-vm-id", name: "after-packstack" });
});

test("the OpenStack resources reach the guest through the forwarded ports, with the keystonerc's credentials kept secret", async () => {
  const { by, lab } = await runLab({ natNetwork: { keystonePort: 15000, neutronPort: 19696, novaPort: 18774, glancePort: 19292, placementPort: 18778, novncPort: 16080 } });
  expect(by("natnet").inputs.portForwards.filter((f: any) => f.hostPort > 10000).map((f: any) => `${f.name} ${f.hostPort}->${f.guestPort}`)).toEqual([
    "keystone 15000->5000", "neutron 19696->9696", "nova 18774->8774", "glance 19292->9292", "placement 18778->8778", "novnc 16080->6080",
  ]);
  const cloud = by("external-network").inputs.cloud;
  expect(isSecret(cloud)).toBe(true);
  expect(stripSecrets(cloud)).toEqual({
    ...KEYSTONERC,
    authUrl: "http://127.0.0.1:15000/v3",
    endpointOverrides: {
      identity: "http://127.0.0.1:15000",
      network: "http://127.0.0.1:19696",
      compute: "http://127.0.0.1:18774/v2.1",
      image: "http://127.0.0.1:19292",
      placement: "http://127.0.0.1:18778",
    },
  });
  expect(await valueOf(lab.dashboardUrl)).toBe("http://127.0.0.1:8080/dashboard");
});

test("secrets given to the lab stay secret on every resource that receives them", async () => {
  const { by } = await runLab();
  expect(isSecret(by("vm").inputs.unattended)).toBe(true);
  expect(isSecret(by("hostprep").inputs.connection)).toBe(true);
  expect(isSecret(by("packstack").inputs.adminPassword)).toBe(true);
  expect(by("packstack").additionalSecretOutputs).toEqual(expect.arrayContaining(["keystonerc", "answerFile"]));
});

test("long steps carry customTimeouts to their providers", async () => {
  const { by } = await runLab();
  expect(by("packstack").customTimeouts?.create).toBe("150m");
  expect(by("packstack").inputs.customTimeouts).toMatchObject({ create: "150m" });
});

test("adopting a lab built by hand names the existing objects instead of creating them", async () => {
  const { by } = await runLab({
    natNetwork: { name: "NatNetwork", adopt: true },
    vm: { name: "centos9", rootPassword: "x", sshPublicKey: "k", sshPrivateKey: "p", adopt: true },
    networks: { adopt: true },
    packstack: { adminPassword: "x", adopt: true },
    snapshot: "adopt",
  });
  expect(by("natnet").inputs.adopt).toEqual({ name: "NatNetwork" });
  expect(by("vm").inputs.adopt).toEqual({ name: "centos9" });
  expect(by("vm").inputs.unattended).toBeUndefined();
  expect(by("external-network").inputs.adopt).toEqual({ name: "external_network" });
  expect(by("public-subnet").inputs.adopt).toEqual({ name: "public_subnet" });
  expect(by("packstack").inputs.adopt).toEqual({});
  expect(by("after-packstack").inputs.adopt).toEqual({ name: "after-packstack" });
});
