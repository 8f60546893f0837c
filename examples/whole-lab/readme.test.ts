/**
 * Doc test: README.md's "Without the script" lines run as written (tests/docs/readme.ts) with the real Pulumi CLI
 * and the Node.js language host stand-in (tests/support/language-host), in the whole lab's test world
 * (tests/lab/support/labWorld.ts): the VBoxManage stand-in first on PATH, the real-sshd CentOS guest reached on
 * 127.0.0.1:2222 (the lab's default SSH forward; a small forwarder here in front of the world's counting proxy), the
 * key in ~/.ssh/id_ed25519, and the real test cloud on 127.0.0.1:5000/9696. `pulumi up` must build the lab from
 * nothing to the seed's networks, `preview --refresh` find nothing to do, `destroy` remove it from VirtualBox and
 * OpenStack, and nothing be left in the repository. (tests/lab/wholeLab.e2e.test.ts runs the same program with
 * the read budget and drift checks.)
 */
import * as fs from "fs";
import * as path from "path";
import { adminCloud } from "../../tests/support/cloud";
import { cloudCli, seedRules } from "../../tests/lab/support/labWorld";
import { testNothingToDo } from "../../tests/docs/readme";
import { describeLabReadme } from "../../tests/docs/labReadme";

jest.setTimeout(10 * 60_000);

let afterUp: { natnets: string; info: string; snapshots: string; network: any; subnet: any; rules: string[]; packstackRuns: number; stateText: string };

const suite = describeLabReadme({
  readme: path.join(__dirname, "README.md"),
  name: "wholelab-readme",
  // Packstack's keystonerc must authenticate against the test cloud: its admin password
  env: (world) => ({ LAB_ISO: world.isoPath, LAB_ROOT_PASSWORD: "Lab-root-pw-1", LAB_ADMIN_PASSWORD: adminCloud().password }),
  pauses: {
    "pulumi up": () => {
      const world = suite.world;
      afterUp = {
        natnets: world.vbox("natnetwork", "list", "LabNatNetwork"),
        info: world.vbox("showvminfo", "openstack-lab", "--machinereadable"),
        snapshots: world.vbox("snapshot", "openstack-lab", "list", "--machinereadable"),
        network: cloudCli.json("network", "show", "external_network"),
        subnet: cloudCli.json("subnet", "show", "public_subnet"),
        rules: seedRules().map((r) => `${r["IP Protocol"]} ${r["Port Range"]}`).sort(),
        packstackRuns: world.prep.guest.state().packstack.runs,
        stateText: fs.readFileSync(path.join(__dirname, ".pulumi", "stacks", "whole-lab", "dev.json"), "utf8"),
      };
    },
  },
});

test("pulumi up builds the lab from nothing to the seed's networks", () => {
  expect(suite.run.output("pulumi up")).toMatch(/11 created/); // 9 + the OpenStackLab component + the stack
  expect(afterUp.natnets).toMatch(/DHCP Server:\s+No/);
  for (const fwd of ["ssh:tcp:[127.0.0.1]:2222:[10.0.2.15]:22", "http:tcp:[127.0.0.1]:8080:[10.0.2.15]:80", "keystone:tcp:[127.0.0.1]:5000:[10.0.2.15]:5000", "neutron:tcp:[127.0.0.1]:9696:[10.0.2.15]:9696"]) {
    expect(afterUp.natnets).toContain(fwd);
  }
  expect(afterUp.info).toContain('VMState="running"');
  expect(afterUp.snapshots).toContain('SnapshotName="after-packstack"');
  expect(afterUp.packstackRuns).toBe(1);
  expect(afterUp.network).toMatchObject({ "provider:network_type": "flat", "provider:physical_network": "extnet", "router:external": true });
  expect(afterUp.subnet).toMatchObject({ cidr: "10.0.2.0/24", gateway_ip: "10.0.2.1", enable_dhcp: false });
  expect(afterUp.rules).toEqual(["icmp ", "tcp 22:22"]);
  expect(afterUp.stateText).not.toContain("Lab-root-pw-1");
  expect(afterUp.stateText).not.toContain(JSON.stringify(adminCloud().password));
});

testNothingToDo("pulumi preview --refresh right after: nothing to do", suite, 11);

test("pulumi destroy removes the lab", () => {
  expect(suite.run.output("pulumi destroy")).toMatch(/11 deleted/);
  expect(suite.world.vbox("list", "vms")).not.toContain("openstack-lab");
  expect(cloudCli.exists("network", "show", "external_network")).toBe(false);
  expect(seedRules()).toEqual([]);
});
